import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// A request nobody answers is followed up as its template says: a reminder letter, then a task for
// the caseworker, then it ends UNANSWERED at its deadline. The consent subgraph's clock is moved
// here; it applies what is due every 100 ms.
const DAY = 24 * 60 * 60 * 1000;
let offset = 0;
let platform: TestPlatform;
let odense: Caller;
let templateId: string;

const FOLLOW_UP = `followUp { reminderDueAt taskDueAt taskOpenedAt taskDoneAt taskOpen }`;
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id answerBy ${FOLLOW_UP} } }`;
const CONSENT = `query($id: ID!) { consent(id: $id) { status endedAt remindedAt ${FOLLOW_UP} history { action actorKind reason } } }`;
const COMPLETE = `mutation($id: ID!, $note: String!) { completeFollowUp(id: $id, note: $note) { id status ${FOLLOW_UP} } }`;
const OPEN_TASKS = `{ consents(filter: { followUpOpen: true }, first: 100) { totalCount edges { node { id } } } }`;
const MAILBOX = `{ myMailbox(first: 100) { kind consent { id } } }`;

beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 } });
  odense = await platform.caseworker("odense");
  const created = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id reminderAfterDays followUpAfterDays } }`, {
    input: {
      authorityId: DEMO.authorities.odense,
      key: "odense-opfoelgning",
      title: { da: "Samtykke til hjælp i hjemmet", en: "Consent to help at home" },
      purpose: { da: "Vi vil hjælpe dig i dit hjem.", en: "We want to help you at home." },
      ...TEMPLATE_TEXTS,
      reminderAfterDays: 3,
      followUpAfterDays: 7,
    },
  });
  expect(created.data.createTemplate).toMatchObject({ reminderAfterDays: 3, followUpAfterDays: 7 });
  templateId = created.data.createTemplate.id;
  expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: templateId })).data.publishTemplate.status).toBe("PUBLISHED");
});
afterAll(async () => {
  await platform?.stop();
});

const at = (days: number) => {
  offset = days * DAY;
};
const consentOf = async (id: string) => (await odense.graphql(CONSENT, { id })).data.consent;
const lettersAbout = async (citizen: Caller, id: string) =>
  ((await citizen.graphql(MAILBOX)).data.myMailbox as { kind: string; consent: { id: string } | null }[]).filter((letter) => letter.consent?.id === id).map((letter) => letter.kind).sort();

describe("a request nobody answers", () => {
  it("is reminded, then put on the caseworker's task list, then ends UNANSWERED at its deadline, each step once", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1962, 4, 14)), "123");
    const requestedAt = Date.now() + offset;
    const asked = await odense.graphql(REQUEST, { input: { templateId, cpr, answerBy: new Date(requestedAt + 14 * DAY).toISOString() } });
    expect(asked.errors).toBeUndefined();
    const { id, followUp } = asked.data.requestConsent;
    expect(Date.parse(followUp.reminderDueAt) - requestedAt).toBeGreaterThanOrEqual(3 * DAY - 1000);
    expect(Date.parse(followUp.taskDueAt) - Date.parse(followUp.reminderDueAt)).toBe(4 * DAY);
    expect(followUp).toMatchObject({ taskOpenedAt: null, taskOpen: false });
    const citizen = await platform.citizen(cpr);
    expect((await consentOf(id)).remindedAt).toBeNull();

    at(3.5);
    await expect.poll(async () => (await consentOf(id)).followUp.reminderDueAt, { timeout: 10_000 }).toBeNull();
    await expect.poll(() => lettersAbout(citizen, id), { timeout: 10_000 }).toEqual(["REMINDER", "REQUEST"]);
    const reminded = await consentOf(id);
    expect(reminded.history.map((entry: { action: string; actorKind: string }) => [entry.action, entry.actorKind])).toEqual([
      ["request", "CASEWORKER"],
      ["remind", "PLATFORM"],
    ]);
    expect(reminded.followUp.taskOpen).toBe(false);
    // Anyone who reads the request sees when it was reminded: the citizen too.
    expect(Date.parse(reminded.remindedAt) - requestedAt).toBeGreaterThanOrEqual(3.5 * DAY - 1000);
    expect((await citizen.graphql(`query($id: ID!) { consent(id: $id) { remindedAt } }`, { id })).data.consent.remindedAt).toBe(reminded.remindedAt);
    expect((await odense.graphql(OPEN_TASKS)).data.consents.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(id);

    at(7.5);
    await expect.poll(async () => (await consentOf(id)).followUp.taskOpen, { timeout: 10_000 }).toBe(true);
    expect((await odense.graphql(OPEN_TASKS)).data.consents.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(id);
    // Many more runs of the background job: still one reminder, one task.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await consentOf(id)).history.map((entry: { action: string }) => entry.action)).toEqual(["request", "remind", "followUp"]);
    expect(await lettersAbout(citizen, id)).toEqual(["REMINDER", "REQUEST"]);

    // The caseworker called; the request stays open for the citizen, the task is done.
    const done = await odense.graphql(COMPLETE, { id, note: "  Ringede til borgeren, som svarer digitalt.  " });
    expect(done.errors).toBeUndefined();
    expect(done.data.completeFollowUp).toMatchObject({ status: "REQUESTED", followUp: { taskOpen: false, taskDoneAt: expect.any(String) } });
    expect((await consentOf(id)).history.at(-1)).toEqual({ action: "followUpDone", actorKind: "CASEWORKER", reason: "Ringede til borgeren, som svarer digitalt." });
    expect((await odense.graphql(OPEN_TASKS)).data.consents.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(id);
    expect((await odense.graphql(COMPLETE, { id, note: "Igen" })).errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "id" });

    at(14.5);
    await expect.poll(async () => (await consentOf(id)).status, { timeout: 10_000 }).toBe("UNANSWERED");
    const ended = await consentOf(id);
    expect(ended.endedAt).toEqual(expect.any(String));
    expect(ended.history.at(-1)).toMatchObject({ action: "lapse", actorKind: "PLATFORM" });
    // The citizen can no longer answer it.
    const late = await citizen.graphql(`mutation($id: ID!) { giveConsent(id: $id, answers: []) { id } }`, { id });
    expect(late.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    at(0);
  });

  it("refuses to mark a task done without a note, for another authority, for a case system or a citizen, and with no task open", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1962, 4, 15)), "123");
    const id = (await odense.graphql(REQUEST, { input: { templateId, cpr } })).data.requestConsent.id;
    // No task yet.
    expect((await odense.graphql(COMPLETE, { id, note: "Ringede" })).errors![0]!.extensions).toMatchObject({ code: "CONFLICT" });
    at(7.5);
    await expect.poll(async () => (await consentOf(id)).followUp.taskOpen, { timeout: 10_000 }).toBe(true);
    const blank = await odense.graphql(COMPLETE, { id, note: "   " });
    expect(blank.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "note", message: { da: expect.any(String), en: expect.any(String) } });
    expect((await (await platform.caseworker("skattestyrelsen")).graphql(COMPLETE, { id, note: "Ringede" })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await (await platform.caseSystem("odense")).graphql(COMPLETE, { id, note: "Ringede" })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const citizen = await platform.citizen(cpr);
    expect((await citizen.graphql(COMPLETE, { id, note: "Ringede" })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    // The task and its dates are the authority's: the citizen reads the request, not its task list.
    const read = await citizen.graphql(`query($id: ID!) { consent(id: $id) { status followUp { taskOpen } } }`, { id });
    expect(read.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    // Nothing was changed by the refusals.
    expect((await consentOf(id)).followUp.taskOpen).toBe(true);
    at(0);
  });

  it("refuses a follow-up before the reminder when the template is written", async () => {
    const result = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "odense-opfoelgning-forkert",
        title: { da: "Samtykke", en: "Consent" },
        purpose: { da: "Et formål", en: "A purpose" },
        ...TEMPLATE_TEXTS,
        reminderAfterDays: 7,
        followUpAfterDays: 5,
      },
    });
    expect(result.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "followUpAfterDays", message: { da: expect.stringContaining("påmindelsen") } });
  });
});
