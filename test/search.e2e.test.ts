import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

const LARS = "1203755678";
const HOME_HELP = "odense-hjemmehjaelp";

let platform: TestPlatform;
// Searching is the authority's work: Odense's caseworker asks for and looks up Lars's consents; Lars answers them.
let caseworker: Caller;
let lars: Caller;
const ids: string[] = [];
beforeAll(async () => {
  platform = await startTestPlatform();
  caseworker = await platform.caseworker("odense");
  lars = await platform.citizen(LARS);
  // Lars is an adult, and Odense's other demo template (child therapy) is only for children in custody;
  // a second template he can be asked on lets the search tell templates apart.
  const drafted = await caseworker.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
    input: { authorityId: DEMO.authorities.odense, key: HOME_HELP, title: { da: "Hjemmehjælp", en: "Home help" }, purpose: { da: "Visitation", en: "Assessment" }, ...TEMPLATE_TEXTS },
  });
  const homeHelp = drafted.data.createTemplate.id;
  expect((await caseworker.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: homeHelp })).errors).toBeUndefined();
  for (const [templateId, caseReference] of [
    [DEMO.templates.dataSharing, "SAG-S-1"],
    [homeHelp, "SAG-S-1"],
    [DEMO.templates.dataSharing, "SAG-S-2"],
    [homeHelp, "SAG-S-3"],
    [DEMO.templates.dataSharing, "SAG-S-3"],
  ]) {
    const result = await caseworker.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId, cpr: LARS, caseReference },
    });
    expect(result.errors).toBeUndefined();
    ids.push(result.data.requestConsent.id);
  }
  expect((await giveWithYesToAll(lars, ids[0]!)).errors).toBeUndefined();
  expect((await lars.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: ids[0] })).errors).toBeUndefined();
  expect((await giveWithYesToAll(lars, ids[2]!)).errors).toBeUndefined();
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
const search = async (filter: Record<string, unknown>, first = 50, after?: string) => (await caseworker.graphql(SEARCH, { filter, first, after })).data?.consents;

describe("finding consents", () => {
  it("pages through a citizen's consents, newest first, without overlap or gaps", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const pages: boolean[] = [];
    do {
      const page = await search({ cpr: LARS }, 2, after);
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      pages.push(page.pageInfo.hasNextPage);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual([...ids].reverse());
    expect(pages).toEqual([true, true, false]);
  });

  it("filters by status, case and template key", async () => {
    const ids0 = (page: { edges: { node: { id: string } }[] }) => page.edges.map((edge) => edge.node.id);
    expect(ids0(await search({ cpr: LARS, status: ["ACTIVE"] }))).toEqual([ids[2]]);
    expect(ids0(await search({ cpr: LARS, status: ["WITHDRAWN", "ACTIVE"] })).sort()).toEqual([ids[0], ids[2]].sort());
    expect(ids0(await search({ authorityId: DEMO.authorities.odense, caseReference: "SAG-S-3" }))).toEqual([ids[4], ids[3]]);
    expect(ids0(await search({ cpr: LARS, templateKey: HOME_HELP }))).toEqual([ids[3], ids[1]]);
    expect(ids0(await search({ cpr: "2508920147" }))).toEqual([]);
  });

  it("refuses a forged cursor and an invalid CPR number with typed errors", async () => {
    const forged = await caseworker.graphql(SEARCH, { filter: {}, first: 5, after: "bm90LWEtY3Vyc29y" });
    expect(forged.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
    const badCpr = await caseworker.graphql(SEARCH, { filter: { cpr: "12345" }, first: 5 });
    expect(badCpr.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "cpr" });
  });

  it("shows a consent's history, oldest first, with who made each change", async () => {
    const result = await caseworker.graphql(
      `query($id: ID!) { consent(id: $id) { subject { id } history { action status occurredAt actorKind actorId } } }`,
      { id: ids[0] },
    );
    expect(result.errors).toBeUndefined();
    const { subject, history } = result.data.consent;
    expect(history.map((entry: { action: string; status: string; actorKind: string; actorId: string }) => [entry.action, entry.status, entry.actorKind, entry.actorId])).toEqual([
      ["request", "REQUESTED", "CASEWORKER", DEMO.caseworkers.odense],
      ["give", "ACTIVE", "CITIZEN", subject.id],
      ["withdraw", "WITHDRAWN", "CITIZEN", subject.id],
    ]);
  });
});

describe("finding consents as a caseworker's app does", () => {
  const FIND = /* GraphQL */ `
    query($filter: ConsentFilter, $first: Int!, $after: String, $order: ConsentOrder) {
      consents(filter: $filter, first: $first, after: $after, order: $order) {
        totalCount
        edges { node { id status validTo } }
        pageInfo { hasNextPage endCursor }
      }
    }
  `;
  const find = async (variables: Record<string, unknown>) => {
    const result = await caseworker.graphql(FIND, { first: 50, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data.consents as { totalCount: number; edges: { node: { id: string; status: string; validTo: string | null } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  };
  const idsOf = (page: { edges: { node: { id: string } }[] }) => page.edges.map((edge) => edge.node.id);

  it("pages oldest first with the total on every page", async () => {
    const first = await find({ filter: { cpr: LARS, caseReference: null }, first: 3, order: "OLDEST_FIRST" });
    const second = await find({ filter: { cpr: LARS }, first: 3, after: first.pageInfo.endCursor, order: "OLDEST_FIRST" });
    expect([...idsOf(first), ...idsOf(second)].slice(0, ids.length)).toEqual(ids);
    expect(first.totalCount).toBe(second.totalCount);
    expect(first.totalCount).toBeGreaterThanOrEqual(ids.length);
    expect(first.pageInfo.hasNextPage).toBe(true);
  });

  it("filters by channel, by when a consent was requested, and by expiring before a date", async () => {
    expect(idsOf(await find({ filter: { cpr: LARS, channel: "DIGITAL", caseReference: "SAG-S-2" } }))).toEqual([ids[2]]);
    expect((await find({ filter: { cpr: LARS, channel: "PAPER" } })).totalCount).toBe(0);
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect((await find({ filter: { cpr: LARS, requestedFrom: inAnHour } })).totalCount).toBe(0);
    expect(idsOf(await find({ filter: { cpr: LARS, requestedFrom: hourAgo, requestedBefore: inAnHour, caseReference: "SAG-S-3" } })).sort()).toEqual([ids[3], ids[4]].sort());
    expect((await find({ filter: { cpr: LARS, requestedBefore: hourAgo } })).totalCount).toBe(0);

    // The active consent ends at its validTo: a second after it, it is expiring; a second before, not yet. Withdrawn ones never are.
    const active = (await find({ filter: { cpr: LARS, caseReference: "SAG-S-2" } })).edges[0]!.node;
    const validTo = new Date(active.validTo!).getTime();
    expect(idsOf(await find({ filter: { cpr: LARS, expiresBefore: new Date(validTo + 1_000).toISOString() } }))).toEqual([ids[2]]);
    expect((await find({ filter: { cpr: LARS, expiresBefore: new Date(validTo - 1_000).toISOString() } })).totalCount).toBe(0);
  });

  it("finds withdrawn consents a case system has not confirmed it stopped using, and counts by status for the authority only", async () => {
    const requested = await caseworker.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id templateKey } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr: LARS, caseReference: "SAG-S-STOP" },
    });
    const { id, templateKey } = requested.data.requestConsent;
    expect((await giveWithYesToAll(lars, id)).errors).toBeUndefined();
    const system = await platform.caseSystem("odense");
    expect((await system.graphql(`query($key: String!) { consentCheck(cpr: "${LARS}", templateKey: $key) { valid } }`, { key: templateKey })).data.consentCheck.valid).toBe(true);
    const countsBefore = (await caseworker.graphql(`{ consentStatusCounts { status count } }`)).data.consentStatusCounts;
    expect((await lars.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id })).errors).toBeUndefined();

    expect(idsOf(await find({ filter: { stopUnconfirmed: true } }))).toEqual([id]);
    expect((await system.graphql(`mutation($id: ID!) { confirmConsentStopped(id: $id) { confirmedAt } }`, { id })).errors).toBeUndefined();
    expect((await find({ filter: { stopUnconfirmed: true } })).totalCount).toBe(0);

    const counts = (await caseworker.graphql(`{ consentStatusCounts { status count } }`)).data.consentStatusCounts as { status: string; count: number }[];
    const countOf = (list: { status: string; count: number }[], status: string) => list.find((row) => row.status === status)!.count;
    expect(countOf(counts, "WITHDRAWN")).toBe(countOf(countsBefore, "WITHDRAWN") + 1);
    expect(countOf(counts, "ACTIVE")).toBe(countOf(countsBefore, "ACTIVE") - 1);
    expect(countOf(counts, "REQUESTED")).toBe((await find({ filter: { status: ["REQUESTED"] } })).totalCount);
    expect(counts.map((row) => row.status).sort()).toEqual(["ACTIVE", "CANCELLED", "CLOSED", "DECLINED", "EXPIRED", "PAUSED", "REQUESTED", "UNANSWERED", "USED", "WITHDRAWN"]);
    // Counts are the authority's own: another authority sees none of Odense's, a citizen none at all.
    const other = (await (await platform.caseworker("skattestyrelsen")).graphql(`{ consentStatusCounts { status count } }`)).data.consentStatusCounts;
    expect(countOf(other, "WITHDRAWN")).toBe(0);
    const refused = await lars.graphql(`{ consentStatusCounts { status count } }`);
    expect(refused.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});
