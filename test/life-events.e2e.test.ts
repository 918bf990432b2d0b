import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// The person register (CPR) publishes what happens in a person's life; its adapter sends each
// event to the party subgraph as the platform's own client, and the platform acts on it: a death
// ends the person's consents, a change of custody changes who is asked, a guardian may act for the
// person, a protection is kept. The consent subgraph reads the events every 100 ms here.
const DAY = 24 * 60 * 60 * 1000;
const RECORD = `mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate event { cursor kind citizenId otherCitizenId } } }`;
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id givers { id } } }`;
const CONSENT = `query($id: ID!) { consent(id: $id) { status givers { id } signatures { signer { id } onBehalfOf { id } } history { action actorKind reason } } }`;
const MAILBOX = `{ myMailbox(first: 100) { kind consent { id } } }`;

let platform: TestPlatform;
let register: Caller;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(), dueCheckIntervalMs: 100 } });
  register = await platform.platformClient();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

let serial = 0;
/** A person of the register stand-in nobody else in this file uses, born `yearsAgo` years before today. */
const person = (yearsAgo: number) => cprBornOn(new Date(Date.now() - yearsAgo * 365.25 * DAY - serial * DAY), String(100 + serial++));
let eventNumber = 0;
const send = (input: Record<string, unknown>) =>
  register.graphql(RECORD, { input: { registerEventId: `cpr-${Date.now()}-${eventNumber++}`, occurredOn: new Date(Date.now() - DAY).toISOString(), ...input } });
const idOf = async (cpr: string) => (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr })).data.citizen.id as string;
const consentOf = async (id: string) => (await odense.graphql(CONSENT, { id })).data.consent;
const givers = async (id: string) => ((await consentOf(id)).givers as { id: string }[]).map((giver) => giver.id).sort();
const lettersAbout = async (citizen: Caller, id: string) =>
  ((await citizen.graphql(MAILBOX)).data.myMailbox as { kind: string; consent: { id: string } | null }[]).filter((letter) => letter.consent?.id === id).map((letter) => letter.kind).sort();

describe("a death in the person register", () => {
  it("ends every consent and request of the person with its own event, once however often it is sent, and no one can ask them again", async () => {
    const cpr = person(40);
    const citizen = await platform.citizen(cpr);
    const given = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    expect((await giveWithYesToAll(citizen, given)).data.giveConsent.status).toBe("ACTIVE");
    const pending = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;

    const died = { registerEventId: `death-${cpr}`, kind: "DIED", cpr, occurredOn: new Date(Date.now() - DAY).toISOString() };
    const first = await register.graphql(RECORD, { input: died });
    expect(first.errors).toBeUndefined();
    expect(first.data.recordLifeEvent).toMatchObject({ duplicate: false, event: { kind: "DIED", citizenId: await idOf(cpr), otherCitizenId: null } });
    for (const id of [given, pending]) {
      await expect.poll(async () => (await consentOf(id)).status, { timeout: 10_000 }).toBe("CLOSED");
      expect((await consentOf(id)).history.at(-1)).toMatchObject({ action: "subjectDied", actorKind: "PLATFORM", reason: expect.stringContaining("død") });
    }
    // The register sends it again: nothing happens twice.
    expect((await register.graphql(RECORD, { input: died })).data.recordLifeEvent.duplicate).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await consentOf(given)).history.filter((entry: { action: string }) => entry.action === "subjectDied")).toHaveLength(1);

    const templateKey = (await odense.graphql(`query($id: ID!) { consent(id: $id) { templateKey } }`, { id: given })).data.consent.templateKey;
    const check = await (await platform.caseSystem("odense")).graphql(`query($cpr: String!, $key: String!) { consentCheck(cpr: $cpr, templateKey: $key) { valid reason } }`, { cpr, key: templateKey });
    expect(check.data.consentCheck).toEqual({ valid: false, reason: "ENDED" });
    const again = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } });
    expect(again.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr", message: { da: expect.stringContaining("død") } });
  });

  it("sends no more letters to a custody holder who has died; the other holder is still reminded", async () => {
    const [child, mum, dad] = [person(6), person(35), person(36)];
    for (const holder of [mum, dad]) expect((await send({ kind: "CUSTODY_STARTED", cpr: child, otherCpr: holder })).errors).toBeUndefined();
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: child } })).data.requestConsent.id;
    const [mumCaller, dadCaller] = [await platform.citizen(mum), await platform.citizen(dad)];
    await expect.poll(() => lettersAbout(dadCaller, id), { timeout: 10_000 }).toEqual(["REQUEST"]);
    expect(await lettersAbout(mumCaller, id)).toEqual(["REQUEST"]);

    expect((await send({ kind: "DIED", cpr: mum })).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the consent subgraph reads it within 100 ms
    expect((await odense.graphql(`mutation($id: ID!) { remindConsentRequest(id: $id) { id } }`, { id })).errors).toBeUndefined();
    await expect.poll(() => lettersAbout(dadCaller, id), { timeout: 10_000 }).toEqual(["REMINDER", "REQUEST"]);
    expect(await lettersAbout(mumCaller, id)).toEqual(["REQUEST"]);
  });
});

describe("a change of custody in the person register", () => {
  it("asks a new custody holder too, and a holder who loses custody loses access at once and is no longer asked", async () => {
    const [child, mum, dad] = [person(7), person(37), person(38)];
    expect((await send({ kind: "CUSTODY_STARTED", cpr: child, otherCpr: mum })).errors).toBeUndefined();
    const asked = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: child } });
    const id = asked.data.requestConsent.id;
    const [mumId, dadId] = [await idOf(mum), await idOf(dad)];
    expect(asked.data.requestConsent.givers.map((giver: { id: string }) => giver.id)).toEqual([mumId]);

    expect((await send({ kind: "CUSTODY_STARTED", cpr: child, otherCpr: dad })).errors).toBeUndefined();
    await expect.poll(() => givers(id), { timeout: 10_000 }).toEqual([mumId, dadId].sort());
    expect((await consentOf(id)).history.at(-1)).toMatchObject({ action: "addGiver", actorKind: "PLATFORM" });
    const dadCaller = await platform.citizen(dad);
    await expect.poll(() => lettersAbout(dadCaller, id), { timeout: 10_000 }).toEqual(["REQUEST"]);

    // Mum answers; then dad loses custody before he has: the consent is given by those who hold it.
    expect((await giveWithYesToAll(await platform.citizen(mum), id)).data.giveConsent.status).toBe("REQUESTED");
    expect((await send({ kind: "CUSTODY_ENDED", cpr: child, otherCpr: dad })).errors).toBeUndefined();
    expect(((await dadCaller.graphql(`{ me { children { id } } }`)).data.me.children as { id: string }[]).map((c) => c.id)).toEqual([]);
    expect((await dadCaller.graphql(CONSENT, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    await expect.poll(async () => (await consentOf(id)).status, { timeout: 10_000 }).toBe("ACTIVE");
    expect(await givers(id)).toEqual([mumId]);
    expect((await consentOf(id)).history.at(-1)).toMatchObject({ action: "removeGiver", actorKind: "PLATFORM" });
  });

  it("ends a request nobody holds custody for any longer", async () => {
    const [child, mum] = [person(8), person(39)];
    await send({ kind: "CUSTODY_STARTED", cpr: child, otherCpr: mum });
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: child } })).data.requestConsent.id;
    await send({ kind: "CUSTODY_ENDED", cpr: child, otherCpr: mum });
    await expect.poll(async () => (await consentOf(id)).status, { timeout: 10_000 }).toBe("CANCELLED");
  });
});

describe("a guardian appointed in the person register", () => {
  it("acts for the person on consents when the guardianship covers personal matters, and no longer once removed", async () => {
    const [ward, guardian, banker] = [person(50), person(45), person(46)];
    expect((await send({ kind: "GUARDIAN_APPOINTED", cpr: ward, otherCpr: guardian, guardianshipScope: ["PERSONAL", "FINANCIAL"] })).errors).toBeUndefined();
    expect((await send({ kind: "GUARDIAN_APPOINTED", cpr: ward, otherCpr: banker, guardianshipScope: ["FINANCIAL"] })).errors).toBeUndefined();
    const guardianCaller = await platform.citizen(guardian);
    const grants = (await guardianCaller.graphql(`{ me { powersOfAttorney { grantor { id } basis authorityIds } } }`)).data.me.powersOfAttorney;
    expect(grants).toEqual([{ grantor: { id: await idOf(ward) }, basis: "GUARDIANSHIP", authorityIds: [] }]);

    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: ward } })).data.requestConsent.id;
    // A guardian for financial matters only does not act on consents.
    const bankerCaller = await platform.citizen(banker);
    expect((await bankerCaller.graphql(CONSENT, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await giveWithYesToAll(guardianCaller, id)).data.giveConsent.status).toBe("ACTIVE");
    expect((await consentOf(id)).signatures).toEqual([{ signer: { id: await idOf(guardian) }, onBehalfOf: { id: await idOf(ward) } }]);

    expect((await send({ kind: "GUARDIAN_REMOVED", cpr: ward, otherCpr: guardian })).errors).toBeUndefined();
    expect((await guardianCaller.graphql(CONSENT, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});

describe("name and address protection in the person register", () => {
  it("is kept on the citizen, started and ended", async () => {
    const cpr = person(30);
    const read = async () => (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { addressProtected } }`, { cpr })).data.citizen.addressProtected;
    expect(await read()).toBe(false);
    expect((await send({ kind: "PROTECTION_STARTED", cpr })).errors).toBeUndefined();
    expect(await read()).toBe(true);
    expect((await send({ kind: "PROTECTION_ENDED", cpr })).errors).toBeUndefined();
    expect(await read()).toBe(false);
  });
});

describe("the person register's endpoint", () => {
  it("is for the platform's own client only, and refuses an event it cannot act on, changing nothing", async () => {
    const cpr = person(31);
    const input = { registerEventId: `refused-${cpr}`, kind: "PROTECTION_STARTED", cpr, occurredOn: new Date(Date.now() - DAY).toISOString() };
    for (const caller of [odense, await platform.caseSystem("odense"), await platform.citizen(cpr)]) {
      expect((await caller.graphql(RECORD, { input })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
      expect((await caller.graphql(`{ lifeEvents { kind } }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    }
    // Another of the platform's own clients (the consent subgraph's) reads the events, and may not send one.
    const consentPart = await platform.platformClient("samtykke-platform");
    const sent = await consentPart.graphql(RECORD, { input });
    expect(sent.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_THE_REGISTER" });
    expect(sent.errors![0]!.extensions!.message).toEqual({ da: "Kun personregistrets adapter må indsende hændelser fra registret.", en: "Only the person register's adapter may send the register's events." });
    expect((await consentPart.graphql(`{ lifeEvents(first: 1) { kind } }`)).errors).toBeUndefined();
    const refused = [
      [{ kind: "CUSTODY_STARTED" }, "otherCpr"],
      [{ kind: "GUARDIAN_APPOINTED", otherCpr: person(44) }, "guardianshipScope"],
      [{ occurredOn: new Date(Date.now() + DAY).toISOString() }, "occurredOn"],
      [{ cpr: "0101011234x" }, "cpr"],
    ] as const;
    for (const [change, field] of refused) {
      const result = await register.graphql(RECORD, { input: { ...input, registerEventId: `refused-${field}-${cpr}`, ...change } });
      expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field, message: { da: expect.any(String), en: expect.any(String) } });
    }
    expect((await register.graphql(RECORD, { input })).data.recordLifeEvent.duplicate).toBe(false);
    const reused = await register.graphql(RECORD, { input: { ...input, kind: "PROTECTION_ENDED" } });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "registerEventId" });
    expect((await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { addressProtected } }`, { cpr })).data.citizen.addressProtected).toBe(true);
  });
});
