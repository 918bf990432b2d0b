import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const require = createRequire(import.meta.url);
// dkfds hides dist/ behind its package exports. The CSS resolves from its real place, so its relative
// font and image URLs resolve too and Vite copies the files into dist/assets.
const dkfdsDist = join(dirname(require.resolve("dkfds")), "..");

// The platform's static server answers /config.json next to the built app; `npm run dev` gets it here.
const devConfig = (clientId: string): Plugin => ({
  name: "samtykke-dev-config",
  configureServer(server) {
    server.middlewares.use("/config.json", (_request, response) => {
      const issuer = process.env.LOGIN_ISSUER ?? "http://127.0.0.1:4005";
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          gatewayUrl: process.env.GATEWAY_URL ?? "http://127.0.0.1:4000/graphql",
          login: { authorizeUrl: `${issuer}/authorize`, tokenUrl: `${issuer}/token`, clientId },
        }),
      );
    });
  },
});

/** The Vite config of both SPAs; `theme` is the dkfds stylesheet their users know (borgerdk or virkdk). */
export function webAppConfig(theme: "borgerdk" | "virkdk") {
  return defineConfig({
    plugins: [react(), devConfig(theme === "borgerdk" ? "web-citizen" : "web-authority")],
    resolve: {
      alias: {
        "dkfds-css": join(dkfdsDist, `css/dkfds-${theme}.min.css`),
        "dkfds-icons": join(dkfdsDist, "img/all-svg-icons.svg"),
      },
    },
    build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  });
}
