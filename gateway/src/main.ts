// First: tracing must be set up before anything loads `pg`.
import "@samtykke/server-kit/trace-this-process";
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { commonEnv, createLogger, flushTraces, identityEnv, metricsEnv, parseEnv, port, subgraphSecretEnv } from "@samtykke/server-kit";
import { corsOriginsEnv, corsOriginsOf } from "./cors.js";
import { startGateway } from "./gateway.js";
import { TRUSTED_DOCUMENT_FILES, BROWSER_CALLERS, loadTrustedDocuments } from "./trusted-documents.js";

// Runs the gateway alone, in front of subgraphs started elsewhere.
const env = parseEnv({
  ...commonEnv,
  HOST: z.string().default("127.0.0.1"),
  GATEWAY_PORT: port(4000),
  SUPERGRAPH_PATH: z.string().default(new URL("../../schema/supergraph.graphql", import.meta.url).pathname),
  PARTY_URL: z.string().url().default("http://127.0.0.1:4001/graphql"),
  TEMPLATE_URL: z.string().url().default("http://127.0.0.1:4002/graphql"),
  CONSENT_URL: z.string().url().default("http://127.0.0.1:4003/graphql"),
  // The browser apps' persisted-documents.json files, comma-separated; in production their users run only these.
  TRUSTED_DOCUMENTS: z
    .string()
    .default(TRUSTED_DOCUMENT_FILES.join(","))
    .transform((text) => text.split(",").map((path) => path.trim()).filter(Boolean)),
  ...identityEnv,
  ...corsOriginsEnv,
  ...subgraphSecretEnv,
  ...metricsEnv,
  // Where every gateway instance counts callers' limits; unset, each instance counts its own.
  REDIS_URL: z.string().url().optional(),
  // Per-caller limits as JSON, e.g. {"requestsPerMinute":{"system":5000}}; defaults in caller-limits.ts.
  GATEWAY_LIMITS: z
    .string()
    .transform((text) => JSON.parse(text) as unknown)
    .pipe(
      z
        .object({
          requestsPerMinute: z.partialRecord(z.enum(["citizen", "caseworker", "system", "thirdParty", "platform", "anonymous"]), z.number().positive()).optional(),
          socketsPerCaller: z.number().int().positive().optional(),
          subscriptionsPerSocket: z.number().int().positive().optional(),
          connectionInitTimeoutMs: z.number().int().positive().optional(),
        })
        .strict(),
    )
    .optional(),
});
const logger = createLogger("gateway", env.LOG_LEVEL);
const corsOrigins = corsOriginsOf(env.GATEWAY_CORS_ORIGINS, env.NODE_ENV === "production");
if (env.NODE_ENV === "production" && !env.SUBGRAPH_SECRET) {
  logger.fatal("Set SUBGRAPH_SECRET (the secret requests to the subgraphs are signed with) in production");
  process.exit(1);
}
const gateway = await startGateway({
  supergraphSdl: await readFile(env.SUPERGRAPH_PATH, "utf8"),
  subgraphUrls: { party: env.PARTY_URL, template: env.TEMPLATE_URL, consent: env.CONSENT_URL },
  port: env.GATEWAY_PORT,
  host: env.HOST,
  logger,
  production: env.NODE_ENV === "production",
  identity: { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL },
  limits: env.GATEWAY_LIMITS,
  trustedDocuments: await loadTrustedDocuments(env.TRUSTED_DOCUMENTS, env.NODE_ENV === "production" ? BROWSER_CALLERS : []),
  corsOrigins: () => corsOrigins,
  subgraphSecret: env.SUBGRAPH_SECRET,
  redisUrl: env.REDIS_URL,
  metricsToken: env.METRICS_TOKEN,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void gateway.close().then(flushTraces).then(() => process.exit(0)));
}
