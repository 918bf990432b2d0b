import { z } from "zod";
import { commonEnv, metricsEnv, parseEnv, port } from "./config.js";
import { subgraphDatabaseUrl } from "./database.js";
import { subgraphSecretEnv } from "./gateway-signature.js";
import { identityEnv, type IdentityOptions } from "./identity.js";
import { createLogger, type Logger } from "./logger.js";
import { flushTraces } from "./tracing.js";

export interface StandaloneSettings {
  databaseUrl: string;
  port: number;
  host: string;
  logger: Logger;
  production: boolean;
  identity: IdentityOptions;
  gatewaySecret: string | null;
  metricsToken?: string;
}

/**
 * Runs one part as its own process, as in production: reads `<NAME>_PORT`, `<NAME>_DATABASE_URL`
 * (or DATABASE_URL plus the part's own database name), HOST, NODE_ENV, LOG_LEVEL and the token
 * issuer (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URL) and SUBGRAPH_SECRET, then stops
 * cleanly on SIGINT/SIGTERM.
 */
export async function runAlone(
  name: string,
  defaultPort: number,
  start: (settings: StandaloneSettings) => Promise<{ close(): Promise<void> }>,
): Promise<void> {
  const prefix = name.toUpperCase();
  const env = parseEnv({
    ...commonEnv,
    HOST: z.string().default("127.0.0.1"),
    [`${prefix}_PORT`]: port(defaultPort),
    [`${prefix}_DATABASE_URL`]: z.string().url().optional(),
    DATABASE_URL: z.string().url().optional(),
    ...identityEnv,
    ...subgraphSecretEnv,
    ...metricsEnv,
  }) as Record<string, any>;
  const logger = createLogger(name, env.LOG_LEVEL);
  const databaseUrl = env[`${prefix}_DATABASE_URL`] ?? (env.DATABASE_URL && subgraphDatabaseUrl(env.DATABASE_URL, name));
  if (!databaseUrl) {
    logger.fatal(`Set ${prefix}_DATABASE_URL or DATABASE_URL`);
    process.exit(1);
  }
  // In production a subgraph answers only its gateway; outside it, one may be tried straight.
  if (env.NODE_ENV === "production" && !env.SUBGRAPH_SECRET) {
    logger.fatal("Set SUBGRAPH_SECRET (the secret the gateway signs requests with) in production");
    process.exit(1);
  }
  if (!env.SUBGRAPH_SECRET) logger.warn("SUBGRAPH_SECRET is not set: this subgraph answers requests that did not come through the gateway");
  const running = await start({
    databaseUrl,
    port: env[`${prefix}_PORT`],
    host: env.HOST,
    logger,
    production: env.NODE_ENV === "production",
    identity: { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL },
    gatewaySecret: env.SUBGRAPH_SECRET ?? null,
    metricsToken: env.METRICS_TOKEN,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void running.close().then(flushTraces).then(() => process.exit(0)));
  }
}
