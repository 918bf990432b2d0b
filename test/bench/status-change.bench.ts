import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { cprBornOn, DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";
import { gatewayCall, loadFromOwnProcess, medianRound, ownProcesses, withBenchPlatform, type Row } from "./bench-platform.js";

/**
 * `npm run bench` (part): how many status changes the platform commits per second, and how long each
 * takes, with 1, 8 and 32 writers at once. A change is a consent given: Skattestyrelsen's case system
 * delivers one (`deliverConsent`) through the gateway, each for the next of 256 citizens, so every
 * change writes a consent, its event and its audit entry and wakes the subscribers. Load comes from
 * autocannon in a process of its own; the writer counts take turns round after round. Twice: with
 * every part in one process (as `npm start` runs them), and with the consent subgraph and the
 * gateway each in a process of its own. Every change counted must be in the database afterwards: a
 * round whose count does not match fails the bench.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CITIZENS = 256;
const WRITERS = [1, 8, 32];

await withBenchPlatform(async (platform) => {
  const system = await platform.devLogin!.issue({ role: "system", caseSystemId: DEMO.caseSystems.skattestyrelsen, authorityId: DEMO.authorities.skattestyrelsen });
  const deliver = `mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`;
  const input = (cpr: string) => ({ templateId: DEMO.templates.seafarerTax, cpr, answers: demoAnswers(DEMO.templates.seafarerTax), givenAt: new Date(Date.now() - 60_000).toISOString(), evidenceReference: "bench" });
  const cprs = Array.from({ length: CITIZENS }, (_, i) => cprBornOn(new Date(Date.UTC(1960, 0, 1 + i * 5)), String(200 + (i % 700))));
  // Every citizen once first: the register knows them all before anything is timed.
  for (const cpr of cprs) await gatewayCall(platform, system, deliver, { input: input(cpr) });
  const bodies = cprs.map((cpr) => JSON.stringify({ query: deliver, variables: { input: input(cpr) } }));

  const database = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "consent") });
  await database.connect();
  const consents = async () => Number((await database.query<{ count: string }>("select count(*) from consent")).rows[0]!.count);
  const own = await ownProcesses(platform);
  try {
    const writes = async (layer: string, url: string, writers: number): Promise<Row> => {
      const before = await consents();
      const row = await loadFromOwnProcess(layer, { url, token: system, bodies, connections: writers, seconds: SECONDS });
      const stored = (await consents()) - before;
      // autocannon counts answers, not GraphQL errors: the database says how many changes were made.
      if (stored < row.requestsPerSecond * SECONDS * 0.95) throw new Error(`${writers} writers: ${Math.round(row.requestsPerSecond * SECONDS)} answers but ${stored} consents stored`);
      return { ...row, requestsPerSecond: stored / SECONDS };
    };
    const layers = [
      ...WRITERS.map((writers) => () => writes("one process", platform.gatewayUrl, writers)),
      ...WRITERS.map((writers) => () => writes("gateway and consent in own processes", own.gatewayUrl, writers)),
    ];
    await layers[1]!();
    await layers[WRITERS.length + 1]!();
    const rounds: Row[][] = layers.map(() => []);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, layer] of layers.entries()) rounds[index]!.push(await layer());
    }
    const rows = rounds.map(medianRound);
    console.log(`\nStatus changes (deliverConsent through the gateway), ${CITIZENS} citizens, median of ${ROUNDS} rounds of ${SECONDS} s, ${await consents()} consents at the end:\n`);
    console.log("| layer | writers | changes/s | range changes/s | p50 ms | p99 ms | ratio to 1 writer | errors |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const [index, row] of rows.entries()) {
      const one = rows[index - (index % WRITERS.length)]!.requestsPerSecond;
      const [low, high] = row.range!.map(Math.round);
      console.log(`| ${row.layer} | ${row.connections} | ${Math.round(row.requestsPerSecond)} | ${low}-${high} | ${row.p50.toFixed(1)} | ${row.p99?.toFixed(1) ?? "-"} | ${(row.requestsPerSecond / one).toFixed(2)} | ${row.errors} |`);
    }
    mkdirSync(".bench", { recursive: true });
    writeFileSync(".bench/status-change.json", JSON.stringify({ at: new Date().toISOString(), citizens: CITIZENS, seconds: SECONDS, rounds: ROUNDS, rows }, null, 2));
  } finally {
    await own.stop();
    await database.end();
  }
});
