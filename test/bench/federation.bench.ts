import { readFile } from "node:fs/promises";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { gatewayCall, quantile, withBenchPlatform } from "./bench-platform.js";

/**
 * `npm run bench`: what each federation hop costs when a caseworker lists 100 consents. The same
 * list is read three ways, interleaved in one run so that the machine's state hits all alike:
 * consent fields only; plus each subject's name (party); plus each template's title (template).
 * Beside them, a citizen's overview of their 100 consents as the citizen app asks for it (its own
 * trusted document: every text, choice, giver and authority of each). Reports medians and p95 per
 * variant and the ratios to the first.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const CONSENTS = 100;

await withBenchPlatform(async (platform) => {
  // Every call is the Odense caseworker's, signed in once: the token's check is part of what a hop costs.
  const caseworker = DEMO.staff.find((member) => member.authority === DEMO.authorities.odense)!;
  const token = await platform.devLogin!.issue({ role: "caseworker", caseworkerId: caseworker.caseworker, authorityId: caseworker.authority });

  const graphql = (query: string, variables: Record<string, unknown> = {}) => gatewayCall(platform, token, query, variables);

  const text = (da: string, en: string) => ({ da, en });

  // A second template of Odense's, so that the template hop resolves more than one entity. The demo
  // one for children is signed by custody holders, which these adults have none of.
  const drafted = (await graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
    input: {
      authorityId: DEMO.authorities.odense,
      key: "bench-andet-samtykke",
      title: text("Andet samtykke", "Another consent"),
      purpose: text("Måling", "Benchmark"),
      dataCovered: text("Sagens oplysninger", "The case's data"),
      partiesCovered: text("Odense Kommune", "Odense Municipality"),
      consequencesOfYes: text("Sagen behandles", "The case is processed"),
      consequencesOfNo: text("Sagen tager længere tid", "The case takes longer"),
      howToWithdraw: text("Under Mine samtykker", "Under My consents"),
    },
  })) as { createTemplate: { id: string } };
  await graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: drafted.createTemplate.id });

  // 100 different citizens (valid CPR numbers from 1 Jan 1980 on), so the party hop resolves 100 entities.
  for (let i = 0; i < CONSENTS; i++) {
    const day = new Date(Date.UTC(1980, 0, 1 + i));
    const cpr = `${String(day.getUTCDate()).padStart(2, "0")}${String(day.getUTCMonth() + 1).padStart(2, "0")}80${String(1000 + i).padStart(4, "0")}`;
    await graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: i % 2 ? DEMO.templates.dataSharing : drafted.createTemplate.id, cpr },
    });
  }
  // One citizen with 100 consents asked for, for the citizen's overview.
  const citizenCpr = cprBornOn(new Date(Date.UTC(1970, 5, 15)), "567");
  for (let i = 0; i < CONSENTS; i++) {
    await graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: i % 2 ? DEMO.templates.dataSharing : drafted.createTemplate.id, cpr: citizenCpr, caseReference: `BENCH-${i}` },
    });
  }
  const citizen = await platform.devLogin!.issue({ role: "citizen", cpr: citizenCpr });
  const documents = JSON.parse(await readFile(new URL("../../web-citizen/src/gql/persisted-documents.json", import.meta.url), "utf8")) as Record<string, string>;
  const overview = Object.values(documents).find((document) => /query MyConsents\b/.test(document))!;

  // The requests above each send the citizen a letter with a PDF; let the mailbox finish before timing
  // reads: its cursor is the last event's place in the log ("<transaction>.<id>") once it has caught up.
  const connection = platform.subgraphs.consent.orm.em.getConnection();
  for (;;) {
    const [row] = await connection.execute<{ behind: boolean }[]>("select (select cursor from mailbox_cursor) is distinct from (select xid::text || '.' || id from consent_event order by xid desc, id desc limit 1) as behind");
    if (!row?.behind) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const list = (fields: string) => async () =>
    ((await graphql(`query($id: ID!) { authority(id: $id) { consents(first: ${CONSENTS}) ${fields} } }`, { id: DEMO.authorities.odense })) as { authority: { consents: unknown[] } }).authority.consents
      .length;
  const variants: Record<string, () => Promise<number>> = {
    "consent fields only": list(`{ id status requestedAt }`),
    "+ subject name (party)": list(`{ id status requestedAt subject { name } }`),
    "+ template title (template)": list(`{ id status requestedAt subject { name } template { title { da } } }`),
    "citizen's overview (app query)": async () => ((await gatewayCall(platform, citizen, overview)) as { myConsents: unknown[] }).myConsents.length,
  };
  const timings: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = -5; round < ROUNDS; round++) {
    for (const [name, read] of Object.entries(variants)) {
      const started = performance.now();
      const count = await read();
      const elapsed = performance.now() - started;
      if (count !== CONSENTS) throw new Error(`${name}: expected ${CONSENTS} consents, got ${count}`);
      if (round >= 0) timings[name]!.push(elapsed); // the first five rounds warm up
    }
  }
  const base = quantile(timings["consent fields only"]!, 0.5);
  console.log(`\nListing ${CONSENTS} consents through the gateway, ${ROUNDS} rounds each, interleaved:\n`);
  console.log(`${"variant".padEnd(30)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"ratio".padStart(6)}`);
  for (const [name, values] of Object.entries(timings)) {
    const median = quantile(values, 0.5);
    console.log(`${name.padEnd(30)} ${median.toFixed(1).padStart(10)} ${quantile(values, 0.95).toFixed(1).padStart(8)} ${(median / base).toFixed(2).padStart(6)}`);
  }
});
