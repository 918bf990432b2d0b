import { spawn, type ChildProcess } from "node:child_process";
import { request as httpRequest } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSealKey } from "@samtykke/consent";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";
import { cursorAfter, eventCursors, resilientSubscriber } from "./support/subscribers.js";

// A rollout, as Kubernetes does it, with real processes: two gateways on one Redis, two consent
// subgraphs on one database; mid-traffic one gateway and one consent instance get SIGTERM, and a
// new gateway takes the place of the old. Callers retry what never reached a gateway (and what a
// gateway could not finish, with the same idempotency key); nothing accepted may be cut off, every
// change must land exactly once, and every subscriber must resume from its cursor.
const WRITERS = 8;
const PER_WRITER = 30;
const LIMIT = 6;

let platform: TestPlatform;
let database: pg.Client;
let redis: ChildProcess;
let redisPort: number;
let sealKeys: string;
const processes: PartProcess[] = [];

beforeAll(async () => {
  const key = await generateSealKey();
  sealKeys = JSON.stringify([{ kid: key.kid, ...key.privateJwk }]);
  const many = 1_000_000;
  platform = await startTestPlatform({ sealKeys: [key], gatewayLimits: { requestsPerMinute: { caseworker: many, citizen: many, system: many } } });
  database = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "consent") });
  await database.connect();
  redisPort = await restartablePort();
  redis = spawn("redis-server", ["--port", String(redisPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
}, 90_000);
afterAll(async () => {
  await Promise.all(processes.map((part) => part.kill()));
  redis?.kill("SIGKILL");
  await database?.end();
  await platform?.stop();
});

const identity = () => platform.devLogin!.identity;
const common = () => ({ AUTH_ISSUER: identity().issuer, AUTH_AUDIENCE: identity().audience, AUTH_JWKS_URL: identity().jwksUrl!, SUBGRAPH_SECRET: platform.subgraphSecret });

async function startConsent() {
  const port = await restartablePort();
  const part = await startPart(
    "subgraphs/consent/src/main.ts",
    { ...common(), CONSENT_PORT: String(port), CONSENT_DATABASE_URL: subgraphDatabaseUrl(platform.databaseUrl, "consent"), GATEWAY_URL: platform.gatewayUrl, CONSENT_SEAL_KEYS: sealKeys },
    `http://127.0.0.1:${port}/readiness`,
  );
  processes.push(part);
  return { part, url: `http://127.0.0.1:${port}/graphql` };
}

async function startGateway(consentUrl: string, readyPath = "/readiness") {
  const port = await restartablePort();
  const part = await startPart(
    "gateway/src/main.ts",
    {
      ...common(),
      GATEWAY_PORT: String(port),
      PARTY_URL: platform.subgraphs.party.url,
      TEMPLATE_URL: platform.subgraphs.template.url,
      CONSENT_URL: consentUrl,
      REDIS_URL: `redis://127.0.0.1:${redisPort}`,
      GATEWAY_LIMITS: JSON.stringify({ requestsPerMinute: { citizen: LIMIT, caseworker: 1_000_000 }, socketsPerCaller: 1_000 }),
    },
    `http://127.0.0.1:${port}${readyPath}`,
  );
  processes.push(part);
  return { part, url: `http://127.0.0.1:${port}/graphql` };
}

type Outcome = { kind: "answered"; status: number; body: any } | { kind: "refused" } | { kind: "cut off"; error: string };

/**
 * One POST on a connection of its own (no keep-alive, so a connection the gateway closes while idle
 * can't be mistaken for a request it dropped): refused before it was taken, answered, or cut off after.
 */
function post(url: string, token: string, body: unknown): Promise<Outcome> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const call = httpRequest(url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), authorization: `Bearer ${token}` } }, (response) => {
      let text = "";
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ kind: "answered", status: response.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
      response.on("error", (error) => resolve({ kind: "cut off", error: String(error) }));
    });
    // A connection refused or reset while it was being made never reached the gateway.
    call.on("error", (error: NodeJS.ErrnoException) =>
      resolve(error.code === "ECONNREFUSED" || error.syscall === "connect" ? { kind: "refused" } : { kind: "cut off", error: `${error.code ?? ""} ${error.message}` }),
    );
    call.end(payload);
  });
}

describe("a rollout under traffic", () => {
  it("loses no accepted request, lands every change once, resumes every subscriber from its cursor, and keeps the limits shared", { timeout: 240_000 }, async () => {
    const secondConsent = await startConsent();
    const first = await startGateway(platform.subgraphs.consent.url);
    let second = await startGateway(secondConsent.url);
    const live = () => [first.url, second.url];

    const odense = await platform.caseworker("odense");
    const start = (await odense.graphql(`{ latestConsentCursor }`)).data.latestConsentCursor as string;
    // Subscribers on the gateway that will be stopped, which move to the other when it closes them.
    let subscribeVia = second.url;
    const subscribers = [0, 1, 2].map(() => resilientSubscriber(() => subscribeVia, odense, {}, start));
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const outcomes: Outcome[] = [];
    let done = 0;
    const run = `ROLLOUT-${Date.now()}`;
    let stopped: Promise<(number | null)[]> | undefined;
    const write = async (writer: number) => {
      for (let n = 0; n < PER_WRITER; n++) {
        const input = { templateId: DEMO.templates.dataSharing, cpr: "1710681239", caseReference: `${run}-${writer}-${n}`, idempotencyKey: `${run}-${writer}-${n}` };
        for (let attempt = 0; ; attempt++) {
          const url = live()[(writer + n + attempt) % 2]!;
          const outcome = await post(url, odense.token!, { query: `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, variables: { input } });
          outcomes.push(outcome);
          if (outcome.kind === "answered" && outcome.body?.data?.requestConsent?.id) break;
          if (attempt > 50) throw new Error(`${input.caseReference} never landed: ${JSON.stringify(outcome)}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        done += 1;
        // A third of the way in, the second gateway and the second consent instance are told to stop.
        if (done === Math.round((WRITERS * PER_WRITER) / 3)) {
          stopped = (async () => {
            subscribeVia = first.url;
            await Promise.all([second.part.stop(), secondConsent.part.stop()]);
            const codes = [second.part.child.exitCode, secondConsent.part.child.exitCode];
            second = await startGateway(platform.subgraphs.consent.url);
            return codes;
          })();
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, writer) => write(writer)));
    const exitCodes = await stopped!;

    // Both stopped in order, on their own.
    expect(exitCodes).toEqual([0, 0]);
    // Every request either never reached a gateway (refused, retried) or was answered; none was cut off.
    const cutOff = outcomes.filter((outcome) => outcome.kind === "cut off");
    expect(cutOff).toEqual([]);
    // What a gateway answered but could not do was a retryable refusal, never an internal error.
    const failures = outcomes.flatMap((outcome) => (outcome.kind === "answered" && !outcome.body?.data?.requestConsent ? [outcome.body?.errors?.[0]?.extensions?.code ?? outcome.status] : []));
    expect(failures.filter((code) => code === "INTERNAL_SERVER_ERROR")).toEqual([]);
    // Every change landed exactly once.
    const { rows } = await database.query<{ case_reference: string; times: string }>(
      "select case_reference, count(*) as times from consent where case_reference like $1 group by case_reference",
      [`${run}-%`],
    );
    expect(rows.length).toBe(WRITERS * PER_WRITER);
    expect(rows.filter((row) => row.times !== "1")).toEqual([]);

    // Each subscriber was told to reconnect (1001), came back through the other gateway after its
    // last cursor, and has every event of the run once, in order.
    const want = await eventCursors(database, "authority_id = $1", [DEMO.authorities.odense], start);
    expect(want.length).toBeGreaterThanOrEqual(WRITERS * PER_WRITER);
    for (const subscriber of subscribers) {
      await expect.poll(() => subscriber.state.cursors.length, { timeout: 30_000, interval: 200 }).toBeGreaterThanOrEqual(want.length);
      const got = subscriber.state.cursors;
      expect({ missing: want.filter((cursor) => !got.includes(cursor)).length, duplicates: got.length - new Set(got).size, inOrder: got.every((cursor, i) => i === 0 || cursorAfter(cursor, got[i - 1]!)) }).toEqual({
        missing: 0,
        duplicates: 0,
        inOrder: true,
      });
      expect(subscriber.state.closeCodes).toContain(1001);
      expect(subscriber.state.completes).toBe(0);
      await subscriber.stop();
    }
    const refused = outcomes.filter((outcome) => outcome.kind === "refused").length;
    console.log(`${outcomes.length} requests for ${WRITERS * PER_WRITER} changes: ${refused} refused at the door and retried, ${failures.length} answered with a retryable refusal (${[...new Set(failures)].join(", ")})`);

    // The new gateway counts against the same allowance as the one that stayed.
    const citizen = (await platform.citizen("2508920147")).token!;
    const ask = (url: string) => post(url, citizen, { query: "{ templates(first: 1) { id } }" });
    for (let i = 0; i < LIMIT; i++) expect(await ask(live()[i % 2]!)).toMatchObject({ kind: "answered", status: 200 });
    expect(await ask(second.url)).toMatchObject({ kind: "answered", status: 429 });
    expect(await ask(first.url)).toMatchObject({ kind: "answered", status: 429 });
  });

  it("finishes a request that is still arriving when the gateway is told to stop, then exits", { timeout: 60_000 }, async () => {
    const gateway = await startGateway(platform.subgraphs.consent.url);
    const odense = await platform.caseworker("odense");
    const payload = JSON.stringify({ query: "{ templates(first: 1) { id } }" });
    const answered = new Promise<{ status: number; body: string } | string>((resolve) => {
      const call = httpRequest(gateway.url, { method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), authorization: `Bearer ${odense.token}` } }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      });
      call.on("error", (error) => resolve(`cut off: ${error.message}`));
      call.write(payload.slice(0, 10));
      setTimeout(() => {
        gateway.part.child.kill("SIGTERM");
        setTimeout(() => call.end(payload.slice(10)), 500);
      }, 200);
    });
    const outcome = await answered;
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ status: 200 });
    expect(JSON.parse((outcome as { body: string }).body).data.templates).toHaveLength(1);
    const child = gateway.part.child;
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    expect([child.exitCode, child.signalCode]).toEqual([0, null]);
    // Stopped, it takes no new request.
    expect(await post(gateway.url, odense.token!, { query: "{ __typename }" })).toEqual({ kind: "refused" });
  });

  it("answers a change whose subgraph cannot be reached as UPSTREAM_UNAVAILABLE, in Danish and English, which a caller may retry", { timeout: 60_000 }, async () => {
    // Found under a rollout: a gateway still finishing its requests while its consent instance had
    // stopped answered "Unexpected error." (INTERNAL_SERVER_ERROR), which no caller can act on.
    const gateway = await startGateway("http://127.0.0.1:9/graphql", "/healthcheck");
    const odense = await platform.caseworker("odense");
    const outcome = await post(gateway.url, odense.token!, {
      query: `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`,
      variables: { input: { templateId: DEMO.templates.dataSharing, cpr: "1710681239" } },
    });
    expect(outcome.kind).toBe("answered");
    const error = (outcome as { body: any }).body.errors[0];
    expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", message: { da: expect.stringContaining("Prøv igen"), en: expect.stringContaining("try again") } });
    await gateway.part.stop();
  });
});
