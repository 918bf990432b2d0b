import { mkdirSync, writeFileSync } from "node:fs";
import { signedAsGateway, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { loadFromOwnProcess, medianRound, ownProcesses, withBenchPlatform, type Row } from "./bench-platform.js";
import { checkedCitizens, checkFloor } from "./consent-check-setup.js";

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

await withBenchPlatform(async (platform) => {
  const { system, bodies } = await checkedCitizens(platform, CITIZENS);

  const floorUrl = subgraphDatabaseUrl(platform.databaseUrl, "consent");
  // Straight at the subgraph, each request is signed as the gateway signs it (the subgraph answers nothing else).
  const signed = bodies.map((body) => JSON.stringify(signedAsGateway(platform.subgraphSecret, JSON.parse(body))));
  const load = (layer: string, url: string, connections: number, straightAtSubgraph = false) =>
    loadFromOwnProcess(layer, { url, token: system, bodies: straightAtSubgraph ? signed : bodies, connections, seconds: SECONDS });
  const own = await ownProcesses(platform);
  try {
    // Warm both paths (JIT, pools, caches) before anything is timed.
    await load("warm-up", platform.gatewayUrl, 16);
    await load("warm-up", own.gatewayUrl, 16);
    const layers = [
      () => checkFloor(floorUrl, 16, SECONDS),
      () => load("consent subgraph direct, one process", platform.subgraphs.consent.url, 16, true),
      () => load("through the gateway, one process", platform.gatewayUrl, 16),
      () => load("through the gateway, one process", platform.gatewayUrl, 1),
      () => load("consent subgraph direct, own process", own.consentUrl, 16, true),
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
