import { z } from "zod";
import { commonEnv, createLogger, parseEnv, port } from "@samtykke/server-kit";
import { serveSite } from "./static-site.js";

// Serves the two built apps, each with the /config.json that points it at this deployment's gateway
// and login: one image runs against any gateway.
const env = parseEnv({
  ...commonEnv,
  HOST: z.string().default("127.0.0.1"),
  WEB_CITIZEN_PORT: port(5173),
  WEB_AUTHORITY_PORT: port(5174),
  // The gateway as the browser reaches it.
  PUBLIC_GATEWAY_URL: z.string().url(),
  // The OpenID Connect provider's endpoints, as the browser reaches them; each app is its own client.
  LOGIN_AUTHORIZE_URL: z.string().url(),
  LOGIN_TOKEN_URL: z.string().url(),
  WEB_CITIZEN_CLIENT_ID: z.string().default("web-citizen"),
  WEB_AUTHORITY_CLIENT_ID: z.string().default("web-authority"),
});
const logger = createLogger("web", env.LOG_LEVEL);
const root = new URL("../../../", import.meta.url).pathname;
const apps = [
  { folder: "web-citizen", port: env.WEB_CITIZEN_PORT, clientId: env.WEB_CITIZEN_CLIENT_ID },
  { folder: "web-authority", port: env.WEB_AUTHORITY_PORT, clientId: env.WEB_AUTHORITY_CLIENT_ID },
];
const sites = await Promise.all(
  apps.map((app) =>
    serveSite({
      dir: `${root}${app.folder}/dist`,
      port: app.port,
      host: env.HOST,
      config: { gatewayUrl: env.PUBLIC_GATEWAY_URL, login: { authorizeUrl: env.LOGIN_AUTHORIZE_URL, tokenUrl: env.LOGIN_TOKEN_URL, clientId: app.clientId } },
    }),
  ),
);
for (const site of sites) logger.info({ url: site.url }, "app served");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void Promise.all(sites.map((site) => site.close())).then(() => process.exit(0)));
}
