import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import helmet from "helmet";
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
 * The headers every answer of an app carries. The apps run no inline script and set no inline style
 * attribute (React's `style` goes through the DOM, which CSP allows), so the policy names only the
 * app's own origin, the gateway (HTTP and graphql-ws) and the login's token endpoint; scans and
 * receipts are shown from `blob:` URLs. No page may frame an app (clickjacking a consent).
 */
export function securityHeaders(config: SiteConfig) {
  const gateway = new URL(config.gatewayUrl);
  const gatewaySocket = `${gateway.protocol === "https:" ? "wss:" : "ws:"}//${gateway.host}`;
  const login = config.login ? [new URL(config.login.tokenUrl).origin, new URL(config.login.authorizeUrl).origin] : [];
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", gateway.origin, gatewaySocket, ...new Set(login)],
        manifestSrc: ["'self'"],
        formAction: ["'self'", ...new Set(login)],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginOpenerPolicy: { policy: "same-origin" },
    crossOriginResourcePolicy: { policy: "same-origin" },
    referrerPolicy: { policy: "no-referrer" },
    xFrameOptions: { action: "deny" },
    // Sent only where the browser reached the app over TLS (a proxy in front says so): on plain HTTP it means nothing.
    strictTransportSecurity: false,
  });
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    if (request.headers["x-forwarded-proto"] === "https") response.setHeader("strict-transport-security", "max-age=31536000; includeSubDomains");
    headers(request, response, () => next());
  };
}

/**
 * Serves a built SPA with fallback to index.html for its client-side routes, and `/config.json`
 * with its SiteConfig, so one build runs against any deployment.
 */
export async function serveSite(options: { dir: string; port: number; host?: string; config: SiteConfig }): Promise<RunningSite> {
  const assets = sirv(options.dir, { single: true, etag: true, gzip: false, dev: false });
  const config = JSON.stringify(options.config);
  const headers = securityHeaders(options.config);
  const server: Server = createServer((request, response) =>
    headers(request, response, () => {
      if (request.url === "/config.json") {
        response.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(config);
        return;
      }
      assets(request, response, () => {
        response.writeHead(404).end();
      });
    }),
  );
  await new Promise<void>((resolve) => server.listen(options.port, options.host ?? "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1"}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
