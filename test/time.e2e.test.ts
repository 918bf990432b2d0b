import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { collect, giveWithYesToAll, startTestPlatform, type TestPlatform } from "./support/platform.js";

// Time moves on its own here: the consent subgraph reads this clock, and applies what is due often.
const DAY = 24 * 60 * 60 * 1000;
let offset = 0;
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 } });
});
afterAll(async () => {
  await platform?.stop();
});

const REQUEST = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id answerBy } }`;

describe("time, without anyone asking", () => {
  it("expires a consent at its end and ends a request nobody answered as UNANSWERED, with events and a check that follows", async () => {
    const cpr = "1710681239";
    // Ole follows his own consents, which come from two authorities; each authority hears only of its own.
    const ole = await platform.citizen(cpr);
    const skat = await platform.caseworker("skattestyrelsen");
    const { data } = await ole.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr });
    const given = (await skat.graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr } })).data.requestConsent;
    await giveWithYesToAll(ole, given.id);
    const odense = await platform.caseworker("odense");
    const unanswered = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent;
    expect(Date.parse(unanswered.answerBy) - Date.now()).toBeGreaterThan(29 * DAY);

    const events = collect(ole.wsClient(), `subscription($id: ID) { consentStatusChanged(citizenId: $id, after: "0") { status consent { id } } }`, { id: data.citizen.id });
    await events.next(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.events).toHaveLength(3); // nothing is due yet

    offset = 91 * DAY; // past the seafarer template's 90 days and the 30-day answer deadline
    const [, , , ...due] = await events.next(5);
    expect(due.map((e) => [e.data.consentStatusChanged.consent.id, e.data.consentStatusChanged.status]).sort()).toEqual(
      [
        [given.id, "EXPIRED"],
        [unanswered.id, "UNANSWERED"],
      ].sort(),
    );
    const check = await (await platform.caseSystem("skattestyrelsen")).graphql(
      `query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "soefarende-skattedata-tredjepart") { valid reason } }`,
      { cpr },
    );
    expect(check.data.consentCheck).toEqual({ valid: false, reason: "EXPIRED" });
    // Nobody asked: the platform itself made both changes.
    const history = `query($id: ID!) { consent(id: $id) { history { action actorKind actorId } } }`;
    expect((await skat.graphql(history, { id: given.id })).data.consent.history.at(-1)).toEqual({ action: "expire", actorKind: "PLATFORM", actorId: null });
    expect((await odense.graphql(history, { id: unanswered.id })).data.consent.history.at(-1)).toEqual({ action: "lapse", actorKind: "PLATFORM", actorId: null });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events.events).toHaveLength(5); // each change happened once
    events.unsubscribe();
  });

  it("refuses an answer deadline in the past", async () => {
    const result = await (await platform.caseworker("odense")).graphql(REQUEST, {
      input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147", answerBy: new Date(Date.now() - DAY).toISOString() },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "answerBy" });
  });
});
