import { MikroORM } from "@mikro-orm/postgresql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consentSubgraph, runCampaignBatch } from "@samtykke/consent";
import { createLogger, cprBornOn, DEMO, ormConfig, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// A re-consent campaign through the gateway: it answers at once and asks every holder of an older
// version in the background, batch by batch, each exactly once.

const KEY = "odense-kampagne";
const HOLDERS = 250; // more than one batch of 200
const CAMPAIGN = `id status total requested skipped finishedAt answers { given declined unanswered lapsed }`;

let platform: TestPlatform;
let odense: Caller;
let v2: string;

async function draftAndPublish(purpose: string): Promise<string> {
  const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
    input: { authorityId: DEMO.authorities.odense, key: KEY, title: { da: "Kampagne", en: "Campaign" }, purpose: { da: purpose, en: purpose }, ...TEMPLATE_TEXTS },
  });
  const id = drafted.data.createTemplate.id;
  expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id })).errors).toBeUndefined();
  return id;
}

const campaignsOf = async (templateId: string) =>
  (await odense.graphql(`query($id: ID!) { reconsentCampaigns(templateId: $id) { ${CAMPAIGN} } }`, { id: templateId })).data.reconsentCampaigns;

beforeAll(async () => {
  const many = 1_000_000; // setting up 250 holders is not what is limited here
  platform = await startTestPlatform({ gatewayLimits: { requestsPerMinute: { caseworker: many, system: many } } });
  odense = await platform.caseworker("odense");
  const v1 = await draftAndPublish("Første formål");
  // 250 citizens gave consent on version 1, delivered by Odense's case system with its evidence.
  const system = await platform.caseSystem("odense");
  const givenAt = new Date(Date.now() - 86_400_000).toISOString();
  for (let i = 0; i < HOLDERS; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, HOLDERS - i) }, async (_, j) => {
        const cpr = cprBornOn(new Date(Date.UTC(1950, 0, 1 + i + j)), "137");
        const delivered = await system.graphql(`mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`, {
          input: { templateId: v1, cpr, givenAt, evidenceReference: `DOK-${i + j}` },
        });
        expect(delivered.errors).toBeUndefined();
      }),
    );
  }
  v2 = await draftAndPublish("Et ændret formål");
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

describe("a re-consent campaign", () => {
  it("answers at once, then asks all 250 holders in the background, each once, and reports how it stands", async () => {
    const started = await odense.graphql(`mutation($id: ID!) { startReconsentCampaign(templateId: $id) { ${CAMPAIGN} } }`, { id: v2 });
    expect(started.errors).toBeUndefined();
    expect(started.data.startReconsentCampaign).toMatchObject({ total: HOLDERS });

    await expect.poll(async () => (await campaignsOf(v2))[0].status, { timeout: 30_000, interval: 250 }).toBe("DONE");
    const [done] = await campaignsOf(v2);
    expect(done).toMatchObject({ id: started.data.startReconsentCampaign.id, total: HOLDERS, requested: HOLDERS, skipped: 0, answers: { given: 0, declined: 0, unanswered: HOLDERS, lapsed: 0 } });
    expect(done.finishedAt).not.toBeNull();
    const open = await odense.graphql(`{ consents(filter: { templateKey: "${KEY}", status: [REQUESTED] }, first: 1) { totalCount } }`);
    expect(open.data.consents.totalCount).toBe(HOLDERS);

    // Started again, it asks no one twice: every holder already has an open request.
    const again = await odense.graphql(`mutation($id: ID!) { startReconsentCampaign(templateId: $id) { id } }`, { id: v2 });
    await expect.poll(async () => (await campaignsOf(v2)).find((campaign: { id: string }) => campaign.id === again.data.startReconsentCampaign.id).status, { timeout: 30_000 }).toBe("DONE");
    expect((await campaignsOf(v2))[0]).toMatchObject({ requested: 0, skipped: HOLDERS });
    expect((await odense.graphql(`{ consents(filter: { templateKey: "${KEY}", status: [REQUESTED] }, first: 1) { totalCount } }`)).data.consents.totalCount).toBe(HOLDERS);
  }, 60_000);

  it("is started only by the template's own authority's caseworker, only on the version in use", async () => {
    const start = (caller: Caller, id: string) => caller.graphql(`mutation($id: ID!) { startReconsentCampaign(templateId: $id) { id } }`, { id });
    expect((await start(await platform.caseworker("skattestyrelsen"), v2)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await start(await platform.citizen("2508920147"), v2)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const draft = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: { authorityId: DEMO.authorities.odense, key: KEY, title: { da: "Kladde", en: "Draft" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS },
    });
    const refused = await start(odense, draft.data.createTemplate.id);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "templateId" });
    // Another authority sees none of Odense's campaigns.
    const other = await (await platform.caseworker("skattestyrelsen")).graphql(`query($id: ID!) { reconsentCampaigns(templateId: $id) { id } }`, { id: v2 });
    expect(other.data.reconsentCampaigns).toEqual([]);
  });
});

describe("a re-consent campaign cut off by a restart", () => {
  it("goes on from the last batch it finished after the process that ran it is gone, asking no one twice", async () => {
    // The platform's own instance never gets to it: the batches run in processes of the test's making.
    const quiet = await startTestPlatform({ gatewayLimits: { requestsPerMinute: { caseworker: 1_000_000, system: 1_000_000 } }, consentCampaignIntervalMs: 3_600_000 });
    const open = () =>
      MikroORM.init(
        ormConfig({
          databaseUrl: subgraphDatabaseUrl(quiet.databaseUrl, "consent"),
          entities: consentSubgraph.entities as never,
          migrationsPath: consentSubgraph.migrationsPath,
          logger: createLogger("campaign-worker", "silent"),
        }),
      );
    try {
      const caseworker = await quiet.caseworker("odense");
      const publish = async (purpose: string) => {
        const drafted = await caseworker.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
          input: { authorityId: DEMO.authorities.odense, key: "odense-genstart", title: { da: "Genstart", en: "Restart" }, purpose: { da: purpose, en: purpose }, ...TEMPLATE_TEXTS },
        });
        const id = drafted.data.createTemplate.id;
        expect((await caseworker.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id })).errors).toBeUndefined();
        return id;
      };
      const first = await publish("Først");
      const system = await quiet.caseSystem("odense");
      const givenAt = new Date(Date.now() - 86_400_000).toISOString();
      for (let i = 0; i < HOLDERS; i += 25) {
        await Promise.all(
          Array.from({ length: Math.min(25, HOLDERS - i) }, (_, j) =>
            system.graphql(`mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`, {
              input: { templateId: first, cpr: cprBornOn(new Date(Date.UTC(1951, 0, 1 + i + j)), "139"), givenAt, evidenceReference: `DOK-${i + j}` },
            }),
          ),
        );
      }
      const second = await publish("Ændret");
      const started = await caseworker.graphql(`mutation($id: ID!) { startReconsentCampaign(templateId: $id) { id total } }`, { id: second });
      expect(started.data.startReconsentCampaign.total).toBe(HOLDERS);
      const standing = async () => (await caseworker.graphql(`query($id: ID!) { reconsentCampaigns(templateId: $id) { status requested skipped } }`, { id: second })).data.reconsentCampaigns[0];

      // One process does one batch, then is gone.
      const before = await open();
      expect(await runCampaignBatch(before.em, new Date())).toMatchObject({ worked: true, requested: 200 });
      await before.close(true);
      expect(await standing()).toEqual({ status: "RUNNING", requested: 200, skipped: 0 });

      // The next takes the campaign up where the last batch left it.
      const after = await open();
      while ((await runCampaignBatch(after.em, new Date())).worked);
      await after.close(true);
      expect(await standing()).toEqual({ status: "DONE", requested: HOLDERS, skipped: 0 });
      const asked = await caseworker.graphql(`{ consents(filter: { templateKey: "odense-genstart", status: [REQUESTED] }, first: 100) { totalCount } }`);
      expect(asked.data.consents.totalCount).toBe(HOLDERS);
    } finally {
      await quiet.stop();
    }
  }, 120_000);
});
