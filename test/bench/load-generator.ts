import autocannon from "autocannon";

/**
 * A load generator in a process of its own, so that it does not share the event loop it measures:
 * reads its job from LOAD_JOB (JSON), drives it with autocannon, prints the result as one JSON line.
 * Each request takes the next body of one counter shared by all connections, so the requests in
 * flight are all different (the gateway merges identical requests in flight, which would flatter it).
 */
interface Job {
  url: string;
  token: string;
  bodies: string[];
  connections: number;
  seconds: number;
}

const job = JSON.parse(process.env.LOAD_JOB!) as Job;
let next = 0;
const result = await autocannon({
  url: job.url,
  connections: job.connections,
  duration: job.seconds,
  headers: { "content-type": "application/json", authorization: `Bearer ${job.token}` },
  requests: [{ method: "POST", setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }) }],
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
