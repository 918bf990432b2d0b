import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { generateSealKey, startConsent } from "@samtykke/consent";
import { startGateway, type RunningGateway } from "@samtykke/gateway";
import { readCommittedSupergraph } from "@samtykke/platform";
import { createLogger, DEMO, subgraphDatabaseUrl, type StartedSubgraph } from "@samtykke/server-kit";
import { collect, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Two consent subgraphs and two gateways on one database: a change made through one instance
// reaches subscribers on the other. Subscribers never poll here (an hour), so only the commit
// listener (LISTEN/NOTIFY) can bring the event.
const NO_POLL_MS = 3_600_000;
let platform: TestPlatform;
let consentB: StartedSubgraph;
let gatewayB: RunningGateway;
const clients: Client[] = [];
beforeAll(async () => {
  platform = await startTestPlatform({ consentEventPollMs: NO_POLL_MS });
  const logger = createLogger("second", "silent");
  consentB = await startConsent({
    databaseUrl: subgraphDatabaseUrl(platform.databaseUrl, "consent"),
    port: 0,
    logger,
    gatewayUrl: () => gatewayB.url,
    identity: platform.devLogin!.identity,
    sealKeys: [await generateSealKey()],
    eventPollMs: NO_POLL_MS,
    gatewaySecret: platform.subgraphSecret,
  });
  gatewayB = await startGateway({
    supergraphSdl: await readCommittedSupergraph(),
    subgraphUrls: { party: platform.subgraphs.party.url, template: platform.subgraphs.template.url, consent: consentB.url },
    port: 0,
    logger,
    identity: platform.devLogin!.identity,
    subgraphSecret: platform.subgraphSecret,
  });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await gatewayB?.close();
  await consentB?.close();
  await platform?.stop();
});

function subscriberOn(gatewayUrl: string, caller: Caller) {
  const client = createClient({
    url: gatewayUrl.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    lazy: true,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${caller.token}` },
  });
  clients.push(client);
  return collect(client, `subscription { consentStatusChanged { status consent { id subject { name } } } }`);
}

const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;

describe("several instances", () => {
  it("brings a change made through one gateway and consent instance to subscribers on the other, both ways", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const onA = subscriberOn(platform.gatewayUrl, skat);
    // Gateway B's very first request is this subscription: a fresh gateway must already have its schema.
    const onB = subscriberOn(gatewayB.url, skat);
    // Both subscriptions are live before anything changes.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const throughA = (await skat.graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } })).data.requestConsent.id;
    const [fromA] = await onB.next(1, 5_000);
    if (!fromA!.data) throw new Error(JSON.stringify(fromA));
    expect(fromA!.data.consentStatusChanged).toEqual({ status: "REQUESTED", consent: { id: throughA, subject: { name: "Ole Sømand Pedersen" } } });

    const response = await fetch(gatewayB.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${skat.token}` },
      body: JSON.stringify({ query: REQUEST, variables: { input: { templateId: DEMO.templates.seafarerTax, cpr: "2508920147" } } }),
    });
    const throughB = (await response.json()).data.requestConsent.id;
    const events = await onA.next(2, 5_000);
    expect(events.map((event) => event.data.consentStatusChanged.consent.id)).toEqual([throughA, throughB]);
    expect((await onB.next(2, 5_000)).map((event) => event.data.consentStatusChanged.consent.id)).toEqual([throughA, throughB]);
  });
});
