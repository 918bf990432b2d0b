import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Bad input gets a typed error a person can read, never INTERNAL_SERVER_ERROR; what is not the
// caller's looks exactly like what does not exist.
let platform: TestPlatform;
let odense: Caller;
let skat: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  skat = await platform.caseworker("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
});

let born = 0;
const freshCpr = () => cprBornOn(new Date(Date.UTC(1966, 3, 1 + born++)), "517");
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id caseReference } }`;
const CONSENT = `query($id: ID!) { consent(id: $id) { id } }`;
const firstError = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions;
const unexpected = () => platform.logLines.filter((line) => line.msg === "unexpected error");

describe("ids, texts and filters", () => {
  it("answers BAD_USER_INPUT, in Danish and English, for a malformed id, a NUL character and broken unicode, and logs no stack trace", async () => {
    const logged = unexpected().length;
    for (const id of ["not-a-uuid", "00000000-0000-0000-0000-00000000000\u0000", "\ud800"]) {
      expect(firstError(await odense.graphql(CONSENT, { id }))).toMatchObject({ code: "BAD_USER_INPUT", message: { da: expect.any(String), en: expect.any(String) } });
    }
    expect(firstError(await odense.graphql(`mutation($id: ID!) { withdrawConsent(id: $id, reason: "x") { id } }`, { id: "1; drop table consent" }))).toMatchObject({ code: "BAD_USER_INPUT" });
    const search = (caseReference: string) => odense.graphql(`query($f: ConsentFilter) { consents(filter: $f, first: 5) { edges { node { id } } } }`, { f: { caseReference } });
    for (const caseReference of ["x".repeat(2_000), "SAG\u0000-1", "SAG-\udc00"]) {
      expect(firstError(await search(caseReference))).toMatchObject({ code: "BAD_USER_INPUT" });
    }
    expect((await search("SAG-1")).errors).toBeUndefined();
    // Written into the operation's text: refused every time it is sent, though each document is looked at once.
    for (let i = 0; i < 2; i++) {
      expect(firstError(await odense.graphql(`{ consent(id: "not-a-uuid") { id } }`))).toMatchObject({ code: "BAD_USER_INPUT" });
    }
    expect(firstError(await odense.graphql(`{ consent(id: "00000000-0000-4000-8000-000000000000") { id } }`))).toMatchObject({ code: "NOT_FOUND" });
    expect(unexpected().length).toBe(logged);
  });

  it("refuses a case reference with characters that hide or reorder text (bidi controls, zero-width), and keeps an ordinary one", async () => {
    const cpr = freshCpr();
    for (const caseReference of ["SAG-\u202e1-2", "SAG\u200b-7", "SAG-\u2066x\u2069"]) {
      const refused = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, caseReference } });
      expect(firstError(refused)).toMatchObject({ code: "BAD_USER_INPUT", message: { da: expect.stringMatching(/sagsnummer/i), en: expect.stringMatching(/case reference/i) } });
    }
    const kept = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, caseReference: "SAG-2026/17 Ærø" } });
    expect(kept.errors).toBeUndefined();
    expect(kept.data.requestConsent.caseReference).toBe("SAG-2026/17 Ærø");
  });
});

describe("another's consent looks like no consent", () => {
  it("answers NOT_FOUND alike for a consent of another authority or citizen and for none", async () => {
    const cpr = freshCpr();
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    const none = "6b3f1f8e-6f53-4c1e-9d44-3b1c1b1b1b1b";
    const stranger = await platform.citizen(freshCpr());
    for (const caller of [skat, stranger]) {
      for (const consentId of [id, none]) {
        expect(firstError(await caller.graphql(CONSENT, { id: consentId }))).toMatchObject({ code: "NOT_FOUND" });
      }
    }
    for (const consentId of [id, none]) {
      expect(firstError(await skat.graphql(`mutation($id: ID!) { withdrawConsent(id: $id, reason: "x") { id } }`, { id: consentId }))).toMatchObject({ code: "NOT_FOUND" });
      expect(firstError(await stranger.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: consentId }))).toMatchObject({ code: "NOT_FOUND" });
    }
    // The owner still reads it.
    expect((await odense.graphql(CONSENT, { id })).data.consent).toEqual({ id });
  });
});
