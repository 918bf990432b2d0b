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

const REQUEST = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id status } }`;
const consentsOf = async (cpr: string) =>
  (await platform.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { consents { id } } }`, { cpr })).data.citizen.consents;

describe("idempotent requests from case systems", () => {
  it("answers a retry with the first consent and creates nothing twice", async () => {
    const input = { templateId: DEMO.templates.dataSharing, cpr: "0101804321", caseReference: "SAG-IDEM-1", idempotencyKey: "fagsystem-42" };
    const first = await platform.graphql(REQUEST, { input });
    const retry = await platform.graphql(REQUEST, { input });
    expect(retry.data.requestConsent).toEqual(first.data.requestConsent);
    expect(await consentsOf("0101804321")).toEqual([{ id: first.data.requestConsent.id }]);
  });

  it("creates one consent when the same request races itself", async () => {
    const input = { templateId: DEMO.templates.childTherapy, cpr: "1203755678", idempotencyKey: "race-1" };
    const answers = await Promise.all(Array.from({ length: 8 }, () => platform.graphql(REQUEST, { input })));
    expect(answers.map((a) => a.errors)).toEqual(Array(8).fill(undefined));
    expect(new Set(answers.map((a) => a.data.requestConsent.id)).size).toBe(1);
    expect(await consentsOf("1203755678")).toHaveLength(1);
  });

  it("refuses the same key for a different request, and makes nothing", async () => {
    await platform.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: "2508920147", idempotencyKey: "fagsystem-43" } });
    const reused = await platform.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: "2508920147", idempotencyKey: "fagsystem-43" } });
    expect(reused.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "idempotencyKey" });
    expect(await consentsOf("2508920147")).toHaveLength(1);
  });

  it("keeps requests without a key independent", async () => {
    const input = { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" };
    const a = await platform.graphql(REQUEST, { input });
    const b = await platform.graphql(REQUEST, { input });
    expect(a.data.requestConsent.id).not.toBe(b.data.requestConsent.id);
  });
});
