import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";

// The proof that no change is lost: 10,000 changes from 32 concurrent writers while subscribers
// listen through a second gateway, which is killed (SIGKILL) three times along the way. Each
// subscriber sees its stream end with an error, comes back with the last cursor it saw, and in the
// end has received exactly the events it may see: none missing, none twice, in order.
const CHANGES = Number(process.env.PROOF_CHANGES ?? 10_000);
const WRITERS = 32;
const KILLS_AT = [0.25, 0.5, 0.75].map((share) => Math.round(CHANGES * share));
const SOFIE = "2508920147";

let platform: TestPlatform;
let gatewayPort: number;
let gateway: PartProcess | undefined;
let database: pg.Client;
beforeAll(async () => {
  const many = 1_000_000;
  platform = await startTestPlatform({ gatewayLimits: { requestsPerMinute: { citizen: many, caseworker: many, system: many }, socketsPerCaller: many } });
  database = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "consent") });
  await database.connect();
  gatewayPort = await restartablePort();
});
afterAll(async () => {
  await gateway?.kill();
  await database?.end();
  await platform?.stop();
});

/** The second gateway, in a process of its own, in front of the same subgraphs; always on the same port. */
async function startSecondGateway(): Promise<PartProcess> {
  const { identity } = platform.devLogin!;
  return startPart(
    "gateway/src/main.ts",
    {
      GATEWAY_PORT: String(gatewayPort),
      PARTY_URL: platform.subgraphs.party.url,
      TEMPLATE_URL: platform.subgraphs.template.url,
      CONSENT_URL: platform.subgraphs.consent.url,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: identity.audience,
      AUTH_JWKS_URL: identity.jwksUrl,
      SUBGRAPH_SECRET: platform.subgraphSecret,
    },
    `http://127.0.0.1:${gatewayPort}/readiness`,
  );
}

/**
 * A subscriber as a careful client is written: it keeps the last cursor it saw and, when its stream
 * ends in an error, subscribes again after that cursor until the gateway is back.
 */
function resilientSubscriber(caller: Caller, variables: Record<string, unknown>, startAfter: string) {
  const state = { cursors: [] as string[], errors: 0, completes: 0, stopped: false };
  let client: Client | undefined;
  const follow = () => {
    if (state.stopped) return;
    client = createClient({
      url: `ws://127.0.0.1:${gatewayPort}/graphql`,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${caller.token}` },
    });
    const again = () => {
      void client?.dispose();
      setTimeout(follow, 200);
    };
    client.subscribe<{ consentStatusChanged: { cursor: string } }>(
      {
        query: `subscription($after: String, $consentId: ID) { consentStatusChanged(after: $after, consentId: $consentId) { cursor } }`,
        variables: { ...variables, after: state.cursors.at(-1) ?? startAfter },
      },
      {
        next: (value) => {
          if (value.data) state.cursors.push(value.data.consentStatusChanged.cursor);
          else state.errors += 1;
        },
        error: () => {
          state.errors += 1;
          again();
        },
        // A subscription on consents never ends by itself; a complete would be a silent loss.
        complete: () => {
          state.completes += 1;
          again();
        },
      },
    );
  };
  follow();
  return {
    state,
    stop: async () => {
      state.stopped = true;
      await client?.dispose();
    },
  };
}

/** Whether the cursor `a` lies after `b` in the log (its transaction, then its id). */
function after(a: string, b: string): boolean {
  const [[ax, ai], [bx, bi]] = [a, b].map((cursor) => cursor.split(".").map(BigInt)) as [[bigint, bigint], [bigint, bigint]];
  return ax > bx || (ax === bx && ai > bi);
}

/** The cursors of the events after the cursor `after` that match `where`, in the log's order (its transaction, then its id). */
async function eventIds(where: string, parameters: unknown[], after: string): Promise<string[]> {
  const [xid, id] = after.split(".");
  const { rows } = await database.query<{ cursor: string }>(
    `select xid::text || '.' || id::text as cursor from consent_event where ${where} and (xid, id) > ($${parameters.length + 1}::bigint, $${parameters.length + 2}::bigint) order by xid, id`,
    [...parameters, xid, id],
  );
  return rows.map((row) => row.cursor);
}

describe("no change is lost", () => {
  it(`brings each of ${CHANGES} changes from ${WRITERS} writers to every subscriber exactly once, across three killed gateways`, { timeout: 600_000 }, async () => {
    const odense = await platform.caseworker("odense");
    const sofie = await platform.citizen(SOFIE);
    // One consent per writer, given, so that each writer pauses and resumes its own.
    const consentIds: string[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const { data } = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
        input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE, caseReference: `PROOF-${i}` },
      });
      expect((await giveWithYesToAll(sofie, data.requestConsent.id)).data.giveConsent.status).toBe("ACTIVE");
      consentIds.push(data.requestConsent.id);
    }
    const sofieId = (await sofie.graphql(`{ me { id } }`)).data.me.id;
    const start = (await odense.graphql(`{ latestConsentCursor }`)).data.latestConsentCursor as string;

    gateway = await startSecondGateway();
    const subscribers = {
      caseworker: resilientSubscriber(odense, {}, start),
      caseSystem: resilientSubscriber(await platform.caseSystem("odense"), {}, start),
      citizen: resilientSubscriber(sofie, {}, start),
      oneConsent: resilientSubscriber(odense, { consentId: consentIds[0] }, start),
    };
    await new Promise((resolve) => setTimeout(resolve, 500));

    let made = 0;
    let failed = 0;
    const kills: Promise<void>[] = [];
    const write = async (consentId: string) => {
      let paused = false;
      while (made < CHANGES) {
        made += 1;
        const mutation = paused ? "resumeConsent" : "pauseConsent";
        const result = await sofie.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, { id: consentId });
        if (result.errors) failed += 1;
        else paused = !paused;
        if (KILLS_AT.includes(made)) {
          kills.push(
            (async () => {
              await gateway!.kill();
              gateway = await startSecondGateway();
            })(),
          );
        }
      }
    };
    const started = performance.now();
    await Promise.all(consentIds.map(write));
    await Promise.all(kills);
    const seconds = (performance.now() - started) / 1000;

    const expected = {
      caseworker: await eventIds("authority_id = $1", [DEMO.authorities.odense], start),
      caseSystem: await eventIds("authority_id = $1", [DEMO.authorities.odense], start),
      citizen: await eventIds("subject_id = $1", [sofieId], start),
      oneConsent: await eventIds("consent_id = $1", [consentIds[0]], start),
    };
    expect(failed).toBe(0);
    expect(expected.caseworker).toHaveLength(CHANGES);
    for (const [name, subscriber] of Object.entries(subscribers)) {
      const want = expected[name as keyof typeof expected];
      await expect.poll(() => subscriber.state.cursors.length, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(want.length);
      const got = subscriber.state.cursors;
      const missing = want.filter((id) => !got.includes(id)).length;
      const duplicates = got.length - new Set(got).size;
      console.log(`${name}: ${got.length} events, ${missing} missing, ${duplicates} duplicates, ${subscriber.state.errors} errors seen, ${subscriber.state.completes} silent completes`);
      expect({ missing, duplicates, inOrder: got.every((cursor, i) => i === 0 || after(cursor, got[i - 1]!)) }).toEqual({ missing: 0, duplicates: 0, inOrder: true });
      expect(got).toEqual(want);
      // Each kill reached the subscriber as an error, never as a quiet end.
      expect(subscriber.state.errors).toBeGreaterThanOrEqual(KILLS_AT.length);
      expect(subscriber.state.completes).toBe(0);
    }
    console.log(`${CHANGES} changes from ${WRITERS} writers in ${seconds.toFixed(1)} s (${Math.round(CHANGES / seconds)}/s), gateway killed ${KILLS_AT.length} times`);
    await Promise.all(Object.values(subscribers).map((subscriber) => subscriber.stop()));
  });
});
