import { startTracing } from "./tracing.js";

// Imported first by each part's main, before anything loads `pg`, so its queries are traced too.
// The service is OTEL_SERVICE_NAME, else the part the started script belongs to.
const part = /(gateway|party|template|consent|platform)\//.exec(process.argv[1] ?? "")?.[1];
startTracing({ service: process.env.OTEL_SERVICE_NAME ?? (part ? `samtykke-${part}` : "samtykke") });
