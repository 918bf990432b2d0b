import type { IncomingHttpHeaders } from "node:http";
// The OpenTelemetry API only: without a provider (start-tracing.ts) every call here is a no-op.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from "@opentelemetry/api";

export const tracer = () => trace.getTracer("samtykke");

let shutdownTracing: () => Promise<void> = async () => {};

/** What sends the spans still buffered; set by start-tracing.ts. */
export function setTracingShutdown(shutdown: () => Promise<void>): void {
  shutdownTracing = shutdown;
}

/** Sends the spans still buffered: the last thing a part does when it stops. */
export function flushTraces(): Promise<void> {
  return shutdownTracing().catch(() => undefined);
}

/**
 * Runs `handle` in a server span for one incoming request, a child of the trace the caller sent
 * (`traceparent`), ended when `finished` resolves.
 */
export function serveInSpan<T>(name: string, headers: IncomingHttpHeaders, attributes: Record<string, string | number>, handle: (span: Span) => T): T {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer().startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => handle(span));
}

/** Ends a request's span with its HTTP status. */
export function endServerSpan(span: Span, status: number): void {
  span.setAttribute("http.response.status_code", status);
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

/** The active trace and span ids, for log lines; empty outside a trace. */
export function traceIds(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
