import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { createRequest, type TemplateSnapshot } from "./consent.js";
import { dueFollowUp, followUpOpen, followUpPlan, requireFollowUpDone } from "./follow-up.js";

const DAY = 24 * 60 * 60 * 1000;
const requestedAt = new Date("2026-03-02T09:00:00Z");
const days = (n: number) => new Date(requestedAt.getTime() + n * DAY);

describe("followUpPlan", () => {
  it("puts the reminder and the caseworker's task the template's days after the request", () => {
    expect(followUpPlan({ reminderAfterDays: 7, followUpAfterDays: 14 }, requestedAt, days(30))).toEqual({ reminderDueAt: days(7), followUpDueAt: days(14) });
  });

  it("leaves out what the template does not set", () => {
    expect(followUpPlan({}, requestedAt, days(30))).toEqual({ reminderDueAt: null, followUpDueAt: null });
    expect(followUpPlan({ reminderAfterDays: 7, followUpAfterDays: null }, requestedAt, days(30))).toEqual({ reminderDueAt: days(7), followUpDueAt: null });
  });

  it("leaves out a step that would come at or after the deadline: the request lapses instead", () => {
    expect(followUpPlan({ reminderAfterDays: 7, followUpAfterDays: 14 }, requestedAt, days(14))).toEqual({ reminderDueAt: days(7), followUpDueAt: null });
    expect(followUpPlan({ reminderAfterDays: 7, followUpAfterDays: 14 }, requestedAt, days(5))).toEqual({ reminderDueAt: null, followUpDueAt: null });
  });

  it("is what a new request carries", () => {
    const template = { status: "PUBLISHED", reminderAfterDays: 3, followUpAfterDays: 10, boundToCase: false, choices: [] } as unknown as TemplateSnapshot;
    const request = createRequest({ template: { ...template, ...texts() }, subjectId: "c1", answerBy: days(20), now: requestedAt });
    expect(request).toMatchObject({ reminderDueAt: days(3), followUpDueAt: days(10) });
  });
});

describe("dueFollowUp", () => {
  const pending = { status: ConsentStatus.REQUESTED, answerBy: days(30), reminderDueAt: days(7), followUpDueAt: days(14) };

  it.each([
    [days(6), null],
    [days(7), "remind"],
    [days(20), "remind"], // both are due: the reminder first
  ] as const)("at %s: %s", (now, step) => {
    expect(dueFollowUp(pending, now)).toBe(step);
  });

  it("opens the task once the reminder has gone", () => {
    expect(dueFollowUp({ ...pending, reminderDueAt: null }, days(14))).toBe("followUp");
    expect(dueFollowUp({ ...pending, reminderDueAt: null, followUpDueAt: null }, days(20))).toBeNull();
  });

  it("does nothing for an answered request, nor past the deadline", () => {
    expect(dueFollowUp({ ...pending, status: ConsentStatus.ACTIVE }, days(20))).toBeNull();
    expect(dueFollowUp({ ...pending, status: ConsentStatus.CANCELLED }, days(20))).toBeNull();
    expect(dueFollowUp(pending, days(30))).toBeNull();
  });
});

describe("the caseworker's task", () => {
  const open = { status: ConsentStatus.REQUESTED, followUpOpenedAt: days(14), followUpDoneAt: null };

  it("is open from when it opened until it is marked done or the request is answered", () => {
    expect(followUpOpen(open)).toBe(true);
    expect(followUpOpen({ ...open, followUpOpenedAt: null })).toBe(false);
    expect(followUpOpen({ ...open, followUpDoneAt: days(15) })).toBe(false);
    expect(followUpOpen({ ...open, status: ConsentStatus.ACTIVE })).toBe(false);
  });

  it("is marked done with a note of what was done, trimmed", () => {
    expect(requireFollowUpDone(open, "  Ringede til borgeren  ")).toBe("Ringede til borgeren");
  });

  it("refuses a blank or overlong note (BAD_USER_INPUT) and a task that is not open (CONFLICT)", () => {
    expect(() => requireFollowUpDone(open, "  ")).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "note" } }));
    expect(() => requireFollowUpDone(open, "x".repeat(1001))).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
    expect(() => requireFollowUpDone({ ...open, followUpDoneAt: days(15) }, "Ringede")).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    expect(() => requireFollowUpDone({ ...open, status: ConsentStatus.UNANSWERED }, "Ringede")).toThrow(expect.objectContaining({ code: "CONFLICT" }));
  });
});

function texts() {
  const text = { da: "Tekst", en: "Text" };
  return { title: text, purpose: text, dataCovered: text, partiesCovered: text, consequencesOfYes: text, consequencesOfNo: text, howToWithdraw: text };
}
