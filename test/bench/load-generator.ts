import autocannon from "autocannon";

/**
 * A load generator in a process of its own, so that it does not share the event loop it measures:
 * reads its job from LOAD_JOB (JSON), drives it with autocannon, prints the result as one JSON line.
 * The bodies are cycled per connection, so no two requests in flight need be the same (the gateway
 * merges identical requests in flight, which would flatter it).
 */
interface Job {
  url: string;
  token: string;
  bodies: string[];
  connections: number;
  seconds: number;
}

const job = JSON.parse(process.env.LOAD_JOB!) as Job;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` },
  requests: job.bodies.map((body) => ({ method: "POST", body })),
});
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  }),
);
