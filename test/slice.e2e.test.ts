import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { collect, startTestPlatform, yesToEveryChoice, type TestPlatform } from "./support/platform.js";

const REQUEST = /* GraphQL */ `
  mutation Request($input: RequestConsentInput!) {
    requestConsent(input: $input) { id status templateKey }
  }
`;
const GIVE = /* GraphQL */ `
  mutation Give($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id status validFrom validTo } }
`;
const CHECK = /* GraphQL */ `
  query Check($cpr: String!, $templateKey: String!) {
    consentCheck(cpr: $cpr, templateKey: $templateKey) {
      valid reason validTo
      consent { id status subject { name cprMasked } authority { name } template { key version } }
    }
  }
`;
const CHANGES = /* GraphQL */ `
  subscription Changes($citizenId: ID, $after: String) {
    consentStatusChanged(citizenId: $citizenId, after: $after) {
      cursor status
      consent {
        id
        template { title { da en } authority { name } }
        subject { name }
      }
    }
  }
`;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe("the vertical slice, through the gateway only", () => {
  it("requests, gives and checks a consent while a subscriber sees REQUESTED then ACTIVE", async () => {
    const cpr = "0101804321";
    const caseworker = await platform.caseworker("odense");
    const caseSystem = await platform.caseSystem("odense");
    const karen = await platform.citizen(cpr);
    const citizen = await caseworker.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id name } }`, { cpr });
    expect(citizen.data.citizen.name).toBe("Karen Jensen");

    const before = await caseSystem.graphql(CHECK, { cpr, templateKey: "indhentning-videregivelse-oplysninger" });
    expect(before.data.consentCheck).toMatchObject({ valid: false, reason: "NO_CONSENT", consent: null });

    // The caseworker who asks watches for the answer.
    const subscription = collect(caseworker.wsClient(), CHANGES, { citizenId: citizen.data.citizen.id, after: "0" });

    const requested = await caseworker.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, caseReference: "SAG-2026-0042" } });
    expect(requested.errors).toBeUndefined();
    const consentId = requested.data.requestConsent.id;
    expect(requested.data.requestConsent).toMatchObject({ status: "REQUESTED", templateKey: "indhentning-videregivelse-oplysninger" });

    const [first] = await subscription.next(1);

    expect(first!.data.consentStatusChanged).toMatchObject({
      status: "REQUESTED",
      consent: {
        id: consentId,
        // From the template and party subgraphs: the event crosses all three.
        template: {
          title: { da: "Samtykke til indhentning og/eller videregivelse af personoplysninger" },
          authority: { name: "Odense Kommune" },
        },
        subject: { name: "Karen Jensen" },
      },
    });

    const pending = await caseSystem.graphql(CHECK, { cpr, templateKey: "indhentning-videregivelse-oplysninger" });
    expect(pending.data.consentCheck).toMatchObject({ valid: false, reason: "NOT_ANSWERED" });

    const given = await karen.graphql(GIVE, { id: consentId, answers: await yesToEveryChoice(karen, consentId) });
    expect(given.data.giveConsent.status).toBe("ACTIVE");
    // The demo template lasts 365 days.
    const lasts = Date.parse(given.data.giveConsent.validTo) - Date.parse(given.data.giveConsent.validFrom);
    expect(lasts).toBe(365 * 24 * 60 * 60 * 1000);

    const [, second] = await subscription.next(2);
    expect(second!.data.consentStatusChanged.status).toBe("ACTIVE");
    expect(second!.data.consentStatusChanged.cursor).not.toBe(first!.data.consentStatusChanged.cursor);

    const after = await caseSystem.graphql(CHECK, { cpr, templateKey: "indhentning-videregivelse-oplysninger" });
    expect(after.data.consentCheck).toMatchObject({
      valid: true,
      reason: "VALID",
      validTo: given.data.giveConsent.validTo,
      consent: {
        id: consentId,
        status: "ACTIVE",
        subject: { name: "Karen Jensen", cprMasked: "010180-xxxx" },
        authority: { name: "Odense Kommune" },
        template: { key: "indhentning-videregivelse-oplysninger", version: 1 },
      },
    });
    subscription.unsubscribe();
  });

  it("resumes a subscription from a cursor with exactly the events after it", async () => {
    const cpr = "1203755678";
    // The citizen follows their own consents, so requests from two authorities reach the one subscriber.
    const lars = await platform.citizen(cpr);
    const { data } = await lars.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr });
    const ids: string[] = [];
    for (const [authority, templateId] of [
      ["odense", DEMO.templates.dataSharing],
      ["skattestyrelsen", DEMO.templates.seafarerTax],
    ] as const) {
      const result = await (await platform.caseworker(authority)).graphql(REQUEST, { input: { templateId, cpr } });
      expect(result.errors).toBeUndefined();
      ids.push(result.data.requestConsent.id);
    }
    await lars.graphql(GIVE, { id: ids[0], answers: await yesToEveryChoice(lars, ids[0]!) });

    const all = collect(lars.wsClient(), CHANGES, { citizenId: data.citizen.id, after: "0" });
    const events = await all.next(3);
    expect(events.map((e) => [e.data.consentStatusChanged.consent.id, e.data.consentStatusChanged.status])).toEqual([
      [ids[0], "REQUESTED"],
      [ids[1], "REQUESTED"],
      [ids[0], "ACTIVE"],
    ]);
    all.unsubscribe();

    const resumed = collect(lars.wsClient(), CHANGES, { citizenId: data.citizen.id, after: events[0]!.data.consentStatusChanged.cursor });
    const rest = await resumed.next(2);
    expect(rest.map((e) => e.data.consentStatusChanged.cursor)).toEqual(events.slice(1).map((e) => e.data.consentStatusChanged.cursor));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.events).toHaveLength(2);
    resumed.unsubscribe();
  });

  it("refuses bad input with a typed, bilingual error and stores nothing", async () => {
    const caseworker = await platform.caseworker("odense");
    const invalidCpr = await caseworker.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: "3213804321" } });
    expect(invalidCpr.data).toBeNull();
    expect(invalidCpr.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "cpr",
      message: { da: expect.stringContaining("Ugyldigt CPR-nummer"), en: expect.stringContaining("Invalid CPR number") },
    });

    const unknownTemplate = await caseworker.graphql(REQUEST, {
      input: { templateId: "00000000-0000-4000-8000-000000000000", cpr: "2508920147" },
    });
    expect(unknownTemplate.errors![0]!.extensions!.code).toBe("NOT_FOUND");

    const badCursor = collect(caseworker.wsClient(), CHANGES, { after: "not-a-cursor" });
    await expect.poll(() => badCursor.events.length).toBe(1);
    expect(badCursor.events[0]!.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");

    // Asked as Sofie herself, who sees her consents from every authority, not only the caseworker's.
    const citizen = await (await platform.citizen("2508920147")).graphql(`{ citizen(cpr: "2508920147") { consents { id } } }`);
    expect(citizen.data.citizen.consents).toEqual([]);
  });

  it("refuses to give a consent twice and leaves it as it was", async () => {
    const cpr = "0304214912";
    const caseworker = await platform.caseworker("odense");
    // Emil is a child: both custody holders give, and each may give only once.
    const lars = await platform.citizen("1203755678");
    const karen = await platform.citizen("0101804321");
    const requested = await caseworker.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr } });
    expect(requested.errors).toBeUndefined();
    const id = requested.data.requestConsent.id;
    const answers = await yesToEveryChoice(lars, id);
    const firstHolder = await lars.graphql(GIVE, { id, answers });
    expect(firstHolder.data.giveConsent.status).toBe("REQUESTED");
    const sameHolderAgain = await lars.graphql(GIVE, { id, answers });
    expect(sameHolderAgain.errors![0]!.extensions!.code).toBe("CONFLICT");
    const first = await karen.graphql(GIVE, { id, answers });
    expect(first.data.giveConsent.status).toBe("ACTIVE");
    const second = await karen.graphql(GIVE, { id, answers });
    expect(second.errors![0]!.extensions).toMatchObject({
      code: "INVALID_TRANSITION",
      message: { da: "Et samtykke, der er aktivt, kan ikke gives.", en: "A consent that is active cannot be given." },
    });
    const now = await caseworker.graphql(`query($id: ID!) { consent(id: $id) { status validTo } }`, { id });
    expect(now.data.consent).toEqual({ status: "ACTIVE", validTo: first.data.giveConsent.validTo });
  });
});
