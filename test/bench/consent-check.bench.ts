import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { cprBornOn, DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";
import { gatewayCall, loadFromOwnProcess, medianRound, ownProcesses, withBenchPlatform, type Row } from "./bench-platform.js";

/**
 * `npm run bench`: "is there a valid consent?" as case systems ask it before every action, at
 * each layer side by side in one run: the floor (the same look-up as one prepared `pg` query), the
 * consent subgraph called directly, and the gateway; distinct citizens, load from a separate
 * process. Twice: with every part in one process (as `npm start` runs them), and with the consent
 * subgraph and the gateway each in a process of its own (as production would run them). The layers take turns, round after round, so that the machine's moods hit all alike;
 * each row is the median round, with the range of req/s over the rounds beside it. Prints a
 * markdown table and writes .bench/consent-check.json.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CITIZENS = 64;
const TEMPLATE_KEY = "soefarende-skattedata-tredjepart";

await withBenchPlatform(async (platform) => {
  const system = await platform.devLogin!.issue({ role: "system", caseSystemId: DEMO.caseSystems.skattestyrelsen, authorityId: DEMO.authorities.skattestyrelsen });
  const cprs = Array.from({ length: CITIZENS }, (_, i) => cprBornOn(new Date(Date.UTC(1970, 0, 1 + i * 3)), String(100 + i)));
  for (const cpr of cprs) {
    await gatewayCall(platform, system, `mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.seafarerTax, cpr, answers: demoAnswers(DEMO.templates.seafarerTax), givenAt: new Date(Date.now() - 60_000).toISOString(), evidenceReference: "bench" },
    });
  }
  const check = `query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "${TEMPLATE_KEY}") { valid reason } }`;
  const bodies = cprs.map((cpr) => JSON.stringify({ query: check, variables: { cpr } }));
  const answer = await gatewayCall(platform, system, check, { cpr: cprs[0] });
  if (!answer.consentCheck.valid) throw new Error(`the bench's consents are not valid: ${JSON.stringify(answer)}`);

  const floorUrl = subgraphDatabaseUrl(platform.databaseUrl, "consent");
  const load = (layer: string, url: string, connections: number) => loadFromOwnProcess(layer, { url, token: system, bodies, connections, seconds: SECONDS });
  const own = await ownProcesses(platform);
  try {
    // Warm both paths (JIT, pools, caches) before anything is timed.
    await load("warm-up", platform.gatewayUrl, 16);
    await load("warm-up", own.gatewayUrl, 16);
    const layers = [
      () => floor(floorUrl, 16),
      () => load("consent subgraph direct, one process", platform.subgraphs.consent.url, 16),
      () => load("through the gateway, one process", platform.gatewayUrl, 16),
      () => load("through the gateway, one process", platform.gatewayUrl, 1),
      () => load("consent subgraph direct, own process", own.consentUrl, 16),
      () => load("through the gateway, gateway and consent in own processes", own.gatewayUrl, 16),
      () => load("through the gateway, gateway and consent in own processes", own.gatewayUrl, 1),
    ];
    const rounds: Row[][] = layers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, layer] of layers.entries()) rounds[index]!.push(await layer());
    }
    const rows = rounds.map(medianRound);

    const floorRate = rows[0]!.requestsPerSecond;
    console.log(`\nconsentCheck, ${CITIZENS} distinct citizens, median of ${ROUNDS} rounds of ${SECONDS} s:\n`);
    console.log("| layer | connections | req/s | range req/s | p50 ms | p99 ms | ratio to floor | errors |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const row of rows) {
      const [low, high] = row.range!.map(Math.round);
      console.log(`| ${row.layer} | ${row.connections} | ${Math.round(row.requestsPerSecond)} | ${low}-${high} | ${row.p50.toFixed(1)} | ${row.p99?.toFixed(1) ?? "-"} | ${(row.requestsPerSecond / floorRate).toFixed(3)} | ${row.errors} |`);
    }
    mkdirSync(".bench", { recursive: true });
    writeFileSync(".bench/consent-check.json", JSON.stringify({ at: new Date().toISOString(), citizens: CITIZENS, seconds: SECONDS, rounds: ROUNDS, rows }, null, 2));
  } finally {
    await own.stop();
  }
});

/** The same look-up the subgraph makes, as one prepared statement on a pool of `connections`. */
async function floor(databaseUrl: string, connections: number): Promise<Row> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    const subjects = (await pool.query<{ subject_id: string; authority_id: string }>("select subject_id, authority_id from consent where template_key = $1", [TEMPLATE_KEY])).rows;
    const latencies: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const subject = subjects[next++ % subjects.length]!;
          const started = performance.now();
          await pool.query({
            name: "consent-check",
            text: "select * from consent where subject_id = $1 and template_key = $2 and authority_id = $3 order by requested_at desc limit 100",
            values: [subject.subject_id, TEMPLATE_KEY, subject.authority_id],
          });
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { layer: "floor: one prepared pg query", connections, requestsPerSecond: latencies.length / SECONDS, p50: latencies[Math.floor(latencies.length / 2)]!, p99: latencies[Math.floor(latencies.length * 0.99)]!, errors: 0 };
  } finally {
    await pool.end();
  }
}
