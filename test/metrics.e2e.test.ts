import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// Every part serves Prometheus metrics on its own port; the scraper must bring the token.
const TOKEN = "scrape-token-of-the-test-0123456789";
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ metricsToken: TOKEN });
});
afterAll(async () => {
  await platform?.stop();
});

const metricsUrl = (graphqlUrl: string) => new URL("/metrics", graphqlUrl).href;
const parts = () => ({
  gateway: metricsUrl(platform.gatewayUrl),
  party: metricsUrl(platform.subgraphs.party.url),
  template: metricsUrl(platform.subgraphs.template.url),
  consent: metricsUrl(platform.subgraphs.consent.url),
});
const scrape = async (url: string) => {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/plain");
  return response.text();
};
/** Every sample of a metric in Prometheus's text format, with its labels. */
const samples = (text: string, name: string) =>
  text
    .split("\n")
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .map((line) => {
      const labels = Object.fromEntries([...(/\{(.*)\}/.exec(line)?.[1] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key!, value!]));
      return { labels, value: Number(line.slice(line.lastIndexOf(" ") + 1)) };
    });
/** The value of the one sample of a metric with these labels (among others). */
const valueOf = (text: string, name: string, labels: Record<string, string>) =>
  samples(text, name).find((sample) => Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;

describe("metrics", () => {
  it("refuses a scrape without the token on every part", async () => {
    for (const url of Object.values(parts())) {
      expect((await fetch(url)).status).toBe(401);
      expect((await fetch(url, { headers: { authorization: "Bearer not-the-token-at-all-000000" } })).status).toBe(401);
    }
  });

  it("counts an operation by its name on the gateway and on every subgraph it reached, and errors by code", async () => {
    const caseworker = await platform.caseworker("odense");
    const before = await scrape(parts().gateway);
    const counted = valueOf(before, "samtykke_graphql_operation_duration_seconds_count", { operation: "MetricsTemplates" }) ?? 0;
    const answer = await caseworker.graphql("query MetricsTemplates { templates(first: 2) { id title { da } authority { name } } }");
    expect(answer.errors).toBeUndefined();
    await caseworker.graphql("query MetricsTemplates { templates(first: 2) { id title { da } authority { name } } }");
    const bad = await caseworker.graphql("query MetricsBroken { noSuchField }");
    expect(bad.errors![0]!.extensions!.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const gateway = await scrape(parts().gateway);
    expect(valueOf(gateway, "samtykke_graphql_operation_duration_seconds_count", { operation: "MetricsTemplates", part: "gateway" })).toBe(counted + 2);
    expect(valueOf(gateway, "samtykke_graphql_errors_total", { operation: "MetricsBroken", code: "GRAPHQL_VALIDATION_FAILED", part: "gateway" })).toBe(1);
    expect(valueOf(gateway, "samtykke_graphql_ws_sockets", { part: "gateway" })).toBeGreaterThanOrEqual(0);
    expect(valueOf(gateway, "samtykke_process_resident_memory_bytes", { part: "gateway" })).toBeGreaterThan(10_000_000);

    // The gateway asked the template subgraph for the templates and the party subgraph for their authorities.
    for (const part of ["template", "party"] as const) {
      const text = await scrape(parts()[part]);
      const operations = samples(text, "samtykke_graphql_operation_duration_seconds_count");
      expect(operations.some((sample) => sample.labels.part === part && sample.value >= 2), `${part}: ${JSON.stringify(operations)}`).toBe(true);
      expect(valueOf(text, "samtykke_db_pool_connections", { state: "open", part })).toBeGreaterThanOrEqual(1);
      expect(valueOf(text, "samtykke_db_pool_connections", { state: "waiting", part })).toBe(0);
    }
  });

  it("shows the consent subgraph's backlogs and counts a refused request by its code", async () => {
    const citizen = await platform.citizen("1710681239");
    const refused = await citizen.graphql("query MetricsNotMine { consent(id: \"00000000-0000-4000-8000-000000000000\") { id } }");
    const code = refused.errors![0]!.extensions!.code as string;
    const consent = await scrape(parts().consent);
    expect(valueOf(consent, "samtykke_event_log_lag_events", { consumer: "mailbox", part: "consent" })).toBeGreaterThanOrEqual(0);
    expect(valueOf(consent, "samtykke_audit_unsealed_entries", { part: "consent" })).toBeGreaterThanOrEqual(0);
    expect(valueOf(consent, "samtykke_webhooks_failing", { part: "consent" })).toBe(0);
    expect(valueOf(consent, "samtykke_event_log_lag_events", { consumer: "webhooks", part: "consent" })).toBe(0);
    expect(valueOf(consent, "samtykke_subscriptions", { part: "consent" })).toBe(0);
    expect(code).not.toBe("INTERNAL_SERVER_ERROR");
    expect(valueOf(consent, "samtykke_graphql_errors_total", { operation: "MetricsNotMine", code, part: "consent" })).toBe(1);
    expect(valueOf(await scrape(parts().gateway), "samtykke_graphql_errors_total", { operation: "MetricsNotMine", code, part: "gateway" })).toBe(1);
  });

  it("shows a webhook whose receiver is down as failing and behind by the events it has not delivered", { timeout: 60_000 }, async () => {
    const system = await platform.caseSystem("odense");
    // Nothing listens on port 9 here: every delivery fails.
    const registered = await system.graphql(`mutation($url: String!) { registerWebhook(url: $url) { subscription { id } } }`, { url: "http://127.0.0.1:9/samtykke" });
    expect(registered.errors).toBeUndefined();
    const odense = await platform.caseworker("odense");
    for (let i = 0; i < 3; i++) {
      const asked = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr: "1710681239" } });
      expect(asked.errors).toBeUndefined();
    }
    await expect.poll(async () => valueOf(await scrape(parts().consent), "samtykke_webhooks_failing", { part: "consent" }), { timeout: 20_000, interval: 500 }).toBe(1);
    expect(valueOf(await scrape(parts().consent), "samtykke_event_log_lag_events", { consumer: "webhooks", part: "consent" })).toBe(3);
  });
});
