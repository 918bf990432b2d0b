import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { coveredScope, decideAccess } from "./data-access.js";

const now = new Date("2026-11-23T12:00:00Z");
const consent = {
  status: ConsentStatus.ACTIVE,
  validFrom: new Date("2026-11-01T00:00:00Z"),
  validTo: new Date("2027-11-01T00:00:00Z"),
  thirdPartyId: "rederi",
  answers: [
    { key: "income-data", checked: true, text: null },
    { key: "tax-assessment", checked: false, text: null },
  ],
};
const reason = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { details: { reason: string } }).details.reason;
  }
  return null;
};

describe("the data-sharing gate's rule", () => {
  it("covers the items the citizen said yes to, nothing else", () => {
    expect(coveredScope(consent)).toEqual(["income-data"]);
    expect(decideAccess(consent, "rederi", ["income-data", "income-data"], now)).toEqual(["income-data"]);
  });

  it("refuses without a consent in force, for another organisation, and beyond what was said yes to", () => {
    expect(reason(() => decideAccess(undefined, "rederi", ["income-data"], now))).toBe("NO_VALID_CONSENT");
    expect(reason(() => decideAccess({ ...consent, status: ConsentStatus.PAUSED }, "rederi", ["income-data"], now))).toBe("NO_VALID_CONSENT");
    expect(reason(() => decideAccess({ ...consent, validTo: now }, "rederi", ["income-data"], now))).toBe("NO_VALID_CONSENT");
    expect(reason(() => decideAccess(consent, "another", ["income-data"], now))).toBe("NOT_THE_RECIPIENT");
    expect(reason(() => decideAccess(consent, "rederi", ["tax-assessment"], now))).toBe("SCOPE_NOT_COVERED");
    expect(reason(() => decideAccess(consent, "rederi", [], now))).toBe("SCOPE_NOT_COVERED");
  });
});
