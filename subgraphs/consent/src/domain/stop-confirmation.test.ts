import { describe, expect, it } from "vitest";
import { AssuranceLevel, type Caller } from "@samtykke/server-kit";
import { ConsentStatus } from "./consent-state.js";
import { distinctRecipients, needsStopConfirmation, requireStopConfirmer } from "./stop-confirmation.js";

const AUTHORITY = "a-1";
const SHIPPING = "org-ship";
const system = (authorityId = AUTHORITY): Caller => ({ kind: "system", caseSystemId: "cs-1", authorityId, scopes: [] });
const thirdParty = (organisationId = SHIPPING): Caller => ({ kind: "thirdParty", systemId: "tp-1", organisationId, scopes: [] });
const caseworker: Caller = {
  kind: "caseworker",
  caseworkerId: "cw",
  authorityId: AUTHORITY,
  name: null,
  level: AssuranceLevel.SUBSTANTIAL,
  transactionId: "t",
  authenticatedAt: new Date(0),
  signing: false,
};
const withdrawn = { status: ConsentStatus.WITHDRAWN, authorityId: AUTHORITY, thirdPartyId: SHIPPING };

describe("confirming that a system stopped acting on an ended consent", () => {
  it("asks for it after a withdrawal or an expiry, not after the authority's own endings", () => {
    expect(needsStopConfirmation(ConsentStatus.WITHDRAWN)).toBe(true);
    expect(needsStopConfirmation(ConsentStatus.EXPIRED)).toBe(true);
    for (const status of [ConsentStatus.CLOSED, ConsentStatus.USED, ConsentStatus.ACTIVE, ConsentStatus.DECLINED]) {
      expect(needsStopConfirmation(status)).toBe(false);
    }
  });

  it("lets the authority's case systems and the named third party's systems confirm, as themselves", () => {
    expect(requireStopConfirmer(system(), withdrawn)).toEqual({ kind: "CASE_SYSTEM", systemId: "cs-1", organisationId: AUTHORITY });
    expect(requireStopConfirmer(thirdParty(), withdrawn)).toEqual({ kind: "THIRD_PARTY", systemId: "tp-1", organisationId: SHIPPING });
  });

  it("refuses another authority's system, another third party, a caseworker and citizens", () => {
    expect(() => requireStopConfirmer(system("a-2"), withdrawn)).toThrow(expect.objectContaining({ code: "FORBIDDEN", details: { reason: "NOT_A_RECIPIENT" } }));
    expect(() => requireStopConfirmer(thirdParty("org-other"), withdrawn)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireStopConfirmer(thirdParty(), { ...withdrawn, thirdPartyId: null })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireStopConfirmer(caseworker, withdrawn)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireStopConfirmer({ kind: "anonymous" }, withdrawn)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
  });

  it("refuses a confirmation while the consent still stands, in Danish and English", () => {
    expect(() => requireStopConfirmer(system(), { ...withdrawn, status: ConsentStatus.ACTIVE })).toThrow(
      expect.objectContaining({ code: "CONFLICT", details: { reason: "NOT_ENDED", status: "ACTIVE" }, messages: { da: expect.stringContaining("trukket tilbage"), en: expect.stringContaining("withdrawn") } }),
    );
  });

  it("counts each system once however it came to know the consent", () => {
    const webhook = { kind: "CASE_SYSTEM" as const, systemId: "cs-1", organisationId: AUTHORITY };
    const check = { kind: "CASE_SYSTEM" as const, systemId: "cs-1", organisationId: AUTHORITY };
    const gate = { kind: "THIRD_PARTY" as const, systemId: "tp-1", organisationId: SHIPPING };
    expect(distinctRecipients([webhook, check, gate])).toEqual([webhook, gate]);
  });
});
