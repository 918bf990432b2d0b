import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client } from "graphql-ws";
import WebSocket from "ws";
import pg from "pg";
import { generateSealKey } from "@samtykke/consent";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, runScript, startPart } from "./support/processes.js";

// What a subscriber sees when a part goes away under it, and what many subscribers that come and go leave behind.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
// The heap may wobble by allocator pages and caches; a leak of one object per cycle would be tens of MB.
const LEAK_TOLERANCE_MB = 16;
let platform: TestPlatform;
beforeAll(async () => {
  const many = 1_000_000;
  platform = await startTestPlatform({ gatewayLimits: { requestsPerMinute: { caseworker: many, citizen: many }, socketsPerCaller: many } });
});
afterAll(async () => {
  await platform?.stop();
});

describe("faults", () => {
  it("tells a live subscriber in words, with a code, when the consent subgraph goes away", async () => {
    // A platform of its own: this test takes its consent subgraph away.
    const doomed = await startTestPlatform();
    const client = (await doomed.caseworker("odense")).wsClient();
    const received: { errors?: { message: string; extensions?: Record<string, any> }[] }[] = [];
    const ended = new Promise<string>((resolve) => {
      client.subscribe(
        { query: "subscription { consentStatusChanged { cursor } }" },
        { next: (value) => void received.push(value as never), error: () => resolve("error"), complete: () => resolve("complete") },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await doomed.subgraphs.consent.close();
    await ended;
    await doomed.stop();
    const error = received.flatMap((value) => value.errors ?? [])[0];
    expect(error?.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: { da: expect.stringContaining("Abonnér igen"), en: expect.stringContaining("Subscribe again") },
    });
  });
});

describe("no leaks", () => {
  it("leaves sockets, subscriptions and memory where they were after 10,000 subscribe/unsubscribe cycles and 1,000 dropped sockets", { timeout: 180_000 }, async () => {
    const odense = await platform.caseworker("odense");
    const logBefore = (await odense.graphql(`{ latestConsentCursor }`)).data.latestConsentCursor;
    await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147" } });
    // Each subscription starts just before the request's event, so it is fully set up (gateway,
    // upstream, event stream) when its first event arrives; only then is it ended.
    const SUBSCRIBE = { query: "subscription($after: String) { consentStatusChanged(after: $after) { cursor } }", variables: { after: logBefore } };
    const cycle = (client: Client) =>
      new Promise<void>((resolve, reject) => {
        const unsubscribe = client.subscribe(SUBSCRIBE, {
          next: () => {
            unsubscribe();
            resolve();
          },
          error: reject,
          complete: () => {},
        });
      });
    // `clients` sockets, each with `parallel` subscriptions coming and going at once.
    const cycles = async (total: number, clients: number, parallel: number) => {
      const sockets = Array.from({ length: clients }, () => odense.wsClient());
      const loops = sockets.flatMap((client) => Array.from({ length: parallel }, () => client));
      await Promise.all(
        loops.map(async (client) => {
          for (let i = 0; i < total / loops.length; i++) await cycle(client);
        }),
      );
      await Promise.all(sockets.map((client) => client.dispose()));
    };
    // A socket that subscribes and is then cut off without a close frame, as a crashed client or a lost network would.
    const droppedSocket = () =>
      new Promise<void>((resolve, reject) => {
        const socket = new WebSocket(platform.gatewayUrl.replace(/^http/, "ws"), "graphql-transport-ws");
        socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${odense.token}` } })));
        socket.on("message", (data) => {
          const message = JSON.parse(String(data));
          if (message.type === "connection_ack") socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: SUBSCRIBE }));
          if (message.type === "next") {
            socket.terminate();
            resolve();
          }
        });
        socket.on("error", reject);
      });
    const settled = async () => {
      await expect.poll(() => platform.gateway.openSockets(), { timeout: 15_000 }).toBe(0);
      await expect.poll(() => platform.subgraphs.consent.openEventStreams(), { timeout: 15_000 }).toBe(0);
      for (let i = 0; i < 3; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return process.memoryUsage().heapUsed;
    };

    await cycles(1_000, 10, 10); // warm up: code paths compiled, pools filled
    const before = await settled();
    const started = performance.now();
    await cycles(10_000, 10, 10);
    console.log(`10,000 cycles in ${Math.round(performance.now() - started)} ms`);
    for (let i = 0; i < 1_000; i += 50) await Promise.all(Array.from({ length: 50 }, droppedSocket));
    const after = await settled();
    const growthMb = (after - before) / 1024 / 1024;
    console.log(`heap before ${(before / 1048576).toFixed(1)} MB, after ${(after / 1048576).toFixed(1)} MB, growth ${growthMb.toFixed(1)} MB`);
    expect(growthMb).toBeLessThan(LEAK_TOLERANCE_MB);
  });
});

describe("a crash inside a change", () => {
  it("leaves no status change without its event and audit entry, and no event without its change (consent subgraph killed under 32 writers, three times)", { timeout: 180_000 }, async () => {
    const odense = await platform.caseworker("odense");
    const sofie = await platform.citizen("2508920147");
    const consentIds: string[] = [];
    for (let i = 0; i < 32; i++) {
      const { data } = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
        input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147", caseReference: `CRASH-${i}` },
      });
      await giveWithYesToAll(sofie, data.requestConsent.id);
      consentIds.push(data.requestConsent.id);
    }
    const consentDatabaseUrl = subgraphDatabaseUrl(platform.databaseUrl, "consent");
    const database = new pg.Client({ connectionString: consentDatabaseUrl });
    await database.connect();
    const port = await restartablePort();
    const { identity } = platform.devLogin!;
    const env = {
      CONSENT_DATABASE_URL: consentDatabaseUrl,
      CONSENT_PORT: String(port),
      GATEWAY_URL: platform.gatewayUrl,
      CONSENT_SEAL_KEYS: JSON.stringify([await generateSealKey()].map(({ kid, privateJwk }) => ({ kid, ...privateJwk }))),
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.audience,
      AUTH_JWKS_URL: identity.jwksUrl,
    };
    /** Each rule the event log and the audit log must keep, with how many rows break it; {} when none. */
    const brokenInvariants = async () => {
      const invariants = await database.query<{ rule: string; broken: number }>(`
            select 'status without its event' as rule, count(*)::int as broken from consent c
              where c.status <> (select e.status from consent_event e where e.consent_id = c.id order by e.id desc limit 1)
            union all
            select 'consent without any event', count(*)::int from consent c where not exists (select 1 from consent_event e where e.consent_id = c.id)
            union all
            select 'event without its audit entry', count(*)::int from consent_event e
              where not exists (select 1 from consent_audit a where a.consent_id = e.consent_id and a.action = e.action and a.occurred_at = e.occurred_at)
            union all
            select 'audit entry of a change that never happened', count(*)::int from consent_audit a
              where a.action in (select distinct action from consent_event)
                and not exists (select 1 from consent_event e where e.consent_id = a.consent_id and e.action = a.action and e.occurred_at = a.occurred_at)`);
      return Object.fromEntries(invariants.rows.filter(({ broken }) => broken > 0).map(({ rule, broken }) => [rule, broken]));
    };
    try {
      // The check sees a change made behind the event log's back.
      await database.query("update consent set status = 'WITHDRAWN' where id = $1", [consentIds[0]]);
      expect(await brokenInvariants()).toEqual({ "status without its event": 1 });
      await database.query("update consent set status = 'ACTIVE' where id = $1", [consentIds[0]]);
      for (let round = 0; round < 3; round++) {
        const consent = await startPart("subgraphs/consent/src/main.ts", env, `http://127.0.0.1:${port}/readiness`);
        // 32 writers pause and resume their consents straight at the instance until it dies under them.
        let alive = true;
        const outcome = { done: 0, cutOff: 0 };
        const writers = consentIds.map(async (id) => {
          let paused = (await sofie.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id })).data.consent.status === "PAUSED";
          while (alive) {
            try {
              const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
                method: "POST",
                headers: { "content-type": "application/json", authorization: `Bearer ${sofie.token}` },
                body: JSON.stringify({ query: `mutation($id: ID!) { ${paused ? "resumeConsent" : "pauseConsent"}(id: $id) { status } }`, variables: { id } }),
              });
              const result = await response.json();
              if (!result.errors) paused = !paused;
              outcome.done += 1;
            } catch {
              outcome.cutOff += 1;
              return;
            }
          }
        });
        // Killed once changes are going through (a loaded machine may take a while to start them), at a random moment after.
        await expect.poll(() => outcome.done, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 500 + Math.random() * 1_000));
        await consent.kill();
        alive = false;
        await Promise.all(writers);
        // Requests were in flight when the process died: the crash hit changes midway.
        expect(outcome.done).toBeGreaterThan(0);
        expect(outcome.cutOff).toBeGreaterThan(0);

        expect(await brokenInvariants()).toEqual({});
      }
      // The audit chain is whole: every entry still fits the one before it.
      const verified = await runScript("subgraphs/consent/src/verify-audit.ts", { CONSENT_DATABASE_URL: consentDatabaseUrl });
      expect(verified).toMatchObject({ exitCode: 0, output: expect.stringContaining("audit log intact") });
    } finally {
      await database.end();
    }
  });
});
