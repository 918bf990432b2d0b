import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
const ids: string[] = [];
beforeAll(async () => {
  platform = await startTestPlatform();
  for (const [templateId, caseReference] of [
    [DEMO.templates.dataSharing, "SAG-S-1"],
    [DEMO.templates.childTherapy, "SAG-S-1"],
    [DEMO.templates.dataSharing, "SAG-S-2"],
    [DEMO.templates.childTherapy, "SAG-S-3"],
    [DEMO.templates.dataSharing, "SAG-S-3"],
  ]) {
    const result = await platform.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId, cpr: "1203755678", caseReference },
    });
    ids.push(result.data.requestConsent.id);
  }
  await giveWithYesToAll(platform, ids[0]!);
  await platform.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: ids[0] });
  await giveWithYesToAll(platform, ids[2]!);
});
afterAll(async () => {
  await platform?.stop();
});

const SEARCH = /* GraphQL */ `
  query($filter: ConsentFilter, $first: Int!, $after: String) {
    consents(filter: $filter, first: $first, after: $after) {
      edges { cursor node { id status caseReference } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
const search = async (filter: Record<string, unknown>, first = 50, after?: string) => (await platform.graphql(SEARCH, { filter, first, after })).data?.consents;

describe("finding consents", () => {
  it("pages through a citizen's consents, newest first, without overlap or gaps", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const pages: boolean[] = [];
    do {
      const page = await search({ cpr: "1203755678" }, 2, after);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toEqual([true, true, false]);
  });

  it("filters by status, case and template key", async () => {
    const ids0 = (page: { edges: { node: { id: string } }[] }) => page.edges.map((edge) => edge.node.id);
    expect(ids0(await search({ cpr: "1203755678", status: ["ACTIVE"] }))).toEqual([ids[2]]);
    expect(ids0(await search({ cpr: "1203755678", status: ["WITHDRAWN", "ACTIVE"] })).sort()).toEqual([ids[0], ids[2]].sort());
    expect(ids0(await search({ authorityId: DEMO.authorities.odense, caseReference: "SAG-S-3" }))).toEqual([ids[4], ids[3]]);
    expect(ids0(await search({ cpr: "1203755678", templateKey: "odense-boern-terapi" }))).toEqual([ids[3], ids[1]]);
    expect(ids0(await search({ cpr: "2508920147" }))).toEqual([]);
  });

  it("refuses a forged cursor and an invalid CPR number with typed errors", async () => {
    const forged = await platform.graphql(SEARCH, { filter: {}, first: 5, after: "bm90LWEtY3Vyc29y" });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const badCpr = await platform.graphql(SEARCH, { filter: { cpr: "12345" }, first: 5 });
    expect(badCpr.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
  });

  it("shows a consent's history, oldest first", async () => {
    const result = await platform.graphql(`query($id: ID!) { consent(id: $id) { history { action status occurredAt } } }`, { id: ids[0] });
    expect(result.data.consent.history.map((entry: { action: string; status: string }) => [entry.action, entry.status])).toEqual([
      ["request", "REQUESTED"],
      ["give", "ACTIVE"],
      ["withdraw", "WITHDRAWN"],
    ]);
  });
});
