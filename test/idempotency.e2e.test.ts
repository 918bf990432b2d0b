import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
// Retries with idempotency keys are what case systems do; each authority's system asks on its own templates.
let odense: Caller;
let skat: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseSystem("odense");
  skat = await platform.caseSystem("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
});

const REQUEST = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id status } }`;
const consentsOf = async (cpr: string, caller: Caller = odense) =>
  (await caller.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { consents { id } } }`, { cpr })).data.citizen.consents;

describe("idempotent requests from case systems", () => {
  it("answers a retry with the first consent and creates nothing twice", async () => {
    const input = { templateId: DEMO.templates.dataSharing, cpr: "0101804321", caseReference: "SAG-IDEM-1", idempotencyKey: "fagsystem-42" };
    const first = await odense.graphql(REQUEST, { input });
    expect(first.errors).toBeUndefined();
    const retry = await odense.graphql(REQUEST, { input });
    expect(retry.data.requestConsent).toEqual(first.data.requestConsent);
    expect(await consentsOf("0101804321")).toEqual([{ id: first.data.requestConsent.id }]);
  });

  it("creates one consent when the same request races itself", async () => {
    // Child therapy is signed by the custody holders, so it is asked for a child: Emil.
    const input = { templateId: DEMO.templates.childTherapy, cpr: "0304154912", idempotencyKey: "race-1" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => odense.graphql(REQUEST, { input })));
    expect(answers.map((a) => a.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(answers.map((a) => a.data.requestConsent.id)).size).toBe(1);
    expect(await consentsOf("0304154912")).toHaveLength(1);
  });

  it("refuses the same key for a different request, and makes nothing", async () => {
    const first = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147", idempotencyKey: "fagsystem-43" } });
    expect(first.errors).toBeUndefined();
    // Another template for another citizen (Freja, a child, as child therapy needs) under the same key.
    const reused = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: "0112084567", idempotencyKey: "fagsystem-43" } });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await consentsOf("2508920147")).toHaveLength(1);
    expect(await consentsOf("0112084567")).toEqual([]);
  });

  it("keeps one authority's keys apart from another's", async () => {
    // Odense's system used fagsystem-42 above; Skattestyrelsen's may use it for a request of its own.
    const input = { templateId: DEMO.templates.seafarerTax, cpr: "1710681239", idempotencyKey: "fagsystem-42" };
    const theirs = await skat.graphql(REQUEST, { input });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.requestConsent.status).toBe("REQUESTED");
    expect((await skat.graphql(REQUEST, { input })).data.requestConsent).toEqual(theirs.data.requestConsent);
    expect(await consentsOf("1710681239", skat)).toEqual([{ id: theirs.data.requestConsent.id }]);
    expect(await consentsOf("0101804321")).toHaveLength(1);
  });

  it("keeps requests without a key independent", async () => {
    const input = { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" };
    const a = await skat.graphql(REQUEST, { input });
    const b = await skat.graphql(REQUEST, { input });
    expect(a.errors).toBeUndefined();
    expect(b.errors).toBeUndefined();
    expect(a.data.requestConsent.id).not.toBe(b.data.requestConsent.id);
  });
});
