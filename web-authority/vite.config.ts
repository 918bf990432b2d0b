import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const require = createRequire(import.meta.url);
// dkfds hides dist/ behind its package exports; its virk.dk theme is what authorities' staff know.
const dkfdsDist = join(dirname(require.resolve("dkfds")), "..");

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { "dkfds-css": join(dkfdsDist, "css/dkfds-virkdk.min.css") } },
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
});
