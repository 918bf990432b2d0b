import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { DEMO } from "@samtykke/server-kit";
import { gatewayCall, ownProcesses, quantile, withBenchPlatform } from "./bench-platform.js";

/**
 * `npm run bench` (second part): how long a change takes to reach subscribers through the gateway
 * when 1, 100 and 1000 caseworkers follow their authority's consents. A citizen pauses and resumes a
 * consent one change at a time; each subscriber's latency is from the moment the mutation is sent to
 * the moment its event arrives (the mutation's own round trip is reported beside it). One run, the
 * three sizes one after the other, first with every part in one process, then with the gateway and
 * consent each in a process of its own (whose resident memory it reports); ratios to one subscriber.
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

  type Result = { size: number; median: number; p95: number; p99: number; last: number; mutation: number; memory: string };

  /** 1, 100, then 1000 subscribers through the gateway at `gatewayUrl`, changes sent through it too. */
  async function measure(gatewayUrl: string, memory: () => string): Promise<Result[]> {
    const call = (token: string, query: string, variables?: Record<string, unknown>) => gatewayCall({ gatewayUrl }, token, query, variables);
    // Each subscriber notes when each event (by cursor) reached it; the first also notes their order,
    // and so which event each change made (nothing else changes Odense's consents meanwhile).
    const arrivals: Map<string, number>[] = [];
    const order: string[] = [];
    const sockets: Client[] = [];
    const subscribe = async (count: number) => {
      // From the log's position now: every change made after it reaches each subscriber, live or not yet.
      const { latestConsentCursor: after } = await call(caseworker, `{ latestConsentCursor }`);
      for (let i = 0; i < count; i++) {
        if (arrivals.length % PER_SOCKET === 0) {
          sockets.push(createClient({ url: gatewayUrl.replace(/^http/, "ws"), webSocketImpl: WebSocket, lazy: true, connectionParams: { authorization: `Bearer ${caseworker}` } }));
        }
        const seen = new Map<string, number>();
        const first = arrivals.length === 0;
        arrivals.push(seen);
        sockets.at(-1)!.subscribe<{ consentStatusChanged: { cursor: string; action: string } }>(
          { query: `subscription($after: String) { consentStatusChanged(after: $after) { cursor action } }`, variables: { after } },
          {
            next: ({ data }) => {
              const { cursor, action } = data!.consentStatusChanged;
              if (!seen.has(cursor)) seen.set(cursor, performance.now());
              // The request and the consent given before may come once more just after the start.
              if (first && (action === "pause" || action === "resume") && !order.includes(cursor)) order.push(cursor);
            },
            error: (error) => console.error("a subscription failed", error),
            complete: () => {},
          },
        );
      }
    };

    const results: Result[] = [];
    let changes = 0;
    for (const size of SIZES) {
      await subscribe(size - arrivals.length);
      const perChange: { sent: number; cursor: string; mutation: number }[] = [];
      // Three changes warm up each size: the new subscriptions are live, caught up and timed from then on.
      for (let round = -3; round < CHANGES; round++) {
        const sent = performance.now();
        await call(citizen, `mutation($id: ID!) { ${paused ? "resumeConsent" : "pauseConsent"}(id: $id) { id } }`, { id: requestConsent.id });
        const mutation = performance.now() - sent;
        paused = !paused;
        changes += 1;
        while (order.length < changes) await new Promise((resolve) => setTimeout(resolve, 2));
        const cursor = order[changes - 1]!;
        // Wait until every subscriber has it before the next change, so that changes do not queue.
        while (arrivals.some((seen) => !seen.has(cursor))) await new Promise((resolve) => setTimeout(resolve, 2));
        if (round >= 0) perChange.push({ sent, cursor, mutation });
      }
      const latencies = perChange.flatMap(({ sent, cursor }) => arrivals.map((seen) => seen.get(cursor)! - sent));
      const lastPerChange = perChange.map(({ sent, cursor }) => Math.max(...arrivals.map((seen) => seen.get(cursor)!)) - sent);
      results.push({
        size,
        median: quantile(latencies, 0.5),
        p95: quantile(latencies, 0.95),
        p99: quantile(latencies, 0.99),
        last: quantile(lastPerChange, 0.5),
        mutation: quantile(perChange.map((change) => change.mutation), 0.5),
        memory: memory(),
      });
    }
    await Promise.all(sockets.map((socket) => socket.dispose()));
    return results;
  }

  let paused = false;
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  // The whole process: gateway, subgraphs and the subscribers' own clients, so an upper bound for the gateway.
  const together = await measure(platform.gatewayUrl, () => `process ${mb(process.memoryUsage().rss)}`);
  const own = await ownProcesses(platform);
  let apart: Result[];
  try {
    apart = await measure(own.gatewayUrl, () => {
      const { gateway, consent } = own.memoryMb();
      return `gateway ${gateway.toFixed(0)}, consent ${consent.toFixed(0)}`;
    });
  } finally {
    await own.stop();
  }

  for (const [layout, results] of [
    ["every part in one process (with the subscribers' clients)", together],
    ["the gateway and consent each in a process of its own", apart],
  ] as const) {
    const base = results[0]!.median;
    console.log(`\nChange to subscriber through the gateway, ${layout}; ${CHANGES} changes per size, one change at a time:\n`);
    console.log(`${"subscribers".padEnd(12)} ${"median ms".padStart(10)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"last ms".padStart(8)} ${"ratio".padStart(6)} ${"mutation ms".padStart(12)}  resident MB`);
    for (const { size, median, p95, p99, last, mutation, memory } of results) {
      console.log(
        `${String(size).padEnd(12)} ${median.toFixed(1).padStart(10)} ${p95.toFixed(1).padStart(8)} ${p99.toFixed(1).padStart(8)} ${last.toFixed(1).padStart(8)} ${(median / base).toFixed(2).padStart(6)} ${mutation.toFixed(1).padStart(12)}  ${memory}`,
      );
    }
  }
  console.log("\nlast: median over changes of the time until the slowest subscriber had it. resident MB: each process's resident memory after the size's changes.");
});
