import "reflect-metadata";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startEmbeddedPostgres, subgraphDatabaseUrl, type EmbeddedDatabaseServer } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { generateSealKey } from "@samtykke/consent";
import { DEVELOPMENT_CPR_KEY } from "@samtykke/party";
import { startPlatform, type Platform } from "@samtykke/platform";
import { restartablePort, startPart, type PartProcess } from "../support/processes.js";

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
export async function gatewayCall(platform: Pick<Platform, "gatewayUrl">, token: string, query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("; "));
  return result.data;
}

export interface Row {
  layer: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number | null;
  errors: number;
  /** Lowest and highest req/s over the rounds. */
  range?: [number, number];
}

/** The round with the median req/s, and the spread of all rounds. */
export function medianRound(rounds: Row[]): Row {
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  return { ...sorted[Math.floor(sorted.length / 2)]!, errors: rounds.reduce((sum, row) => sum + row.errors, 0), range: [sorted[0]!.requestsPerSecond, sorted.at(-1)!.requestsPerSecond] };
}

const run = promisify(execFile);

/** Drives `job` from the load generator in a process of its own (`load-generator.ts`) and answers its figures as a row. */
export async function loadFromOwnProcess(layer: string, job: { url: string; token: string; bodies: string[]; connections: number; seconds: number }): Promise<Row> {
  const { stdout } = await run("npx", ["tsx", "test/bench/load-generator.ts"], { env: { ...process.env, LOAD_JOB: JSON.stringify(job) } });
  return { layer, connections: job.connections, ...JSON.parse(stdout.trim().split("\n").at(-1)!) };
}

/** A process's resident memory in MB (Linux), as an operator's dashboard shows it. */
function residentMb(pid: number): number {
  const kilobytes = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kilobytes) / 1024;
}

// With BENCH_CPU_PROF=<dir>, the parts in their own processes write a V8 CPU profile there when they stop (open it in Chrome's DevTools or speedscope).
const PROFILE_DIR = process.env.BENCH_CPU_PROF;
const profileEnv = (): Record<string, string> => (PROFILE_DIR ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --cpu-prof --cpu-prof-dir=${PROFILE_DIR}`.trim() } : {});

/**
 * A second consent subgraph and a second gateway, each in a process of its own, on the bench's
 * databases; party and template stay in the bench's process (consentCheck does not reach them once
 * a citizen's id is known).
 */
export async function ownProcesses(platform: Platform): Promise<{ consentUrl: string; gatewayUrl: string; memoryMb(): { gateway: number; consent: number }; stop(): Promise<void> }> {
  const { identity } = platform.devLogin!;
  const auth = { AUTH_ISSUER: identity.issuer, AUTH_AUDIENCE: identity.audience, AUTH_JWKS_URL: identity.jwksUrl, SUBGRAPH_SECRET: platform.subgraphSecret };
  const [consentPort, gatewayPort] = [await restartablePort(), await restartablePort()];
  const parts: PartProcess[] = [];
  try {
    parts.push(
      await startPart(
        "subgraphs/consent/src/main.ts",
        {
          ...auth,
          ...profileEnv(),
          CONSENT_DATABASE_URL: subgraphDatabaseUrl(platform.databaseUrl, "consent"),
          CONSENT_PORT: String(consentPort),
          GATEWAY_URL: platform.gatewayUrl,
          CONSENT_SEAL_KEYS: JSON.stringify([await generateSealKey()].map(({ kid, privateJwk }) => ({ kid, ...privateJwk }))),
        },
        `http://127.0.0.1:${consentPort}/readiness`,
      ),
    );
    const consentUrl = `http://127.0.0.1:${consentPort}/graphql`;
    parts.push(
      await startPart(
        "gateway/src/main.ts",
        {
          ...auth,
          ...profileEnv(),
          GATEWAY_PORT: String(gatewayPort),
          PARTY_URL: platform.subgraphs.party.url,
          TEMPLATE_URL: platform.subgraphs.template.url,
          CONSENT_URL: consentUrl,
          GATEWAY_LIMITS: JSON.stringify({ requestsPerMinute: { citizen: UNLIMITED, caseworker: UNLIMITED, system: UNLIMITED, thirdParty: UNLIMITED, anonymous: UNLIMITED }, socketsPerCaller: UNLIMITED }),
        },
        `http://127.0.0.1:${gatewayPort}/readiness`,
        // Node's own options for the gateway, to try one (e.g. "--max-semi-space-size=16"); none by default, as it runs.
        (process.env.BENCH_GATEWAY_NODE_OPTIONS ?? "").split(" ").filter(Boolean),
      ),
    );
    const [consent, gateway] = parts as [PartProcess, PartProcess];
    return {
      consentUrl,
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/graphql`,
      memoryMb: () => ({ gateway: residentMb(gateway.child.pid!), consent: residentMb(consent.child.pid!) }),
      stop: async () => void (await Promise.all(parts.map((part) => (PROFILE_DIR ? part.stop() : part.kill())))),
    };
  } catch (error) {
    await Promise.all(parts.map((part) => part.kill()));
    throw error;
  }
}
