import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// A list costs the same calls to the subgraphs whether it holds ten consents or a hundred: the
// names of citizens, authorities and templates come in one batched call per subgraph, never one per
// consent. Counted from the subgraphs' own log lines, one per GraphQL operation they answered, for
// the request id the gateway passes on (the consent subgraph's own look-ups through the supergraph
// carry it too). The operations are the apps' own, from their trusted documents.

const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;

let platform: TestPlatform;
let odense: Caller;
let skat: Caller;

beforeAll(async () => {
  platform = await startTestPlatform();
  [odense, skat] = [await platform.caseworker("odense"), await platform.caseworker("skattestyrelsen")];
});
afterAll(async () => {
  await platform?.stop();
});

/** The app's operation of that name, as its trusted documents hold it. */
async function appOperation(app: "web-citizen" | "web-authority", name: string): Promise<string> {
  const documents = JSON.parse(await readFile(new URL(`../${app}/src/gql/persisted-documents.json`, import.meta.url), "utf8")) as Record<string, string>;
  const found = Object.values(documents).find((document) => new RegExp(`(query|mutation) ${name}\\b`).test(document));
  if (!found) throw new Error(`no operation ${name} in ${app}`);
  return found;
}

/** Asks through the gateway and counts the operations each subgraph answered for it. */
async function callsFor(caller: Caller, query: string, variables: Record<string, unknown> = {}) {
  const requestId = randomUUID();
  const result = await caller.graphql(query, variables, { "x-request-id": requestId });
  expect(result.errors).toBeUndefined();
  const calls: Record<string, number> = {};
  for (const line of platform.logLines) {
    if (line.requestId === requestId && line.msg === "graphql operation") calls[line.service] = (calls[line.service] ?? 0) + 1;
  }
  return { data: result.data, calls };
}

/** A citizen nobody else in this file uses, asked for `count` consents by two authorities with their two templates. */
let born = 0;
async function citizenWith(count: number): Promise<string> {
  const cpr = cprBornOn(new Date(Date.UTC(1966, 0, 1 + born++)), "567");
  for (let index = 0; index < count; index++) {
    const [caseworker, templateId] = index % 2 ? [skat, DEMO.templates.seafarerTax] : [odense, DEMO.templates.dataSharing];
    expect((await caseworker.graphql(REQUEST, { input: { templateId, cpr, caseReference: `OVERVIEW-${index}` } })).errors).toBeUndefined();
  }
  return cpr;
}

describe("a list's cost in subgraph calls", () => {
  it("is the same for a citizen's overview of 10 consents as of 100, with each subgraph asked", async () => {
    const overview = await appOperation("web-citizen", "MyConsents");
    const [few, many] = [await citizenWith(10), await citizenWith(100)];
    const small = await callsFor(await platform.citizen(few), overview);
    const large = await callsFor(await platform.citizen(many), overview);
    expect(small.data.myConsents).toHaveLength(10);
    expect(large.data.myConsents).toHaveLength(100);
    // Names from party (citizens, authorities) and the template: each subgraph is asked, a few times at most.
    expect(new Set(large.data.myConsents.map((consent: { authority: { name: string } }) => consent.authority.name))).toEqual(new Set(["Odense Kommune", "Skattestyrelsen"]));
    expect(large.calls.party).toBeGreaterThanOrEqual(1);
    expect(large.calls.consent).toBeGreaterThanOrEqual(1);
    expect(Object.values(large.calls).reduce((sum, calls) => sum + calls, 0)).toBeLessThanOrEqual(8);
    expect(large.calls).toEqual(small.calls);
  });

  it("is the same for a caseworker's list of 10 consents as of 100", async () => {
    const find = await appOperation("web-authority", "FindConsents");
    const [few, many] = [await citizenWith(10), await citizenWith(100)];
    const list = (cpr: string) => callsFor(odense, find, { first: 100, filter: { cpr } });
    const [small, large] = [await list(few), await list(many)];
    expect(small.data.consents.edges).toHaveLength(5);
    expect(large.data.consents.edges).toHaveLength(50);
    expect(large.calls.party).toBeGreaterThanOrEqual(1);
    expect(large.calls).toEqual(small.calls);
  });
});
