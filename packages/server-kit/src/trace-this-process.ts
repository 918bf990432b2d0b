// Imported first by each part's main, before anything loads `pg`, so its queries are traced too.
// The SDK is loaded only when there is somewhere to send traces. The service is OTEL_SERVICE_NAME,
// else the part the started script belongs to.
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTracing } = await import("./start-tracing.js");
  const part = /(gateway|party|template|consent|platform)\//.exec(process.argv[1] ?? "")?.[1];
  startTracing({ service: process.env.OTEL_SERVICE_NAME ?? (part ? `samtykke-${part}` : "samtykke") });
}
export {};
