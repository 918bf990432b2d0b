import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { checkRecipient, checkValidity, ConsentCheckReason, LegalBasis, legalBasisOf, mostRelevant } from "./validity.js";

const now = new Date("2026-06-01T12:00:00Z");
const day = 24 * 60 * 60 * 1000;

describe("checkValidity", () => {
  it("is valid for an ACTIVE consent inside its period", () => {
    expect(checkValidity({ status: ConsentStatus.ACTIVE, validFrom: new Date(now.getTime() - day), validTo: new Date(now.getTime() + day) }, now)).toEqual({
      valid: true,
      reason: ConsentCheckReason.VALID,
    });
  });

  it("is valid for an open-ended ACTIVE consent", () => {
    expect(checkValidity({ status: ConsentStatus.ACTIVE, validFrom: now, validTo: null }, now).valid).toBe(true);
  });

  it("is not valid once validTo has passed, even before expiry has run", () => {
    expect(checkValidity({ status: ConsentStatus.ACTIVE, validFrom: new Date(0), validTo: now }, now)).toEqual({
      valid: false,
      reason: ConsentCheckReason.EXPIRED,
    });
  });

  it("is not valid before validFrom", () => {
    expect(checkValidity({ status: ConsentStatus.ACTIVE, validFrom: new Date(now.getTime() + 1) }, now).reason).toBe(ConsentCheckReason.NOT_YET_VALID);
  });

  it.each([
    [ConsentStatus.REQUESTED, ConsentCheckReason.NOT_ANSWERED],
    [ConsentStatus.PAUSED, ConsentCheckReason.PAUSED],
    [ConsentStatus.EXPIRED, ConsentCheckReason.EXPIRED],
    [ConsentStatus.DECLINED, ConsentCheckReason.ENDED],
    [ConsentStatus.WITHDRAWN, ConsentCheckReason.ENDED],
    [ConsentStatus.USED, ConsentCheckReason.ENDED],
    [ConsentStatus.CLOSED, ConsentCheckReason.ENDED],
    [ConsentStatus.CANCELLED, ConsentCheckReason.ENDED],
  ])("is not valid when %s (%s)", (status, reason) => {
    expect(checkValidity({ status, validFrom: new Date(0) }, now)).toEqual({ valid: false, reason });
  });

  it("says NO_CONSENT when there is none", () => {
    expect(checkValidity(undefined, now)).toEqual({ valid: false, reason: ConsentCheckReason.NO_CONSENT });
  });
});

describe("mostRelevant", () => {
  const older = { status: ConsentStatus.ACTIVE, validFrom: new Date(0), validTo: null, requestedAt: new Date(now.getTime() - 2 * day) };
  const newerRequest = { status: ConsentStatus.REQUESTED, requestedAt: new Date(now.getTime() - day) };

  it("prefers a consent in force over a newer unanswered request", () => {
    expect(mostRelevant([newerRequest, older], now)).toBe(older);
  });

  it("falls back to the newest when none is in force", () => {
    const withdrawn = { ...older, status: ConsentStatus.WITHDRAWN };
    expect(mostRelevant([withdrawn, newerRequest], now)).toBe(newerRequest);
  });

  it("is undefined for no consents", () => {
    expect(mostRelevant([], now)).toBeUndefined();
  });
});

describe("a check about a named recipient", () => {
  const valid = { valid: true, reason: ConsentCheckReason.VALID };
  const consent = { authorityId: "skat", thirdPartyId: "rederi" };
  it("holds for the authority and its third party, and for no one else", () => {
    expect(checkRecipient(valid, consent, "skat")).toEqual(valid);
    expect(checkRecipient(valid, consent, "rederi")).toEqual(valid);
    expect(checkRecipient(valid, consent, null)).toEqual(valid);
    expect(checkRecipient(valid, consent, "kommune")).toEqual({ valid: false, reason: ConsentCheckReason.NOT_FOR_RECIPIENT });
  });
  it("keeps the reason of a consent that is not valid anyway", () => {
    expect(checkRecipient({ valid: false, reason: ConsentCheckReason.PAUSED }, consent, "kommune")).toEqual({ valid: false, reason: ConsentCheckReason.PAUSED });
  });
  it("names the legal basis from the declaration's kind", () => {
    expect(legalBasisOf("CONSENT")).toBe(LegalBasis.CONSENT);
    expect(legalBasisOf("OBJECTION")).toBe(LegalBasis.OBJECTION);
    expect(legalBasisOf("POWER_OF_ATTORNEY")).toBe(LegalBasis.POWER_OF_ATTORNEY);
  });
});
