import { describe, expect, it } from "vitest";
import { ageOn, comesOfAge, isMinor, powerOfAttorneyCovers } from "./representation.js";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("coming of age", () => {
  it("is the 18th birthday", () => {
    expect(comesOfAge(utc("2008-12-01")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(isMinor(utc("2008-12-01"), utc("2026-11-30"))).toBe(true);
    expect(isMinor(utc("2008-12-01"), utc("2026-12-01"))).toBe(false);
  });

  it("reads a birth date as the database gives it (YYYY-MM-DD)", () => {
    expect(comesOfAge("2015-04-03").toISOString()).toBe("2033-04-03T00:00:00.000Z");
  });

  it("counts whole years, turning on the birthday itself", () => {
    expect(ageOn(utc("2011-06-15"), utc("2026-06-14"))).toBe(14);
    expect(ageOn(utc("2011-06-15"), utc("2026-06-15"))).toBe(15);
    expect(ageOn(utc("2008-12-01"), utc("2026-11-30"))).toBe(17);
    expect(ageOn(utc("2008-12-01"), utc("2026-12-01"))).toBe(18);
    expect(ageOn(utc("2012-02-29"), utc("2027-02-28"))).toBe(14);
    expect(ageOn(utc("2012-02-29"), utc("2027-03-01"))).toBe(15);
    expect(ageOn(utc("2012-02-29"), utc("2028-02-29"))).toBe(16);
  });

  it("is 1 March for someone born on 29 February when the year has none", () => {
    expect(comesOfAge(utc("2008-02-29")).toISOString()).toBe("2026-03-01T00:00:00.000Z");
    expect(comesOfAge(utc("2004-02-29")).toISOString()).toBe("2022-03-01T00:00:00.000Z");
  });
});

describe("power of attorney", () => {
  const terms = { authorityIds: ["skat"], validFrom: utc("2026-01-01"), validTo: utc("2027-01-01") };

  it("covers the named authority while it lasts", () => {
    expect(powerOfAttorneyCovers(terms, "skat", utc("2026-06-01"))).toBe(true);
  });

  it("does not cover another authority, before it starts, after it ends or once revoked", () => {
    expect(powerOfAttorneyCovers(terms, "odense", utc("2026-06-01"))).toBe(false);
    expect(powerOfAttorneyCovers(terms, "skat", utc("2025-12-31"))).toBe(false);
    expect(powerOfAttorneyCovers(terms, "skat", utc("2027-01-01"))).toBe(false);
    expect(powerOfAttorneyCovers({ ...terms, revokedAt: utc("2026-03-01") }, "skat", utc("2026-06-01"))).toBe(false);
  });

  it("with no authorities named covers them all", () => {
    expect(powerOfAttorneyCovers({ ...terms, authorityIds: [] }, "odense", utc("2026-06-01"))).toBe(true);
  });
});
