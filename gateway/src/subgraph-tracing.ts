import { context, propagation, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { tracer } from "@samtykke/server-kit";

/**
 * A client span for every call to a subgraph, in the trace of the request that made it, with the
 * W3C `traceparent` header on the call so that the subgraph continues the same trace.
 */
export function traceSubgraphCalls() {
  return {
    onFetch({ url, options, setOptions }: { url: string; options: { headers?: Record<string, string> }; setOptions(options: object): void }) {
      if (!trace.getActiveSpan()) return undefined;
      const span = tracer().startSpan(`POST ${new URL(url).host}`, { kind: SpanKind.CLIENT, attributes: { "server.address": new URL(url).host, "samtykke.part": "gateway" } });
      const headers = { ...options.headers };
      propagation.inject(trace.setSpan(context.active(), span), headers);
      setOptions({ ...options, headers });
      return ({ response }: { response: Response }) => {
        span.setAttribute("http.response.status_code", response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      };
    },
  };
}
