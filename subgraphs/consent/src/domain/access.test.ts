import { describe, expect, it } from "vitest";
import { AssuranceLevel, type Caller } from "@samtykke/server-kit";
import { relationTo, requireAnswerer, requireHolderAction, requireRead, requireSigning, type Representation } from "./access.js";

const AUTHORITY = "a-1";
const login = { level: AssuranceLevel.SUBSTANTIAL, transactionId: "t", authenticatedAt: new Date(0), signing: true };
const citizen = (level = AssuranceLevel.SUBSTANTIAL): Caller => ({ kind: "citizen", cpr: "0101804321", name: null, ...login, level });
const caseworker = (authorityId = AUTHORITY): Caller => ({ kind: "caseworker", caseworkerId: "cw", authorityId, name: null, ...login });
const system = (authorityId = AUTHORITY): Caller => ({ kind: "system", caseSystemId: "cs", authorityId, scopes: [] });
const me = (extra: Partial<Representation> = {}): Representation => ({ citizenId: "me", childIds: [], grants: [], ...extra });

const own = { authorityId: AUTHORITY, subjectId: "me", signers: "CITIZEN", requiredSignerIds: ["me"], signingLevel: "SUBSTANTIAL" };
const childs = { authorityId: AUTHORITY, subjectId: "kid", signers: "CUSTODY_HOLDERS", requiredSignerIds: ["me", "other-parent"], signingLevel: "SUBSTANTIAL" };
const grantors = { authorityId: AUTHORITY, subjectId: "grantor", signers: "CITIZEN", requiredSignerIds: ["grantor"], signingLevel: "SUBSTANTIAL" };

describe("how a caller stands to a consent", () => {
  it("knows the authority's own staff and systems, and no one else's", () => {
    expect(relationTo(caseworker(), own, null)).toBe("AUTHORITY");
    expect(relationTo(system(), own, null)).toBe("AUTHORITY");
    expect(relationTo(caseworker("a-2"), own, null)).toBe("NONE");
    expect(relationTo(system("a-2"), own, null)).toBe("NONE");
    expect(relationTo({ kind: "anonymous" }, own, null)).toBe("NONE");
  });

  it("knows the subject, a custody holder until the handover, and an attorney within the power's authorities", () => {
    expect(relationTo(citizen(), own, me())).toBe("SUBJECT");
    expect(relationTo(citizen(), childs, me({ childIds: ["kid"] }))).toBe("CUSTODY_HOLDER");
    expect(relationTo(citizen(), { ...childs, handedOverAt: new Date() }, me({ childIds: ["kid"] }))).toBe("NONE");
    // Custody ends at 18: the party subgraph no longer lists the child.
    expect(relationTo(citizen(), childs, me())).toBe("NONE");
    expect(relationTo(citizen(), grantors, me({ grants: [{ grantorId: "grantor", authorityIds: [] }] }))).toBe("ATTORNEY");
    expect(relationTo(citizen(), grantors, me({ grants: [{ grantorId: "grantor", authorityIds: [AUTHORITY] }] }))).toBe("ATTORNEY");
    expect(relationTo(citizen(), grantors, me({ grants: [{ grantorId: "grantor", authorityIds: ["a-2"] }] }))).toBe("NONE");
    expect(relationTo(citizen(), grantors, me())).toBe("NONE");
  });
});

describe("who may do what", () => {
  it("refuses to read without a login (UNAUTHENTICATED), and tells strangers there is no such consent (NOT_FOUND, as for an id that does not exist)", () => {
    expect(() => requireRead({ kind: "anonymous" }, own, null)).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => requireRead(caseworker("a-2"), own, null)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => requireRead(citizen(), grantors, me())).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("lets the subject or their attorney answer a citizen's consent, each holder named on a child's", () => {
    expect(requireAnswerer(citizen(), own, me())).toMatchObject({ signerId: "me", onBehalfOfId: null, slotId: "me" });
    expect(requireAnswerer(citizen(), grantors, me({ grants: [{ grantorId: "grantor", authorityIds: [] }] }))).toMatchObject({
      signerId: "me",
      onBehalfOfId: "grantor",
      slotId: "grantor",
    });
    expect(requireAnswerer(citizen(), childs, me({ childIds: ["kid"] }))).toMatchObject({ signerId: "me", slotId: "me" });
    // A holder not named on the request (custody given later) does not sign it; nor does the child.
    expect(() => requireAnswerer(citizen(), { ...childs, requiredSignerIds: ["other-parent"] }, me({ childIds: ["kid"] }))).toThrow(
      expect.objectContaining({ details: { reason: "NOT_A_SIGNER" } }),
    );
    expect(() => requireAnswerer(citizen(), childs, me({ citizenId: "kid" }))).toThrow(expect.objectContaining({ details: { reason: "NOT_A_SIGNER" } }));
    expect(() => requireAnswerer(caseworker(), own, null)).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });

  it("asks for a substantial login to answer, or the template's level when it is higher", () => {
    expect(() => requireAnswerer(citizen(AssuranceLevel.LOW), own, me())).toThrow(
      expect.objectContaining({ details: { reason: "ASSURANCE_LEVEL", requiredLevel: "SUBSTANTIAL" } }),
    );
    const high = { ...own, signingLevel: "HIGH" };
    expect(() => requireAnswerer(citizen(), high, me())).toThrow(expect.objectContaining({ details: { reason: "ASSURANCE_LEVEL", requiredLevel: "HIGH" } }));
    expect(requireAnswerer(citizen(AssuranceLevel.HIGH), high, me()).signerId).toBe("me");
  });

  it("never asks more to withdraw than to give: substantial, whatever the template asked", () => {
    const high = { ...own, signingLevel: "HIGH" };
    expect(requireHolderAction(citizen(), high, me(), "withdraw")).toBe("SUBJECT");
    expect(() => requireHolderAction(citizen(AssuranceLevel.LOW), own, me(), "withdraw")).toThrow(expect.objectContaining({ details: expect.objectContaining({ reason: "ASSURANCE_LEVEL" }) }));
  });

  it("lets the authority's caseworker withdraw, pause and resume for the citizen, another authority's not, and no case system", () => {
    for (const action of ["withdraw", "pause", "resume"] as const) {
      expect(requireHolderAction(caseworker(), own, null, action)).toBe("AUTHORITY");
      expect(() => requireHolderAction(caseworker("a-2"), own, null, action)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    }
    expect(() => requireHolderAction(system(), own, null, "pause")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => requireHolderAction(system(), own, null, "withdraw")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("signing", () => {
  it("takes a signing step, not only a login, to give", () => {
    expect(() => requireSigning({ ...(citizen() as Extract<Caller, { kind: "citizen" }>), signing: true })).not.toThrow();
    expect(() => requireSigning({ ...(citizen() as Extract<Caller, { kind: "citizen" }>), signing: false })).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", details: { reason: "SIGNING_REQUIRED" } }),
    );
  });
});
