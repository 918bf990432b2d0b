import { webAppConfig } from "../packages/web-kit/vite-config.js";

// The virk.dk theme: what staff at authorities know.
export default webAppConfig("virkdk");
