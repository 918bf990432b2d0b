import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { cprBornOn } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";

// Two gateway processes in front of one set of subgraphs, counting callers in one Redis of the
// test's own (so that it can be taken away without touching anything else on the machine).
const LIMITS = { requestsPerMinute: { citizen: 6 }, socketsPerCaller: 2 };
let platform: TestPlatform;
let redisPort: number;
let redis: ChildProcess | null = null;
const gateways: { url: string; part: PartProcess }[] = [];

async function startRedis() {
  const child = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while ((await gatewaysOnRedis()) === null) {
    if (Date.now() > deadline) throw new Error("redis-server did not start");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return child;
}

async function startGatewayProcess() {
  const port = await restartablePort();
  const identity = platform.devLogin!.identity;
  const part = await startPart(
    "gateway/src/main.ts",
    {
      GATEWAY_PORT: String(port),
      PARTY_URL: platform.subgraphs.party.url,
      TEMPLATE_URL: platform.subgraphs.template.url,
      CONSENT_URL: platform.subgraphs.consent.url,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.audience,
      AUTH_JWKS_URL: identity.jwksUrl!,
      SUBGRAPH_SECRET: platform.subgraphSecret,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      GATEWAY_LIMITS: JSON.stringify(LIMITS),
    },
    `http://127.0.0.1:${port}/readiness`,
  );
  return { url: `http://127.0.0.1:${port}/graphql`, part };
}

/** Gateways connected to the Redis now, by the name they give their connection; null when it does not answer. */
async function gatewaysOnRedis(): Promise<number | null> {
  const client = new Redis(redisPort, "127.0.0.1", { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const list = (await client.client("LIST")) as string;
    return list.split("\n").filter((line) => line.includes("name=samtykke-gateway")).length;
  } catch {
    return null;
  } finally {
    client.disconnect();
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  redisPort = await restartablePort();
  redis = await startRedis();
  gateways.push(...(await Promise.all([startGatewayProcess(), startGatewayProcess()])));
}, 90_000);
afterAll(async () => {
  await Promise.all(gateways.map(({ part }) => part.stop()));
  redis?.kill("SIGKILL");
  await platform?.stop();
});

const ask = (gateway: { url: string }, token: string | null) =>
  fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: "{ templates(first: 1) { id } }" }),
  });

let citizenSerial = 100;
const newCitizen = async () => (await platform.citizen(cprBornOn(new Date(Date.UTC(1980, 4, 17)), String(citizenSerial++)))).token!;

/** A graphql-ws socket through a gateway: "open" once acknowledged, else the code it was closed with. */
async function openSocket(gateway: { url: string }, token: string) {
  const ws = new WebSocket(gateway.url.replace(/^http/, "ws"), "graphql-transport-ws");
  const outcome = new Promise<"open" | number>((resolve) => {
    ws.on("message", (data) => JSON.parse(String(data)).type === "connection_ack" && resolve("open"));
    ws.on("close", (code) => resolve(code));
  });
  ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
  return { ws, outcome: await outcome };
}

describe("limits shared by gateway instances", () => {
  it("has both gateways counting in the one Redis", async () => {
    await expect.poll(gatewaysOnRedis, { timeout: 10_000 }).toBe(2);
  });

  it("counts a caller's requests across both gateways: the second refuses once the first has counted the limit", async () => {
    const citizen = await newCitizen();
    const [first, second] = gateways;
    for (let i = 0; i < 6; i++) expect((await ask(first!, citizen)).status).toBe(200);
    const refused = await ask(second!, citizen);
    expect(refused.status).toBe(429);
    expect((await refused.json()).errors[0].extensions.code).toBe("RATE_LIMITED");
    // Another caller still has a whole allowance, on either gateway.
    const other = await newCitizen();
    expect((await ask(second!, other)).status).toBe(200);
  });

  it("counts a caller's open sockets across both gateways, and frees the share when one closes", async () => {
    const caseworker = (await platform.caseworker("odense")).token!;
    const [first, second] = gateways;
    const one = await openSocket(first!, caseworker);
    const two = await openSocket(second!, caseworker);
    expect([one.outcome, two.outcome]).toEqual(["open", "open"]);
    const third = await openSocket(first!, caseworker);
    expect(third.outcome).toBe(4429);
    two.ws.close();
    await expect.poll(async () => {
      const again = await openSocket(first!, caseworker);
      if (again.outcome === "open") again.ws.close();
      return again.outcome;
    }, { timeout: 5_000 }).toBe("open");
    one.ws.close();
  });

  it("keeps serving when Redis goes away, counting in each gateway's memory with a warning, and shares again when it is back", { timeout: 60_000 }, async () => {
    const [first, second] = gateways;
    redis!.kill("SIGKILL");
    redis = null;
    await expect.poll(gatewaysOnRedis, { timeout: 5_000 }).toBe(null);

    const citizen = await newCitizen();
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      expect((await ask(first!, citizen)).status).toBe(200);
      // Nobody waits on the Redis that is gone.
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    expect((await ask(first!, citizen)).status).toBe(429);
    // The other gateway has counted none of them.
    expect((await ask(second!, citizen)).status).toBe(200);
    await expect.poll(() => first!.part.output(), { timeout: 5_000 }).toContain("counts callers in its own memory");
    // Sockets still open, counted per gateway.
    const caseworker = (await platform.caseworker("skattestyrelsen")).token!;
    const socket = await openSocket(second!, caseworker);
    expect(socket.outcome).toBe("open");
    socket.ws.close();

    redis = await startRedis();
    await expect.poll(gatewaysOnRedis, { timeout: 20_000, interval: 500 }).toBe(2);
    const later = await newCitizen();
    for (let i = 0; i < 3; i++) expect((await ask(first!, later)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await ask(second!, later)).status).toBe(200);
    expect((await ask(first!, later)).status).toBe(429);
  });
});
