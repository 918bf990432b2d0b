// First, so that the platform's queries are traced as a part's own are.
import { finishedSpans } from "./support/tracing.js";
import { randomBytes } from "node:crypto";
import { SpanKind } from "@opentelemetry/api";
import type { ReadableSpan } from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";
import { restartablePort, startPart, type PartProcess } from "./support/processes.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

const CPR = "1710681239";

describe("traces across the gateway, the subgraphs and PostgreSQL", () => {
  it("continues the caller's trace through every hop, with the trace id in the log lines and no CPR number or token in any span", async () => {
    const system = await platform.caseSystem("odense");
    const traceId = randomBytes(16).toString("hex");
    const callerSpanId = randomBytes(8).toString("hex");
    const answer = await system.graphql(
      `query TracedCheck { consentCheck(cpr: "${CPR}", templateKey: "soefarende-skattedata-tredjepart") { valid reason } }`,
      {},
      { traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    expect(answer.errors).toBeUndefined();

    const inTrace = (): ReadableSpan[] => finishedSpans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
    const part = (span: ReadableSpan) => span.attributes["samtykke.part"];
    // The gateway's span ends when its answer has been written, after the subgraphs' spans.
    await expect.poll(() => inTrace().some((span) => part(span) === "gateway" && span.kind === SpanKind.SERVER), { timeout: 5_000 }).toBe(true);
    const spans = inTrace();
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (span: ReadableSpan) => byId.get(span.parentSpanContext?.spanId ?? "");

    const gateway = spans.find((span) => part(span) === "gateway" && span.kind === SpanKind.SERVER)!;
    expect(gateway.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(gateway.attributes["graphql.operation.name"]).toBe("TracedCheck");

    // The consent subgraph's span continues the trace from the traceparent header the gateway sent.
    const consent = spans.find((span) => part(span) === "consent" && span.kind === SpanKind.SERVER);
    expect(consent, JSON.stringify(spans.map((span) => [span.name, part(span)]))).toBeDefined();
    const call = parentOf(consent!)!;
    expect(call.kind).toBe(SpanKind.CLIENT);
    expect(parentOf(call)).toBe(gateway);
    expect(consent!.attributes["graphql.operation.name"]).toBeTruthy();

    // Its queries to PostgreSQL, below it.
    const queries = spans.filter((span) => span.attributes["db.system"] === "postgresql" || span.attributes["db.system.name"] === "postgresql");
    expect(queries.length).toBeGreaterThan(0);
    const underConsent = (span: ReadableSpan | undefined): boolean => !!span && (span === consent || underConsent(parentOf(span)));
    expect(queries.some(underConsent)).toBe(true);

    // Nothing that identifies the citizen or the caller leaves in a span.
    const attributes = JSON.stringify(spans.map((span) => [span.name, span.attributes]));
    expect(attributes).not.toContain(CPR);
    expect(attributes).not.toContain(CPR.slice(0, 6) + "-" + CPR.slice(6));
    expect(attributes).not.toContain(system.token!);
    expect(attributes.toLowerCase()).not.toContain("bearer");

    // Both the gateway's and the subgraph's log lines for this request carry the trace id.
    const lines = platform.logLines.filter((line) => line.traceId === traceId);
    expect([...new Set(lines.map((line) => line.service))]).toEqual(expect.arrayContaining(["gateway", "consent"]));
  });

  it("starts a trace of its own for a caller that sends none", async () => {
    const before = new Set(finishedSpans.getFinishedSpans().map((span) => span.spanContext().traceId));
    const answer = await platform.graphql("query UntracedCaller { __typename }");
    expect(answer.data).toEqual({ __typename: "Query" });
    await expect
      .poll(() => finishedSpans.getFinishedSpans().filter((span) => !before.has(span.spanContext().traceId) && span.attributes["graphql.operation.name"] === "UntracedCaller" && !span.parentSpanContext).length, { timeout: 5_000 })
      .toBe(1);
  });
});

describe("a part run alone", () => {
  let collector: Server;
  const received: any[] = [];
  let gateway: PartProcess | undefined;
  afterAll(async () => {
    await gateway?.stop();
    collector?.close();
  });

  it("sends its spans by OTLP to OTEL_EXPORTER_OTLP_ENDPOINT, named as its service", { timeout: 60_000 }, async () => {
    // An OpenTelemetry collector's OTLP/HTTP receiver, as far as the exporter can tell.
    collector = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk) => (body += chunk));
      request.on("end", () => {
        if (request.url === "/v1/traces") received.push(JSON.parse(body));
        response.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const port = await restartablePort();
    const identity = platform.devLogin!.identity;
    gateway = await startPart(
      "gateway/src/main.ts",
      {
        GATEWAY_PORT: String(port),
        PARTY_URL: platform.subgraphs.party.url,
        TEMPLATE_URL: platform.subgraphs.template.url,
        CONSENT_URL: platform.subgraphs.consent.url,
        AUTH_ISSUER: identity.issuer,
        AUTH_AUDIENCE: identity.audience,
        AUTH_JWKS_URL: identity.jwksUrl!,
        SUBGRAPH_SECRET: platform.subgraphSecret,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
        OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      },
      `http://127.0.0.1:${port}/readiness`,
    );
    const traceId = randomBytes(16).toString("hex");
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01` },
      body: JSON.stringify({ query: "query ExportedAlone { templates(first: 1) { id } }" }),
    });
    expect(response.status).toBe(200);
    // The batch goes out within the processor's delay (5 s), or at the latest when the part stops.
    await gateway.stop();
    gateway = undefined;
    const spans = received.flatMap((request) =>
      request.resourceSpans.flatMap((resource: any) =>
        resource.scopeSpans.flatMap((scope: any) => scope.spans.map((span: any) => ({ service: resource.resource.attributes.find((a: any) => a.key === "service.name")?.value.stringValue, ...span }))),
      ),
    );
    const ours = spans.filter((span: any) => span.traceId === traceId || Buffer.from(span.traceId, "base64").toString("hex") === traceId);
    expect(ours.length, JSON.stringify(spans.slice(0, 3))).toBeGreaterThanOrEqual(2);
    expect(new Set(ours.map((span: any) => span.service))).toEqual(new Set(["samtykke-gateway"]));
  });
});
