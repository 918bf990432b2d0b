import { describe, expect, it } from "vitest";
import { cprBornOn } from "@samtykke/server-kit";
import { maskCpr, parseCpr } from "./cpr.js";

describe("parseCpr", () => {
  it.each([
    ["0101804321", "1980-01-01"],
    ["010180-4321", "1980-01-01"],
    ["0304154912", "2015-04-03"], // 7th digit 4, year <= 36: 2000s
    ["0304504912", "1950-04-03"], // 7th digit 4, year > 36: 1900s
    ["0304205912", "2020-04-03"], // 7th digit 5-8, year <= 57: 2000s
    ["0304605912", "1860-04-03"], // 7th digit 5-8, year > 57: 1800s
    ["2902929999", "1992-02-29"], // 7th digit 9, year > 36: 1900s, leap day
    ["1710681239", "1968-10-17"], // 7th digit 0-3: 1900s
  ])("accepts %s born %s", (cpr, birthDate) => {
    const parsed = parseCpr(cpr);
    expect(parsed.value).toBe(cpr.replace("-", ""));
    expect(parsed.birthDate.toISOString().slice(0, 10)).toBe(birthDate);
  });

  it.each(["1900-01-01", "1968-10-17", "1999-12-31", "2000-01-01", "2012-02-29", "2036-06-30", "2057-12-31"])(
    "is the inverse of the numbers made for demo and test people born %s",
    (birthDate) => {
      const cpr = cprBornOn(new Date(`${birthDate}T00:00:00Z`), "123");
      expect(parseCpr(cpr)).toEqual({ value: cpr, birthDate: new Date(`${birthDate}T00:00:00Z`) });
    },
  );

  it("does not apply the modulus-11 check that Denmark dropped in 2007", () => {
    expect(() => parseCpr("0101801111")).not.toThrow();
  });

  it.each([
    ["too short", "010180432"],
    ["letters", "01018O4321"],
    ["two dashes", "01-0180-4321"],
    ["month 13", "0113804321"],
    ["31 April", "3104804321"],
    ["29 February in a non-leap year", "2902931234"],
    ["day zero", "0001804321"],
  ])("refuses %s with a typed, bilingual error", (_reason, cpr) => {
    try {
      parseCpr(cpr);
      expect.unreachable();
    } catch (error: any) {
      expect(error.code).toBe("BAD_USER_INPUT");
      expect(error.messages.da).toMatch(/Ugyldigt CPR-nummer/);
      expect(error.messages.en).toMatch(/Invalid CPR number/);
    }
  });

  it("masks the serial", () => {
    expect(maskCpr("0101804321")).toBe("010180-xxxx");
  });
});
