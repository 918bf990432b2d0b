import { describe, expect, it } from "vitest";
import { birthday } from "@samtykke/server-kit";
import { relationTo, requireAnswerer } from "./access.js";
import { answeredAlone, askYoungPerson, requiredSigners, withGiver, withoutGiver } from "./who-signs.js";

const born = new Date("2010-06-15T00:00:00Z");
const child = { id: "kid", birthDate: born, comesOfAgeOn: birthday(born, 18), custodyHolderIds: ["mum", "dad"] };
const DAY = 24 * 60 * 60 * 1000;
// The boundaries, as days in the young person's life.
const at15 = birthday(born, 15);
const at18 = birthday(born, 18);
const dayBefore15 = new Date(at15.getTime() - DAY); // 14 years and 364 days
const dayBefore18 = new Date(at18.getTime() - DAY); // 17 years and 364 days
const fromFifteen = { signers: "YOUNG_PERSON_FROM_15", informCustodyHolders: true };
const together = { signers: "YOUNG_PERSON_AND_CUSTODY_HOLDERS" };

describe("who answers a request for a young person", () => {
  it.each([
    ["14 years 364 days", dayBefore15, ["mum", "dad"]],
    ["15", at15, ["kid"]],
    ["17 years 364 days", dayBefore18, ["kid"]],
  ] as const)("from 15 alone: at %s", (_, now, signers) => {
    expect(requiredSigners(fromFifteen, child, now).requiredSignerIds).toEqual(signers);
  });

  it("at 18 the citizen alone, under every rule", () => {
    const adult = { ...child, custodyHolderIds: [] };
    for (const rule of [fromFifteen, together, { signers: "CITIZEN" }]) expect(requiredSigners(rule, adult, at18).requiredSignerIds).toEqual(["kid"]);
    expect(() => requiredSigners({ signers: "CUSTODY_HOLDERS" }, adult, at18)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "cpr" } }));
  });

  it.each([
    ["14 years 364 days", dayBefore15, ["mum", "dad"]],
    ["15", at15, ["kid", "mum", "dad"]],
    ["17 years 364 days", dayBefore18, ["kid", "mum", "dad"]],
  ] as const)("the young person and the holders: at %s", (_, now, signers) => {
    expect(requiredSigners(together, child, now).requiredSignerIds).toEqual(signers);
  });

  it("asks the holders of a child under 15 with the 15th birthday noted, and keeps whom to inform", () => {
    expect(requiredSigners(fromFifteen, child, dayBefore15)).toEqual({
      requiredSignerIds: ["mum", "dad"],
      subjectComesOfAgeOn: "2028-06-15",
      subjectTurnsFifteenOn: "2025-06-15",
      informOnAnswerIds: ["mum", "dad"],
    });
    expect(requiredSigners(fromFifteen, child, at15)).toEqual({ requiredSignerIds: ["kid"], subjectComesOfAgeOn: null, subjectTurnsFifteenOn: null, informOnAnswerIds: ["mum", "dad"] });
    expect(requiredSigners({ ...fromFifteen, informCustodyHolders: false }, child, at15).informOnAnswerIds).toEqual([]);
  });

  it("on the 15th birthday moves a request from the holders to the young person, dropping a holder's signature", () => {
    const pending = { signers: "YOUNG_PERSON_FROM_15", subjectId: "kid", requiredSignerIds: ["mum", "dad"], signatures: [{ signerId: "mum" }] as never[], answers: [] };
    expect(askYoungPerson(pending)).toEqual({ requiredSignerIds: ["kid"], signatures: [], answers: null, subjectComesOfAgeOn: null, subjectTurnsFifteenOn: null });
    expect(askYoungPerson({ ...pending, signers: "YOUNG_PERSON_AND_CUSTODY_HOLDERS" })).toEqual({ requiredSignerIds: ["kid", "mum", "dad"], subjectTurnsFifteenOn: null });
  });
});

describe("a consent a young person answers alone", () => {
  const consent = { id: "k1", authorityId: "a1", subjectId: "kid", signers: "YOUNG_PERSON_FROM_15", requiredSignerIds: ["kid"], signingLevel: "SUBSTANTIAL" };
  const mum = { citizenId: "mum", childIds: ["kid"], grants: [] };
  const citizen = (id: string) => ({ kind: "citizen", citizenId: id, level: "SUBSTANTIAL", transactionId: "t", signing: true }) as never;

  it("is the young person's: the holders neither see nor answer it", () => {
    expect(answeredAlone(consent)).toBe(true);
    expect(relationTo(citizen("mum"), consent, mum)).toBe("NONE");
    expect(relationTo(citizen("kid"), consent, { citizenId: "kid", childIds: [], grants: [] })).toBe("SUBJECT");
    expect(requireAnswerer(citizen("kid"), consent, { citizenId: "kid", childIds: [], grants: [] })).toMatchObject({ signerId: "kid", slotId: "kid" });
  });

  it("while it waits on the holders (under 15), is theirs to answer and not the child's", () => {
    const asked = { ...consent, requiredSignerIds: ["mum", "dad"] };
    expect(answeredAlone(asked)).toBe(false);
    expect(requireAnswerer(citizen("mum"), asked, mum)).toMatchObject({ signerId: "mum", relation: "CUSTODY_HOLDER" });
    expect(() => requireAnswerer(citizen("kid"), asked, { citizenId: "kid", childIds: [], grants: [] })).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
  });
});

describe("a change of custody while a request waits on the holders", () => {
  const signed = (signerId: string) => ({ signerId, method: "DIGITAL", attestedBy: null, contentHash: "h", signedAt: "2026-01-01T00:00:00.000Z" }) as never;
  const waiting = { status: "REQUESTED" as never, requiredSignerIds: ["mum", "dad"], signatures: [signed("mum")], validityDays: 30 };
  const now = new Date("2026-03-01T00:00:00Z");

  it("asks a new holder too, once", () => {
    expect(withGiver(waiting, "stepdad")).toEqual({ requiredSignerIds: ["mum", "dad", "stepdad"] });
    expect(withGiver(waiting, "dad")).toBeNull();
  });

  it("no longer asks a former holder; the consent is given when those left have all signed", () => {
    expect(withoutGiver(waiting, "dad", now)).toMatchObject({ requiredSignerIds: ["mum"], cancel: false, status: "ACTIVE", validFrom: now, validTo: new Date("2026-03-31T00:00:00Z") });
    expect(withoutGiver(waiting, "mum", now)).toEqual({ requiredSignerIds: ["dad"], signatures: [], cancel: false });
    expect(withoutGiver(waiting, "stranger", now)).toBeNull();
  });

  it("ends the request when nobody is left to ask", () => {
    expect(withoutGiver({ ...waiting, requiredSignerIds: ["mum"] }, "mum", now)).toMatchObject({ requiredSignerIds: [], cancel: true });
  });
});

describe("who may be asked at all", () => {
  it("refuses a citizen the person register says has died", () => {
    expect(() => requiredSigners({ signers: "CITIZEN" }, { ...child, diedOn: new Date("2026-01-01T00:00:00Z") }, at15)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "cpr" } }),
    );
  });
});
