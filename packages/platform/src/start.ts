// First: tracing must be set up before anything loads `pg`.
import "@samtykke/server-kit/trace-this-process";
import "reflect-metadata";
import { resolve } from "node:path";
import { z } from "zod";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { generateSealKey, parseSealKeys, platformClientEnv, platformClientFrom, type SealKey } from "@samtykke/consent";
import { corsOriginsEnv } from "@samtykke/gateway";
import { flushTraces, metricsEnv, parseEnv, port, type IdentityOptions } from "@samtykke/server-kit";
import { DEVELOPMENT_CPR_KEY } from "@samtykke/party";
import { startPlatform } from "./platform.js";

// `npm start`: the whole platform with demo data, on embedded PostgreSQL unless DATABASE_URL is set.
const env = parseEnv({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  DATABASE_URL: z.string().url().optional(),
  ...metricsEnv,
  DATA_DIR: z.string().default(".data"),
  EMBEDDED_POSTGRES_PORT: port(5433),
  HOST: z.string().default("127.0.0.1"),
  GATEWAY_PORT: port(4000),
  PARTY_PORT: port(4001),
  TEMPLATE_PORT: port(4002),
  CONSENT_PORT: port(4003),
  WEB_CITIZEN_PORT: port(5173),
  WEB_AUTHORITY_PORT: port(5174),
  // Where citizens reach the citizen app (behind a proxy, say); letters link there. The served app's address when not given.
  CITIZEN_APP_URL: z.string().url().optional(),
  CPR_KEY: z.string().min(32).optional(),
  CONSENT_SEAL_KEYS: z.string().min(2).optional(),
  CONSENT_SECRET_KEY: z.string().min(32).optional(),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  DEV_LOGIN_PORT: port(4005),
  // An OpenID Connect provider, or DEV_LOGIN=on for the development login (`npm start` sets it).
  DEV_LOGIN: z.enum(["on", "off"]).default("off"),
  AUTH_ISSUER: z.string().url().optional(),
  AUTH_AUDIENCE: z.string().default("samtykke"),
  AUTH_JWKS_URL: z.string().url().optional(),
  ...platformClientEnv,
  ...corsOriginsEnv,
  AUDIT_ANCHOR_FILE: z.string().min(1).optional(),
});
if (env.NODE_ENV === "production" && !env.CPR_KEY) throw new Error("CPR_KEY is required in production");
if (env.NODE_ENV === "production" && !env.CONSENT_SEAL_KEYS) throw new Error("CONSENT_SEAL_KEYS is required in production");
if (env.NODE_ENV === "production" && !env.CONSENT_SECRET_KEY) throw new Error("CONSENT_SECRET_KEY is required in production");

/** The sealing keys: from the environment, or made once and kept with the data, so sealed documents verify after a restart. */
async function sealKeys(): Promise<SealKey[]> {
  if (env.CONSENT_SEAL_KEYS) return parseSealKeys(env.CONSENT_SEAL_KEYS);
  const file = resolve(env.DATA_DIR, "seal-keys.json");
  if (existsSync(file)) return parseSealKeys(await readFile(file, "utf8"));
  const key = await generateSealKey();
  await mkdir(env.DATA_DIR, { recursive: true });
  await writeFile(file, JSON.stringify([{ kid: key.kid, ...key.privateJwk }]), { mode: 0o600 });
  return [key];
}

function identityFrom(): IdentityOptions | "dev-login" {
  if (env.AUTH_ISSUER && env.AUTH_JWKS_URL) return { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, jwksUrl: env.AUTH_JWKS_URL };
  if (env.DEV_LOGIN === "on") return "dev-login";
  throw new Error("Set AUTH_ISSUER and AUTH_JWKS_URL (an OpenID Connect provider), or DEV_LOGIN=on for the development login (never in production)");
}
const identity = identityFrom();

const progress = (message: string) => console.log(`… ${message}`);
const started = performance.now();
const platform = await startPlatform({
  databaseUrl: env.DATABASE_URL,
  embedded: { dataDir: resolve(env.DATA_DIR, "postgres"), port: env.EMBEDDED_POSTGRES_PORT },
  host: env.HOST,
  ports: {
    gateway: env.GATEWAY_PORT,
    party: env.PARTY_PORT,
    template: env.TEMPLATE_PORT,
    consent: env.CONSENT_PORT,
    citizenWeb: env.WEB_CITIZEN_PORT,
    authorityWeb: env.WEB_AUTHORITY_PORT,
    devLogin: env.DEV_LOGIN_PORT,
  },
  identity,
  sealKeys: await sealKeys(),
  consentSecretKey: env.CONSENT_SECRET_KEY,
  platformClient: platformClientFrom(env),
  corsOrigins: env.GATEWAY_CORS_ORIGINS,
  metricsToken: env.METRICS_TOKEN,
  // Next to the data here; in production, storage the database's operators cannot rewrite.
  auditAnchor: { file: env.AUDIT_ANCHOR_FILE ?? resolve(env.DATA_DIR, "audit-anchors.jsonl") },
  seedDemo: env.SEED_DEMO === "true",
  serveWeb: true,
  citizenAppUrl: env.CITIZEN_APP_URL,
  cprKey: env.CPR_KEY ?? DEVELOPMENT_CPR_KEY,
  production: env.NODE_ENV === "production",
  logLevel: env.LOG_LEVEL,
  onProgress: progress,
});

const width = Math.max(...platform.parts.map((part) => part.name.length));
console.log(`\nSamtykke is running (ready in ${((performance.now() - started) / 1000).toFixed(1)} s). Ctrl-C stops it.\n`);
for (const part of platform.parts) console.log(`  ${part.name.padEnd(width)}  ${part.url}`);
console.log("");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping…");
    void platform.stop().then(flushTraces).then(() => process.exit(0));
  });
}
