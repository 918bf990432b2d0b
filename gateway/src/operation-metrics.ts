import { trace } from "@opentelemetry/api";
import { errorCodesOf, type PartMetrics } from "@samtykke/server-kit";

// The name of a document's first operation, read without parsing it: the request may not parse at all.
const FIRST_OPERATION_NAME = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * Counts every operation answered over HTTP, by its name, with its latency and the codes of its
 * errors (parse and validation refusals included, which never reach execution).
 */
export function operationMetrics(metrics: PartMetrics) {
  const requests = new WeakMap<Request, { startedAt: number; operationName?: string | null }>();
  return {
    onRequest({ request }: { request: Request }) {
      requests.set(request, { startedAt: performance.now() });
    },
    onParams({ params, request }: { params: { operationName?: string | null; query?: string }; request: Request }) {
      const entry = requests.get(request);
      if (!entry) return;
      entry.operationName = params.operationName ?? (params.query ? FIRST_OPERATION_NAME.exec(params.query)?.[1] : null);
      if (entry.operationName) trace.getActiveSpan()?.setAttribute("graphql.operation.name", entry.operationName);
    },
    onResultProcess({ request, result }: { request: Request; result: unknown }) {
      const entry = requests.get(request);
      if (!entry) return;
      requests.delete(request);
      const errors = (Array.isArray(result) ? result : [result]).flatMap((one) => (one as { errors?: { extensions?: Record<string, unknown> }[] } | null)?.errors ?? []);
      metrics.observeOperation(entry.operationName, (performance.now() - entry.startedAt) / 1000, errorCodesOf(errors));
    },
  };
}
