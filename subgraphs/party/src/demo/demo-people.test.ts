import { describe, expect, it } from "vitest";
import { demoCitizens, type DemoRole } from "@samtykke/server-kit";
import { parseCpr } from "../domain/cpr.js";
import { ageOn } from "../domain/representation.js";

const DAY = 24 * 60 * 60 * 1000;

function roleAt(age: number): DemoRole {
  return age >= 18 ? "ADULT" : age >= 15 ? "YOUNG" : "CHILD";
}

describe("the demo people", () => {
  it("keep their roles, with valid CPR numbers, whatever day in the next year the demo is loaded and for a year after", () => {
    const today = new Date(Math.floor(Date.now() / DAY) * DAY);
    for (let day = 0; day <= 366; day += 1) {
      const loaded = new Date(today.getTime() + day * DAY);
      for (const person of demoCitizens(loaded)) {
        const { birthDate } = parseCpr(person.cpr);
        for (const at of [loaded, new Date(loaded.getTime() + 365 * DAY)]) {
          expect({ name: person.name, loaded: loaded.toISOString().slice(0, 10), at: at.toISOString().slice(0, 10), role: roleAt(ageOn(birthDate, at)) }).toEqual({
            name: person.name,
            loaded: loaded.toISOString().slice(0, 10),
            at: at.toISOString().slice(0, 10),
            role: person.role,
          });
        }
      }
    }
  });

  it("are one of each role a consent's givers depend on", () => {
    const roles = demoCitizens(new Date()).map((person) => person.role);
    expect(new Set(roles)).toEqual(new Set(["ADULT", "CHILD", "YOUNG"]));
  });
});
