import { webAppConfig } from "../packages/web-kit/vite-config.js";

// The borger.dk theme: what citizens know.
export default webAppConfig("borgerdk");
