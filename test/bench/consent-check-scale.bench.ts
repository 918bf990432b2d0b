import { mkdirSync, writeFileSync } from "node:fs";
import pg from "pg";
import { subgraphDatabaseUrl } from "@samtykke/server-kit";
import { loadFromOwnProcess, medianRound, withBenchPlatform, type Row } from "./bench-platform.js";
import { CHECK_TEMPLATE_KEY, checkedCitizens, checkFloor, FILLER } from "./consent-check-setup.js";

/**
 * `npm run bench` (part): does "is there a valid consent?" stay as fast when the store holds ten
 * million consents as when it holds ten thousand? 64 citizens get a consent through the API; the
 * rest of each store size is loaded in bulk in the database (copies of one of those consents, each
 * for another citizen, in batches of a million, not through the API), then analysed. At each size
 * the floor (the look-up as one prepared `pg` query) and the gateway (every part in one process)
 * take turns for `BENCH_ROUNDS` rounds; each row is the median round, with its ratio to the same
 * layer at the smallest size. Sizes from `BENCH_STORE_SIZES` (default 10000,10000000).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SIZES = (process.env.BENCH_STORE_SIZES ?? "10000,10000000").split(",").map(Number);
const CITIZENS = 64;
const BATCH = 1_000_000;

await withBenchPlatform(async (platform) => {
  const { system, bodies } = await checkedCitizens(platform, CITIZENS);
  const databaseUrl = subgraphDatabaseUrl(platform.databaseUrl, "consent");
  const database = new pg.Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    const [sample] = (await database.query<{ id: string }>("select id from consent order by requested_at limit 1")).rows;
    const columns = (await database.query<{ column_name: string }>("select column_name from information_schema.columns where table_name = 'consent' order by ordinal_position")).rows.map((row) => row.column_name);
    // Each copy is another citizen's consent to the same template, filed under a case reference of its own.
    const copied = columns.map((column) => ({ id: "gen_random_uuid()", subject_id: "gen_random_uuid()", case_reference: `'${FILLER}'` })[column] ?? `c.${column}`);
    const fill = async (total: number) => {
      for (;;) {
        const count = Number((await database.query<{ count: string }>("select count(*) from consent")).rows[0]!.count);
        if (count >= total) return count;
        const adding = Math.min(BATCH, total - count);
        const started = performance.now();
        await database.query(`insert into consent (${columns.join(", ")}) select ${copied.join(", ")} from consent c, generate_series(1, $2) where c.id = $1`, [sample!.id, adding]);
        console.log(`… ${count + adding} consents (${Math.round(adding / ((performance.now() - started) / 1000))} rows/s)`);
      }
    };

    const results: { consents: number; bytes: number; rows: Row[] }[] = [];
    for (const size of SIZES) {
      const consents = await fill(size);
      // As a store that has settled: statistics current, every page visible, the load's writes flushed
      // (a checkpoint writing gigabytes meanwhile would be measured as the check's cost).
      await database.query("vacuum analyze consent");
      await database.query("checkpoint");
      const bytes = Number((await database.query<{ bytes: string }>("select pg_total_relation_size('consent') as bytes")).rows[0]!.bytes);
      const layers = [() => checkFloor(databaseUrl, 16, SECONDS), () => loadFromOwnProcess("through the gateway, one process", { url: platform.gatewayUrl, token: system, bodies, connections: 16, seconds: SECONDS })];
      await layers[1]!(); // warm the caches and the JIT at this size before anything is timed
      const rounds: Row[][] = layers.map(() => []);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, layer] of layers.entries()) rounds[index]!.push(await layer());
      }
      results.push({ consents, bytes, rows: rounds.map(medianRound) });
    }

    console.log(`\nconsentCheck by store size, ${CITIZENS} distinct citizens, 16 connections, median of ${ROUNDS} rounds of ${SECONDS} s:\n`);
    console.log("| consents in the store | table and indexes | layer | req/s | range req/s | p50 ms | p99 ms | ratio to the smallest store | errors |");
    console.log("|---|---|---|---|---|---|---|---|---|");
    for (const { consents, bytes, rows } of results) {
      for (const [index, row] of rows.entries()) {
        const smallest = results[0]!.rows[index]!.requestsPerSecond;
        const [low, high] = row.range!.map(Math.round);
        console.log(
          `| ${consents.toLocaleString("en")} | ${(bytes / 2 ** 20).toFixed(0)} MB | ${row.layer} | ${Math.round(row.requestsPerSecond)} | ${low}-${high} | ${row.p50.toFixed(1)} | ${row.p99?.toFixed(1) ?? "-"} | ${(row.requestsPerSecond / smallest).toFixed(2)} | ${row.errors} |`,
        );
      }
    }
    const [checked] = (await database.query<{ subject_id: string; authority_id: string }>(`select subject_id, authority_id from consent where template_key = $1 and case_reference is distinct from '${FILLER}' limit 1`, [CHECK_TEMPLATE_KEY])).rows;
    const plan = (await database.query<{ "QUERY PLAN": string }>(
      "explain (analyze, buffers, costs off) select * from consent where subject_id = $1 and template_key = $2 and authority_id = $3 order by requested_at desc limit 100",
      [checked!.subject_id, CHECK_TEMPLATE_KEY, checked!.authority_id],
    )).rows.map((row) => row["QUERY PLAN"]);
    console.log(`\nThe check's plan at ${results.at(-1)!.consents.toLocaleString("en")} consents:\n\n${plan.join("\n")}`);
    mkdirSync(".bench", { recursive: true });
    writeFileSync(".bench/consent-check-scale.json", JSON.stringify({ at: new Date().toISOString(), citizens: CITIZENS, seconds: SECONDS, rounds: ROUNDS, results, plan }, null, 2));
  } finally {
    await database.end();
  }
});
