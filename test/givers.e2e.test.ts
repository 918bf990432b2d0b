import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { Citizen, Custody } from "@samtykke/party";
import { giveWithYesToAll, startTestPlatform, yesToEveryChoice, type Caller, type TestPlatform } from "./support/platform.js";

// A child's consent is given by both custody holders, and handed over to the child at 18. The
// consent subgraph reads this clock; the person register (party) keeps real time.
const DAY = 24 * 60 * 60 * 1000;
let offset = 0;
let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 } });
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

const EMIL = "0304214912";
const LARS = "1203755678";
const KAREN = "0101804321";
const REQUEST = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id status givers { name } } }`;
const GIVE = /* GraphQL */ `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status signatures { signer { name } } } }`;
const READ = /* GraphQL */ `query($id: ID!) { consent(id: $id) { status history { action actorKind } } }`;

async function requestTherapy(cpr: string) {
  const result = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr, caseReference: "ODE-BARN-1" } });
  expect(result.errors).toBeUndefined();
  return result.data.requestConsent as { id: string; status: string; givers: { name: string }[] };
}

/** A CPR number of someone who turns 18 `days` from now. */
function cprTurning18In(days: number): string {
  const birth = new Date(Date.now() + days * DAY);
  birth.setUTCFullYear(birth.getUTCFullYear() - 18);
  return cprBornOn(birth, "567");
}

describe("two custody holders", () => {
  it("stays requested until both have given the same answers, then is active", async () => {
    const consent = await requestTherapy(EMIL);
    expect(consent.givers.map((giver) => giver.name).sort()).toEqual(["Karen Jensen", "Lars Nielsen"]);
    const lars = await platform.citizen(LARS);
    const karen = await platform.citizen(KAREN);
    const emil = await platform.citizen(EMIL);

    const answers = await yesToEveryChoice(lars, consent.id);
    const first = await lars.graphql(GIVE, { id: consent.id, answers });
    expect(first.data.giveConsent).toEqual({ status: "REQUESTED", signatures: [{ signer: { name: "Lars Nielsen" } }] });
    const again = await lars.graphql(GIVE, { id: consent.id, answers });
    expect(again.errors![0]!.extensions!.code).toBe("CONFLICT");

    // The child can see what is decided about them, but does not sign it.
    expect((await emil.graphql(READ, { id: consent.id })).data.consent.status).toBe("REQUESTED");
    expect((await emil.graphql(GIVE, { id: consent.id, answers })).errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_A_SIGNER" });

    const different = answers.map((answer: { key: string; checked?: boolean }, index: number) => (index === answers.length - 1 && "checked" in answer ? { ...answer, checked: !answer.checked } : answer));
    const mismatch = await karen.graphql(GIVE, { id: consent.id, answers: different });
    expect(mismatch.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "answers", message: { da: expect.stringContaining("den anden forælder") } });

    const second = await karen.graphql(GIVE, { id: consent.id, answers });
    expect(second.data.giveConsent.status).toBe("ACTIVE");
    expect(second.data.giveConsent.signatures.map((signature: any) => signature.signer.name)).toEqual(["Lars Nielsen", "Karen Jensen"]);
    const history = (await odense.graphql(READ, { id: consent.id })).data.consent.history;
    expect(history.map((entry: any) => entry.action)).toEqual(["request", "sign", "give"]);
    expect(history.map((entry: any) => entry.actorKind)).toEqual(["CASEWORKER", "CITIZEN", "CITIZEN"]);
  });

  it("is declined when one holder declines, even after the other has given", async () => {
    const consent = await requestTherapy(EMIL);
    await giveWithYesToAll(await platform.citizen(KAREN), consent.id);
    const declined = await (await platform.citizen(LARS)).graphql(`mutation($id: ID!) { declineConsent(id: $id) { status } }`, { id: consent.id });
    expect(declined.data.declineConsent.status).toBe("DECLINED");
  });

  it("refuses a custody template for someone in no one's custody", async () => {
    const result = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: LARS } });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
  });
});

describe("the handover at 18", () => {
  it("hands the consent to the young person on their birthday: parents lose it, the young person confirms it", async () => {
    // The person register stand-in: a child of Karen's who turns 18 in five days.
    const childCpr = cprTurning18In(5);
    const child = await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr: childCpr });
    const karenId = (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr: KAREN })).data.citizen.id;
    const em = platform.subgraphs.party.orm.em.fork();
    em.create(Custody, { holder: em.getReference(Citizen, karenId), child: em.getReference(Citizen, child.data.citizen.id) });
    await em.flush();

    const karen = await platform.citizen(KAREN);
    const consent = await requestTherapy(childCpr);
    expect((await giveWithYesToAll(karen, consent.id)).data.giveConsent.status).toBe("ACTIVE");
    const mine = async (caller: Caller) => (await caller.graphql(`{ myConsents { id status replacesConsentId } }`)).data.myConsents as any[];
    expect((await mine(karen)).map((row) => row.id)).toContain(consent.id);

    offset = 6 * DAY;
    const young = await platform.citizen(childCpr);
    await expect.poll(async () => (await mine(young)).find((row) => row.replacesConsentId === consent.id)?.status, { timeout: 5_000 }).toBe("REQUESTED");

    // Still valid until the young person answers; the parent no longer sees it.
    const check = await odense.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "odense-boern-terapi") { valid } }`, { cpr: childCpr });
    expect(check.data.consentCheck.valid).toBe(true);
    expect((await mine(karen)).map((row) => row.id)).not.toContain(consent.id);
    expect((await karen.graphql(READ, { id: consent.id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const handedOver = (await odense.graphql(READ, { id: consent.id })).data.consent.history;
    expect(handedOver.at(-1)).toEqual({ action: "handOver", actorKind: "PLATFORM" });

    const confirmation = (await mine(young)).find((row) => row.replacesConsentId === consent.id)!;
    const confirmed = await giveWithYesToAll(young, confirmation.id, "status signatures { signer { id } }");
    expect(confirmed.data.giveConsent.status).toBe("ACTIVE");
    expect(confirmed.data.giveConsent.signatures).toEqual([{ signer: { id: child.data.citizen.id } }]);
    expect((await odense.graphql(READ, { id: consent.id })).data.consent.status).toBe("CLOSED");
    offset = 0;
  });
});
