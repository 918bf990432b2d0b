import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// After asking: a caseworker reminds those who have not answered, and sees who used a consent.

const EMIL = "0304214912";
const KAREN = "0101804321"; // Emil's mother
const LARS = "1203755678"; // Emil's father
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
const REMIND = `mutation($id: ID!) { remindConsentRequest(id: $id) { id status history { action actorKind } } }`;
const MAILBOX = `{ myMailbox(first: 100) { kind title { da } consent { id } } }`;

let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

const lettersAbout = async (citizen: Caller, consentId: string) =>
  ((await citizen.graphql(MAILBOX)).data.myMailbox as { kind: string; title: { da: string }; consent: { id: string } | null }[]).filter((letter) => letter.consent?.id === consentId);

describe("reminding a citizen of a request", () => {
  it("sends the request again as a letter, records who reminded, and refuses a second reminder the same day", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1979, 3, 9)), "451");
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    const reminded = await odense.graphql(REMIND, { id });
    expect(reminded.errors).toBeUndefined();
    expect(reminded.data.remindConsentRequest.status).toBe("REQUESTED");
    expect(reminded.data.remindConsentRequest.history.at(-1)).toEqual({ action: "remind", actorKind: "CASEWORKER" });

    const citizen = await platform.citizen(cpr);
    await expect.poll(async () => (await lettersAbout(citizen, id)).map((letter) => letter.kind).sort(), { timeout: 10_000 }).toEqual(["REMINDER", "REQUEST"]);
    expect((await lettersAbout(citizen, id)).find((letter) => letter.kind === "REMINDER")!.title.da).toMatch(/^Påmindelse: anmodning om samtykke: /);

    const again = await odense.graphql(REMIND, { id });
    expect(again.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "id", message: { da: expect.stringContaining("seneste døgn") } });
  });

  it("reminds only the parent who has not answered", async () => {
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: EMIL } })).data.requestConsent.id;
    const karen = await platform.citizen(KAREN);
    const lars = await platform.citizen(LARS);
    expect((await giveWithYesToAll(karen, id)).errors).toBeUndefined();
    expect((await odense.graphql(REMIND, { id })).errors).toBeUndefined();
    await expect.poll(async () => (await lettersAbout(lars, id)).map((letter) => letter.kind).sort(), { timeout: 10_000 }).toEqual(["REMINDER", "REQUEST"]);
    expect((await lettersAbout(karen, id)).map((letter) => letter.kind)).toEqual(["REQUEST"]);
  });

  it("is for the asking authority's caseworker only, and only while the request is unanswered", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1979, 3, 10)), "451");
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    expect((await (await platform.caseworker("skattestyrelsen")).graphql(REMIND, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await (await platform.caseSystem("odense")).graphql(REMIND, { id })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const citizen = await platform.citizen(cpr);
    expect((await citizen.graphql(REMIND, { id })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    expect((await odense.graphql(REMIND, { id })).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    expect((await lettersAbout(citizen, id)).map((letter) => letter.kind)).not.toContain("REMINDER");
  });
});

describe("the authority's message with a request", () => {
  it("is kept with the request for the citizen to read, and refused past 1000 characters with nothing stored", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1979, 3, 12)), "451");
    const asked = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id message } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr, message: "  Ring til mig, hvis du har spørgsmål.\nHilsen Mette  " },
    });
    expect(asked.data.requestConsent.message).toBe("Ring til mig, hvis du har spørgsmål.\nHilsen Mette");
    const citizen = await platform.citizen(cpr);
    const read = await citizen.graphql(`query($id: ID!) { consent(id: $id) { message } }`, { id: asked.data.requestConsent.id });
    expect(read.data.consent.message).toBe("Ring til mig, hvis du har spørgsmål.\nHilsen Mette");

    const long = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, message: "x".repeat(1001) } });
    expect(long.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "message", message: { da: expect.stringContaining("1000 tegn") } });
    expect((await odense.graphql(`{ consents(filter: { cpr: "${cpr}" }) { totalCount } }`)).data.consents.totalCount).toBe(1);
  });
});

describe("a request's return address", () => {
  it("is kept when it lies under one the authority registered, and refused otherwise with nothing stored", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1979, 3, 13)), "451");
    const registered = (await odense.graphql(`{ authority(id: "${DEMO.authorities.odense}") { returnAddresses } }`)).data.authority.returnAddresses;
    expect(registered).toEqual(["https://selvbetjening.odense.dk/"]);
    const kept = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { returnUrl } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr, returnUrl: "https://selvbetjening.odense.dk/sager/4711?trin=3" },
    });
    expect(kept.data.requestConsent.returnUrl).toBe("https://selvbetjening.odense.dk/sager/4711?trin=3");
    // A stranger's site, a look-alike and another authority's address: each could carry a citizen off the platform.
    for (const returnUrl of ["https://evil.example/", "https://selvbetjening.odense.dk.evil.example/", "https://skat.dk/borger/"]) {
      const refused = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, returnUrl } });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "returnUrl", message: { da: expect.stringContaining("registrerede adresser") } });
    }
    expect((await odense.graphql(`{ consents(filter: { cpr: "${cpr}" }) { totalCount } }`)).data.consents.totalCount).toBe(1);
  });
});

describe("a consent's access log", () => {
  it("shows the holding authority who asked, read and changed the consent, and nobody else", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1979, 3, 11)), "451");
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    const citizen = await platform.citizen(cpr);
    expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    const log = await odense.graphql(`query($id: ID!) { consent(id: $id) { accessLog { action actorKind authority { name } } } }`, { id });
    expect(log.errors).toBeUndefined();
    const entries = log.data.consent.accessLog as { action: string; actorKind: string; authority: { name: string } | null }[];
    expect(entries).toContainEqual({ action: "request", actorKind: "CASEWORKER", authority: { name: "Odense Kommune" } });
    expect(entries).toContainEqual(expect.objectContaining({ action: "give", actorKind: "CITIZEN" }));
    // The read that asked for the log is on it too: reading is never off the record.
    expect(entries).toContainEqual({ action: "read", actorKind: "CASEWORKER", authority: { name: "Odense Kommune" } });
    const asCitizen = await citizen.graphql(`query($id: ID!) { consent(id: $id) { accessLog { action } } }`, { id });
    expect(asCitizen.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});
