import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";
import { collect, giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

const FIELDS = "id status channel validFrom validTo attestation { attestedBy statement } history { action actorKind actorId channel }";
const REGISTER = `mutation($input: RegisterConsentInput!) { registerConsent(input: $input) { ${FIELDS} } }`;
const DELIVER = `mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { ${FIELDS} } }`;
const DAY = 24 * 60 * 60 * 1000;

describe("consents given outside the platform's own signing", () => {
  it("registers a consent given in person, attested by the caseworker, in force at once and announced", async () => {
    const citizen = await odense.graphql(`{ citizen(cpr: "2508920147") { id } }`);
    const events = collect(odense.wsClient(), `subscription($id: ID) { consentStatusChanged(citizenId: $id, after: "0") { status consent { channel } } }`, {
      id: citizen.data.citizen.id,
    });
    const result = await odense.graphql(REGISTER, {
      input: {
        templateId: DEMO.templates.dataSharing,
        answers: demoAnswers(DEMO.templates.dataSharing),
        cpr: "2508920147",
        caseReference: "SAG-MOEDE-1",
        statement: "Borgeren gav mundtligt samtykke ved møde på jobcentret.",
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.registerConsent).toMatchObject({
      status: "ACTIVE",
      channel: "ON_BEHALF",
      attestation: { attestedBy: DEMO.caseworkers.odense, statement: "Borgeren gav mundtligt samtykke ved møde på jobcentret." },
      history: [{ action: "register", actorKind: "CASEWORKER", actorId: DEMO.caseworkers.odense, channel: "ON_BEHALF" }],
    });
    const check = await odense.graphql(`{ consentCheck(cpr: "2508920147", templateKey: "indhentning-videregivelse-oplysninger") { valid } }`);
    expect(check.data.consentCheck.valid).toBe(true);
    const [event] = await events.next(1);
    expect(event!.data.consentStatusChanged).toEqual({ status: "ACTIVE", consent: { channel: "ON_BEHALF" } });
    events.unsubscribe();
  });

  it("refuses a registration without a statement and stores nothing", async () => {
    const result = await odense.graphql(REGISTER, {
      input: { templateId: DEMO.templates.childTherapy, cpr: "0304214912", statement: "   " },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "attestation" });
    const consents = await odense.graphql(`{ citizen(cpr: "0304214912") { consents { id } } }`);
    expect(consents.data.citizen.consents).toEqual([]);
  });

  it("takes a case system's consent with its evidence, valid from when it was given, once per key", async () => {
    const system = await platform.caseSystem("skattestyrelsen");
    const givenAt = new Date(Date.now() - 10 * DAY).toISOString();
    const input = {
      templateId: DEMO.templates.seafarerTax,
      cpr: "1710681239",
      answers: demoAnswers(DEMO.templates.seafarerTax),
      givenAt,
      evidenceReference: "journal 2026-0815",
      idempotencyKey: "skat-0815",
    };
    const first = (await system.graphql(DELIVER, { input })).data.deliverConsent;
    expect(first).toMatchObject({
      status: "ACTIVE",
      channel: "API",
      validFrom: givenAt,
      attestation: { attestedBy: DEMO.caseSystems.skattestyrelsen, statement: "journal 2026-0815" },
      history: [{ action: "deliver", actorKind: "CASE_SYSTEM", actorId: DEMO.caseSystems.skattestyrelsen, channel: "API" }],
    });
    expect(Date.parse(first.validTo) - Date.parse(givenAt)).toBe(90 * DAY);
    const retry = (await system.graphql(DELIVER, { input })).data.deliverConsent;
    expect(retry.id).toBe(first.id);

    const future = await system.graphql(DELIVER, { input: { ...input, idempotencyKey: null, givenAt: new Date(Date.now() + DAY).toISOString() } });
    expect(future.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "givenAt" });
  });

  it("marks a consent the citizen gave themselves as DIGITAL", async () => {
    // Lars answers for himself on this template; the child therapy one is for his son's custody holders.
    const requested = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id channel } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr: "1203755678" },
    });
    expect(requested.data.requestConsent.channel).toBeNull();
    const given = await giveWithYesToAll(await platform.citizen("1203755678"), requested.data.requestConsent.id, "channel attestation { statement }");
    expect(given.data.giveConsent).toEqual({ channel: "DIGITAL", attestation: null });
  });
});
