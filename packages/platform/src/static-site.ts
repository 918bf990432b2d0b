import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface RunningSite {
  url: string;
  close(): Promise<void>;
}

/** What an SPA learns at start: where the gateway is and how its users sign in (an OpenID Connect authorization code flow with PKCE). */
export interface SiteConfig {
  gatewayUrl: string;
  login?: { authorizeUrl: string; tokenUrl: string; clientId: string };
}

/**
 * Serves a built SPA with fallback to index.html for its client-side routes, and `/config.json`
 * with its SiteConfig, so one build runs against any deployment.
 */
export async function serveSite(options: { dir: string; port: number; host?: string; config: SiteConfig }): Promise<RunningSite> {
  const assets = sirv(options.dir, { single: true, etag: true, gzip: false, dev: false });
  const config = JSON.stringify(options.config);
  const server: Server = createServer((request, response) => {
    if (request.url === "/config.json") {
      response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(config);
      return;
    }
    response.setHeader("x-content-type-options", "nosniff");
    response.setHeader("referrer-policy", "no-referrer");
    assets(request, response, () => {
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
