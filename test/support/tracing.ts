import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { startTracing } from "@samtykke/server-kit/start-tracing";

/** Every span this test process finishes. Import this first in a test file, before anything loads `pg`. */
export const finishedSpans = new InMemorySpanExporter();
startTracing({ service: "samtykke-test", spanProcessor: new SimpleSpanProcessor({ exporter: finishedSpans }) });
