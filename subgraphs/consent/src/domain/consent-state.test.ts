import { describe, expect, it } from "vitest";
import { ConsentStatus, FINAL_STATUSES, nextStatus, REMINDER_INTERVAL_MS, requireReminderAllowed, TRANSITIONS, type ConsentAction } from "./consent-state.js";

const ALL_STATUSES = Object.values(ConsentStatus);
const ALL_ACTIONS = Object.keys(TRANSITIONS) as ConsentAction[];

const LEGAL: [ConsentStatus, ConsentAction, ConsentStatus][] = [
  [ConsentStatus.REQUESTED, "give", ConsentStatus.ACTIVE],
  [ConsentStatus.REQUESTED, "decline", ConsentStatus.DECLINED],
  [ConsentStatus.REQUESTED, "cancel", ConsentStatus.CANCELLED],
  [ConsentStatus.REQUESTED, "closeCase", ConsentStatus.CLOSED],
  [ConsentStatus.ACTIVE, "pause", ConsentStatus.PAUSED],
  [ConsentStatus.ACTIVE, "withdraw", ConsentStatus.WITHDRAWN],
  [ConsentStatus.ACTIVE, "markUsed", ConsentStatus.USED],
  [ConsentStatus.ACTIVE, "expire", ConsentStatus.EXPIRED],
  [ConsentStatus.ACTIVE, "closeCase", ConsentStatus.CLOSED],
  [ConsentStatus.PAUSED, "resume", ConsentStatus.ACTIVE],
  [ConsentStatus.PAUSED, "withdraw", ConsentStatus.WITHDRAWN],
  [ConsentStatus.PAUSED, "expire", ConsentStatus.EXPIRED],
  [ConsentStatus.PAUSED, "closeCase", ConsentStatus.CLOSED],
  [ConsentStatus.ACTIVE, "supersede", ConsentStatus.CLOSED],
  [ConsentStatus.PAUSED, "supersede", ConsentStatus.CLOSED],
  [ConsentStatus.REQUESTED, "remind", ConsentStatus.REQUESTED],
  [ConsentStatus.REQUESTED, "lapse", ConsentStatus.UNANSWERED],
  [ConsentStatus.REQUESTED, "followUp", ConsentStatus.REQUESTED],
  [ConsentStatus.REQUESTED, "followUpDone", ConsentStatus.REQUESTED],
  [ConsentStatus.REQUESTED, "askYoungPerson", ConsentStatus.REQUESTED],
  [ConsentStatus.REQUESTED, "subjectDied", ConsentStatus.CLOSED],
  [ConsentStatus.ACTIVE, "subjectDied", ConsentStatus.CLOSED],
  [ConsentStatus.PAUSED, "subjectDied", ConsentStatus.CLOSED],
  [ConsentStatus.REQUESTED, "addGiver", ConsentStatus.REQUESTED],
  [ConsentStatus.REQUESTED, "removeGiver", ConsentStatus.REQUESTED],
];

describe("the consent state machine", () => {
  it.each(LEGAL)("%s --%s--> %s", (from, action, to) => {
    expect(nextStatus(from, action)).toBe(to);
  });

  const illegal = ALL_STATUSES.flatMap((from) =>
    ALL_ACTIONS.filter((action) => !LEGAL.some(([f, a]) => f === from && a === action)).map((action) => [from, action] as const),
  );

  it("has exactly the legal transitions listed, and every other pair is refused", () => {
    expect(LEGAL.length + illegal.length).toBe(ALL_STATUSES.length * ALL_ACTIONS.length);
  });

  it.each(illegal)("refuses %s --%s--> with a bilingual INVALID_TRANSITION", (from, action) => {
    try {
      nextStatus(from, action);
      expect.unreachable();
    } catch (error: any) {
      expect(error.code).toBe("INVALID_TRANSITION");
      expect(error.details).toEqual({ status: from, action });
      expect(error.messages.da).toMatch(/^Et samtykke, der er .+, kan ikke .+\.$/);
      expect(error.messages.en).toMatch(new RegExp(`^A consent that is ${from.toLowerCase()} cannot be .+\\.$`));
    }
  });

  it("never leaves a final status", () => {
    for (const status of FINAL_STATUSES) {
      for (const action of ALL_ACTIONS) expect(() => nextStatus(status, action)).toThrow();
    }
  });
});

describe("reminders", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("allows the first reminder, and the next a day after the last", () => {
    expect(() => requireReminderAllowed(null, now)).not.toThrow();
    expect(() => requireReminderAllowed(new Date(now.getTime() - REMINDER_INTERVAL_MS), now)).not.toThrow();
  });

  it("refuses another within a day, in Danish and English", () => {
    expect(() => requireReminderAllowed(new Date(now.getTime() - REMINDER_INTERVAL_MS + 60_000), now)).toThrow(
      expect.objectContaining({ code: "CONFLICT", messages: expect.objectContaining({ da: expect.stringContaining("seneste døgn") }) }),
    );
  });
});
