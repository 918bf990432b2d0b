import "reflect-metadata";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmbeddedPostgres, type EmbeddedDatabaseServer } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { DEVELOPMENT_CPR_KEY } from "@samtykke/party";
import { startPlatform, type Platform } from "@samtykke/platform";

export const UNLIMITED = 1e9;

/**
 * The whole platform for a benchmark, on `DATABASE_URL` or an embedded PostgreSQL, with demo data and
 * without per-caller limits (a benchmark measures the platform, not its rate limits). `run` gets it
 * and everything is stopped and dropped afterwards.
 */
export async function withBenchPlatform(run: (platform: Platform) => Promise<void>): Promise<void> {
  let embedded: EmbeddedDatabaseServer | undefined;
  let dataDir: string | undefined;
  let server = process.env.DATABASE_URL;
  if (!server) {
    dataDir = mkdtempSync(join(tmpdir(), "samtykke-bench-"));
    embedded = await startEmbeddedPostgres({ dataDir, port: 25000 + Math.floor(Math.random() * 5000) });
    server = embedded.url;
  }
  const databaseUrl = uniqueDatabaseServerUrl(server);
  const platform = await startPlatform({
    databaseUrl,
    ports: { gateway: 0, party: 0, template: 0, consent: 0 },
    identity: "dev-login",
    gatewayLimits: { requestsPerMinute: { citizen: UNLIMITED, caseworker: UNLIMITED, system: UNLIMITED, anonymous: UNLIMITED }, socketsPerCaller: UNLIMITED },
    seedDemo: true,
    seedDemoConsents: false,
    serveWeb: false,
    cprKey: DEVELOPMENT_CPR_KEY,
    logLevel: "warn",
  });
  try {
    await run(platform);
  } finally {
    await platform.stop();
    await dropSubgraphDatabases(databaseUrl, ["party", "template", "consent"]);
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The value below which a share `q` of `values` lies. */
export const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

/** POSTs an operation to the gateway with a token; throws on any GraphQL error. */
export async function gatewayCall(platform: Platform, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.data;
}
