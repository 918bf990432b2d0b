import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { DEMO } from "@samtykke/server-kit";
import { gatewayCall, quantile, withBenchPlatform } from "./bench-platform.js";

/**
 * `npm run bench` (second part): how long a change takes to reach subscribers through the gateway
 * when 1, 100 and 1000 caseworkers follow their authority's consents. A citizen pauses and resumes a
 * consent one change at a time; each subscriber's latency is from the moment the mutation is sent to
 * the moment its event arrives (the mutation's own round trip is reported beside it). One run, the
 * three sizes one after the other on the same platform, ratios to one subscriber.
 */
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);
const SIZES = [1, 100, 1000];
// The gateway allows 20 subscriptions per socket; a browser tab would hold one or two.
const PER_SOCKET = 20;
const SOFIE = "2508920147";

await withBenchPlatform(async (platform) => {
  const login = platform.devLogin!;
  const staff = DEMO.staff.find((member) => member.authority === DEMO.authorities.odense)!;
  const caseworker = await login.issue({ role: "caseworker", caseworkerId: staff.caseworker, authorityId: staff.authority });
  const citizen = await login.issue({ role: "citizen", cpr: SOFIE, signing: true });
  const { requestConsent } = await gatewayCall(platform, caseworker, `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id choices { key kind } } }`, {
    input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE },
  });
  const answers = requestConsent.choices.map(({ key, kind }: { key: string; kind: string }) => (kind === "CHECKBOX" ? { key, checked: true } : { key, text: "" }));
  await gatewayCall(platform, citizen, `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id } }`, { id: requestConsent.id, answers });

  // Each subscriber notes when each event (by cursor) reached it.
  const arrivals: Map<string, number>[] = [];
  const sockets: Client[] = [];
  const subscribe = async (count: number) => {
    const ready: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      if (arrivals.length % PER_SOCKET === 0) {
        sockets.push(createClient({ url: platform.gatewayUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: true, connectionParams: { authorization: `Bearer ${caseworker}` } }));
      }
      const seen = new Map<string, number>();
      arrivals.push(seen);
      // Starting just before the newest event, the first arrival says the subscription is live.
      const latest = BigInt((await gatewayCall(platform, caseworker, `{ latestConsentCursor }`)).latestConsentCursor);
      ready.push(
        new Promise<void>((resolve, reject) => {
          let first = true;
          sockets.at(-1)!.subscribe<{ consentStatusChanged: { cursor: string } }>(
            { query: `subscription($after: String) { consentStatusChanged(after: $after) { cursor } }`, variables: { after: String(latest - 1n) } },
            {
              next: ({ data }) => {
                if (first) {
                  first = false;
                  resolve();
                } else seen.set(data!.consentStatusChanged.cursor, performance.now());
              },
              error: reject,
              complete: () => {},
            },
          );
        }),
      );
    }
    await Promise.all(ready);
  };

  const results: { size: number; median: number; p95: number; last: number; mutation: number }[] = [];
  let paused = false;
  for (const size of SIZES) {
    await subscribe(size - arrivals.length);
    const perChange: { sent: number; cursor: string; mutation: number }[] = [];
    for (let round = -3; round < CHANGES; round++) {
      const sent = performance.now();
      await gatewayCall(platform, citizen, `mutation($id: ID!) { ${paused ? "resumeConsent" : "pauseConsent"}(id: $id) { id } }`, { id: requestConsent.id });
      const mutation = performance.now() - sent;
      paused = !paused;
      const { latestConsentCursor: cursor } = await gatewayCall(platform, caseworker, `{ latestConsentCursor }`);
      // Wait until every subscriber has it before the next change, so that changes do not queue.
      while (arrivals.some((seen) => !seen.has(cursor))) await new Promise((resolve) => setTimeout(resolve, 2));
      if (round >= 0) perChange.push({ sent, cursor, mutation }); // three changes warm up
    }
    const latencies = perChange.flatMap(({ sent, cursor }) => arrivals.map((seen) => seen.get(cursor)! - sent));
    const lastPerChange = perChange.map(({ sent, cursor }) => Math.max(...arrivals.map((seen) => seen.get(cursor)!)) - sent);
    results.push({
      size,
      median: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      last: quantile(lastPerChange, 0.5),
      mutation: quantile(perChange.map((change) => change.mutation), 0.5),
    });
  }
  await Promise.all(sockets.map((socket) => socket.dispose()));

  const base = results[0]!.median;
  console.log(`\nChange to subscriber through the gateway, ${CHANGES} changes per size, one change at a time:\n`);
  console.log(`${"subscribers".padEnd(12)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"last ms".padStart(8)} ${"ratio".padStart(6)} ${"mutation ms".padStart(12)}`);
  for (const { size, median, p95, last, mutation } of results) {
    console.log(
      `${String(size).padEnd(12)} ${median.toFixed(1).padStart(10)} ${p95.toFixed(1).padStart(8)} ${last.toFixed(1).padStart(8)} ${(median / base).toFixed(2).padStart(6)} ${mutation.toFixed(1).padStart(12)}`,
    );
  }
  console.log("\nlast: median over changes of the time until the slowest subscriber had it.");
});
