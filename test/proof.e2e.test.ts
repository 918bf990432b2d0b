import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";
import { cursorAfter, eventCursors, resilientSubscriber } from "./support/subscribers.js";

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

const secondGatewayUrl = () => `http://127.0.0.1:${gatewayPort}/graphql`;

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
      caseworker: resilientSubscriber(secondGatewayUrl, odense, {}, start),
      caseSystem: resilientSubscriber(secondGatewayUrl, await platform.caseSystem("odense"), {}, start),
      citizen: resilientSubscriber(secondGatewayUrl, sofie, {}, start),
      oneConsent: resilientSubscriber(secondGatewayUrl, odense, { consentId: consentIds[0] }, start),
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
      caseworker: await eventCursors(database, "authority_id = $1", [DEMO.authorities.odense], start),
      caseSystem: await eventCursors(database, "authority_id = $1", [DEMO.authorities.odense], start),
      citizen: await eventCursors(database, "subject_id = $1", [sofieId], start),
      oneConsent: await eventCursors(database, "consent_id = $1", [consentIds[0]], start),
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
      expect({ missing, duplicates, inOrder: got.every((cursor, i) => i === 0 || cursorAfter(cursor, got[i - 1]!)) }).toEqual({ missing: 0, duplicates: 0, inOrder: true });
      expect(got).toEqual(want);
      // Each kill reached the subscriber as an error, never as a quiet end.
      expect(subscriber.state.errors).toBeGreaterThanOrEqual(KILLS_AT.length);
      expect(subscriber.state.completes).toBe(0);
    }
    console.log(`${CHANGES} changes from ${WRITERS} writers in ${seconds.toFixed(1)} s (${Math.round(CHANGES / seconds)}/s), gateway killed ${KILLS_AT.length} times`);
    await Promise.all(Object.values(subscribers).map((subscriber) => subscriber.stop()));
  });
});
