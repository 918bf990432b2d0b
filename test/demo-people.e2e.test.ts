import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

/** Role by age as the person register tells it through the gateway: of age at 18, a say of one's own from 15. */
function roleOn(now: Date, comesOfAgeOn: Date): string {
  const fifteenth = new Date(comesOfAgeOn);
  fifteenth.setUTCFullYear(fifteenth.getUTCFullYear() - 3);
  return now >= comesOfAgeOn ? "ADULT" : now >= fifteenth ? "YOUNG" : "CHILD";
}

describe("the demo people, on the day the tests run", () => {
  it("each has the role the demo gives them: adults, a child and a young person in custody", async () => {
    const odense = await platform.caseworker("odense");
    const now = new Date();
    for (const person of DEMO.citizens) {
      const { data, errors } = await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { name comesOfAgeOn custodyHolders { name } } }`, { cpr: person.cpr });
      expect(errors).toBeUndefined();
      const holders = DEMO.custody.find((custody) => custody.child === person.cpr)?.holders ?? [];
      expect({
        name: data.citizen.name,
        role: roleOn(now, new Date(data.citizen.comesOfAgeOn)),
        custodyHolders: data.citizen.custodyHolders.map((holder: { name: string }) => holder.name).sort(),
      }).toEqual({
        name: person.name,
        role: person.role,
        custodyHolders: holders.map((cpr) => DEMO.citizens.find((citizen) => citizen.cpr === cpr)!.name).sort(),
      });
      expect(person.role === "ADULT" ? holders.length === 0 : holders.length > 0).toBe(true);
    }
  });
});
