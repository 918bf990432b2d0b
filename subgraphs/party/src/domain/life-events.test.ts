import { describe, expect, it } from "vitest";
import { checkLifeEvent, guardianActsOnConsents, GuardianshipScope, LifeEventKind } from "./life-events.js";

const now = new Date("2026-06-01T12:00:00Z");
const base = { registerEventId: " cpr-1 ", cpr: "0101801234", occurredOn: new Date("2026-05-31T00:00:00Z") };

describe("an event from the person register", () => {
  it("is kept as sent, its id trimmed", () => {
    expect(checkLifeEvent({ ...base, kind: LifeEventKind.DIED }, now)).toMatchObject({ registerEventId: "cpr-1", kind: "DIED", otherCpr: null, guardianshipScope: [] });
  });

  it.each([LifeEventKind.CUSTODY_STARTED, LifeEventKind.CUSTODY_ENDED, LifeEventKind.GUARDIAN_APPOINTED, LifeEventKind.GUARDIAN_REMOVED])("%s names the custody holder or guardian", (kind) => {
    expect(() => checkLifeEvent({ ...base, kind, guardianshipScope: [GuardianshipScope.PERSONAL] }, now)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "otherCpr" } }));
  });

  it.each([LifeEventKind.DIED, LifeEventKind.PROTECTION_STARTED, LifeEventKind.PROTECTION_ENDED])("%s names nobody else", (kind) => {
    expect(() => checkLifeEvent({ ...base, kind, otherCpr: "0202802345" }, now)).toThrow(expect.objectContaining({ details: { field: "otherCpr" } }));
  });

  it("refuses a guardian without a scope, an event in the future and an empty id", () => {
    expect(() => checkLifeEvent({ ...base, kind: LifeEventKind.GUARDIAN_APPOINTED, otherCpr: "0202802345" }, now)).toThrow(expect.objectContaining({ details: { field: "guardianshipScope" } }));
    expect(() => checkLifeEvent({ ...base, kind: LifeEventKind.DIED, occurredOn: new Date("2026-06-02T00:00:00Z") }, now)).toThrow(expect.objectContaining({ details: { field: "occurredOn" } }));
    expect(() => checkLifeEvent({ ...base, kind: LifeEventKind.DIED, registerEventId: "  " }, now)).toThrow(expect.objectContaining({ details: { field: "registerEventId" } }));
  });

  it("lets a guardian act on consents only for personal matters", () => {
    expect(guardianActsOnConsents([GuardianshipScope.PERSONAL])).toBe(true);
    expect(guardianActsOnConsents([GuardianshipScope.FINANCIAL, GuardianshipScope.PERSONAL])).toBe(true);
    expect(guardianActsOnConsents([GuardianshipScope.FINANCIAL])).toBe(false);
  });
});
