import { context, propagation, trace, type Context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, TracerProvider, type ReadableSpan, type SpanProcessor } from "@opentelemetry/sdk-trace";
import { redactCpr } from "./logger.js";
import { setTracingShutdown } from "./tracing.js";

// Attributes that could carry a caller's credentials are dropped whatever their value.
const SECRET_ATTRIBUTE = /authorization|cookie|token|secret|password/i;

/**
 * Passes finished spans on with every CPR-like number masked and anything credential-like dropped:
 * an operation's text or a statement may hold a CPR number a caller wrote into it.
 */
class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}
  onStart(span: Parameters<SpanProcessor["onStart"]>[0], parent: Context) {
    this.next.onStart(span, parent);
  }
  onEnd(span: ReadableSpan) {
    const attributes = span.attributes as Record<string, unknown>;
    for (const [key, value] of Object.entries(attributes)) {
      if (SECRET_ATTRIBUTE.test(key)) delete attributes[key];
      else if (typeof value === "string") attributes[key] = redactCpr(value);
    }
    this.next.onEnd(span);
  }
  forceFlush() {
    return this.next.forceFlush();
  }
  shutdown() {
    return this.next.shutdown();
  }
}

let provider: TracerProvider | null = null;

/**
 * Starts OpenTelemetry tracing for this process, once: W3C trace context in and out, PostgreSQL
 * queries traced by the `pg` instrumentation, spans exported by OTLP over HTTP when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set (or to the processor given, as tests do). Without either it
 * does nothing and the API stays a no-op. Call it before anything loads `pg`.
 */
export function startTracing(options: { service: string; spanProcessor?: SpanProcessor }): boolean {
  if (provider) return true;
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  const processor = options.spanProcessor ?? (endpoint ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter() }) : null);
  if (!processor) return false;
  provider = new TracerProvider({ resource: resourceFromAttributes({ "service.name": options.service }), spanProcessors: [new RedactingSpanProcessor(processor)] });
  trace.setGlobalTracerProvider(provider);
  const started = provider;
  setTracingShutdown(() => started.shutdown());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  // Statements are traced without their parameters (enhancedDatabaseReporting stays off).
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PgInstrumentation({ requireParentSpan: true })] });
  return true;
}

