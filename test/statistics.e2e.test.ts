import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// Statistics per template for a period, through the gateway: counted in SQL, small cells suppressed.

const KEY = "odense-statistik";
const STATISTICS = /* GraphQL */ `
  query($from: DateTimeISO!, $to: DateTimeISO!) {
    consentStatistics(from: $from, to: $to) {
      templateKey title { da } requested answered given declined withdrawn expired medianHoursToAnswer p90HoursToAnswer channels { channel count }
    }
  }
`;

let platform: TestPlatform;
let odense: Caller;
const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
    input: { authorityId: DEMO.authorities.odense, key: KEY, title: { da: "Statistik", en: "Statistics" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS },
  });
  const templateId = drafted.data.createTemplate.id;
  expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: templateId })).errors).toBeUndefined();
  // Eight citizens asked: six give (five of whom withdraw later), two decline.
  for (let i = 0; i < 8; i++) {
    const cpr = cprBornOn(new Date(Date.UTC(1960, 5, 1 + i)), "913");
    const requested = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId, cpr } });
    const id = requested.data.requestConsent.id;
    const citizen = await platform.citizen(cpr);
    if (i < 6) expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    else expect((await citizen.graphql(`mutation($id: ID!) { declineConsent(id: $id) { id } }`, { id })).errors).toBeUndefined();
    if (i < 5) expect((await citizen.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id })).errors).toBeUndefined();
  }
});
afterAll(async () => {
  await platform?.stop();
});

describe("consent statistics", () => {
  it("counts a template's consents of the period and hides counts of one to four", async () => {
    const result = await odense.graphql(STATISTICS, { from: hourAgo(), to: inAnHour() });
    expect(result.errors).toBeUndefined();
    const row = result.data.consentStatistics.find((entry: { templateKey: string }) => entry.templateKey === KEY);
    expect(row).toMatchObject({ title: { da: "Statistik" }, requested: 8, answered: 8, given: 6, declined: null, withdrawn: 5, expired: 0 });
    // Answered within the test: well under an hour, and shown, as eight answered.
    expect(row.medianHoursToAnswer).toBeGreaterThanOrEqual(0);
    expect(row.medianHoursToAnswer).toBeLessThan(1);
    expect(row.p90HoursToAnswer).toBeGreaterThanOrEqual(row.medianHoursToAnswer);
    expect(row.channels).toEqual([
      { channel: "DIGITAL", count: 6 },
      { channel: "ON_BEHALF", count: 0 },
      { channel: "PAPER", count: 0 },
      { channel: "API", count: 0 },
    ]);
  });

  it("counts only consents requested in the period, and only the caller's authority's", async () => {
    expect((await odense.graphql(STATISTICS, { from: inAnHour(), to: new Date(Date.now() + 7_200_000).toISOString() })).data.consentStatistics).toEqual([]);
    const other = await (await platform.caseworker("skattestyrelsen")).graphql(STATISTICS, { from: hourAgo(), to: inAnHour() });
    expect(other.data.consentStatistics.map((entry: { templateKey: string }) => entry.templateKey)).not.toContain(KEY);
  });

  it("refuses a citizen, and a period that ends before it begins or is longer than three years", async () => {
    const citizen = await platform.citizen("2508920147");
    expect((await citizen.graphql(STATISTICS, { from: hourAgo(), to: inAnHour() })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const backwards = await odense.graphql(STATISTICS, { from: inAnHour(), to: hourAgo() });
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "to" });
    const tooLong = await odense.graphql(STATISTICS, { from: new Date(Date.now() - 4 * 366 * 86_400_000).toISOString(), to: inAnHour() });
    expect(tooLong.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
  });
});
