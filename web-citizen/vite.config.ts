import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const require = createRequire(import.meta.url);
// dkfds hides dist/ behind its package exports; its borger.dk theme is what citizens know.
const dkfdsDist = join(dirname(require.resolve("dkfds")), "..");

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "dkfds-css": join(dkfdsDist, "css/dkfds-borgerdk.min.css") } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
