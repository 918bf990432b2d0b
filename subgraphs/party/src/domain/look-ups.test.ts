import { describe, expect, it } from "vitest";
import { AssuranceLevel, type Caller } from "@samtykke/server-kit";
import { grantsVisibleTo, isAuthorityLookUp, personalFieldsOf } from "./look-ups.js";

const now = new Date("2026-06-01T12:00:00Z");
const login = { level: AssuranceLevel.SUBSTANTIAL, transactionId: "t", authenticatedAt: now, signing: false };
const caseworker = (authorityId: string): Caller => ({ kind: "caseworker", caseworkerId: "c-1", authorityId, name: null, ...login });
const citizen: Caller = { kind: "citizen", cpr: "0101804321", name: null, ...login };
const grant = (authorityIds: string[], validTo: Date | null = null) => ({ authorityIds, validFrom: new Date("2026-01-01T00:00:00Z"), validTo });

describe("look-ups of a citizen", () => {
  it("names the personal fields a query read, and none for ids alone", () => {
    expect(personalFieldsOf(["id", "children", "name", "__typename"])).toEqual(["name", "children"]);
    expect(personalFieldsOf(["id", "comesOfAgeOn"])).toEqual([]);
  });

  it("counts caseworkers and case systems as authorities looking up, not the citizen", () => {
    expect(isAuthorityLookUp(caseworker("a-1"))).toBe(true);
    expect(isAuthorityLookUp(citizen)).toBe(false);
  });

  it("shows an authority only the powers of attorney in force that reach it; the citizen all in force", () => {
    const toOdense = grant(["odense"]);
    const toAll = grant([]);
    const toSkat = grant(["skat"]);
    const ended = grant([], new Date("2026-05-01T00:00:00Z"));
    const all = [toOdense, toAll, toSkat, ended];
    expect(grantsVisibleTo(caseworker("odense"), all, now)).toEqual([toOdense, toAll]);
    expect(grantsVisibleTo(citizen, all, now)).toEqual([toOdense, toAll, toSkat]);
  });
});
