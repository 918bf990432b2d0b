import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

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
const SOFIE = "2508920147";
const LARS = "1203755678";
const odenseConsentCount = async () =>
  (await odense.graphql(`{ consents(first: 100) { edges { node { id } } } }`)).data.consents.edges.length as number;
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
    const input = { templateId: DEMO.templates.childTherapy, cpr: "0304214912", idempotencyKey: "race-1" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => odense.graphql(REQUEST, { input })));
    expect(answers.map((a) => a.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(answers.map((a) => a.data.requestConsent.id)).size).toBe(1);
    expect(await consentsOf("0304214912")).toHaveLength(1);
  });

  it("refuses the same key for a different request before anything else, and makes nothing", async () => {
    const first = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE, idempotencyKey: "fagsystem-43" } });
    expect(first.errors).toBeUndefined();
    const before = await odenseConsentCount();
    // Each of these would also be refused for what it asks (an adult on the child template, a
    // CPR number that is no date, a template that does not exist); the key is decided first.
    for (const input of [
      { templateId: DEMO.templates.childTherapy, cpr: LARS },
      { templateId: DEMO.templates.dataSharing, cpr: "3213804321" },
      { templateId: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e00ffff", cpr: SOFIE },
    ]) {
      const reused = await odense.graphql(REQUEST, { input: { ...input, idempotencyKey: "fagsystem-43" } });
      expect(reused.errors![0]!.extensions).toMatchObject({
        code: "CONFLICT",
        field: "idempotencyKey",
        message: { da: "Idempotensnøglen er allerede brugt til en anden anmodning.", en: "The idempotency key has already been used for a different request." },
      });
    }
    // The same input without the key is refused for itself, so the CONFLICT above was the key's.
    const alone = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: LARS } });
    expect(alone.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
    expect(await odenseConsentCount()).toBe(before);
    expect(await consentsOf(SOFIE)).toEqual([{ id: first.data.requestConsent.id }]);
    expect(await consentsOf(LARS)).toEqual([]);
  });

  it("answers a retry as the first time even when the same request would now be refused", async () => {
    // Odense's caseworker publishes a template, the case system asks with it, then version 2 retires it.
    const caseworker = await platform.caseworker("odense");
    const publish = async () => {
      const created = await caseworker.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
        input: { authorityId: DEMO.authorities.odense, key: "idem-retired", title: { da: "Titel", en: "Title" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS },
      });
      const published = await caseworker.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: created.data.createTemplate.id });
      expect(published.errors).toBeUndefined();
      return created.data.createTemplate.id as string;
    };
    const v1 = await publish();
    const input = { templateId: v1, cpr: "120375-5678", idempotencyKey: "retry-after-retire" };
    const first = await odense.graphql(REQUEST, { input });
    expect(first.errors).toBeUndefined();
    await publish();
    const fresh = await odense.graphql(REQUEST, { input: { templateId: v1, cpr: LARS } });
    expect(fresh.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    // The retry writes the CPR number without its dash: still the same request.
    const retry = await odense.graphql(REQUEST, { input: { ...input, cpr: LARS } });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.requestConsent).toEqual(first.data.requestConsent);
    expect(await consentsOf(LARS)).toEqual([{ id: first.data.requestConsent.id }]);
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
