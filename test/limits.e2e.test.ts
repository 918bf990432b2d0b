import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// Per-caller limits at the gateway, made small so a test reaches them.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({
    gatewayLimits: {
      requestsPerMinute: { citizen: 5, caseworker: 8, system: 8, anonymous: 5 },
      socketsPerCaller: 2,
      subscriptionsPerSocket: 2,
      connectionInitTimeoutMs: 500,
    },
  });
});
afterAll(async () => {
  await platform?.stop();
});

const post = (token: string | null) =>
  fetch(platform.gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: "{ templates(first: 1) { id } }" }),
  });

/** A raw graphql-ws socket; resolves with the close code once the server closes it. */
function socket(token: string | null, init = true) {
  const ws = new WebSocket(platform.gatewayUrl.replace(/^http/, "ws"), "graphql-transport-ws");
  const closed = new Promise<number>((resolve) => ws.on("close", (code) => resolve(code)));
  const messages: any[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(String(data))));
  const opened = new Promise<void>((resolve) => ws.on("open", () => resolve()));
  return {
    ws,
    closed,
    messages,
    async start() {
      await opened;
      if (init) ws.send(JSON.stringify({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} }));
    },
    async acked() {
      await expect.poll(() => messages.some((message) => message.type === "connection_ack"), { timeout: 3_000 }).toBe(true);
    },
  };
}

describe("limits per caller", () => {
  it("refuses a citizen's sixth request in a minute with 429, in Danish and English, and leaves others alone", async () => {
    const ole = (await platform.citizen("1710681239")).token;
    for (let i = 0; i < 5; i++) expect((await post(ole)).status).toBe(200);
    const refused = await post(ole);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await refused.json();
    expect(body.errors[0].extensions).toMatchObject({ code: "RATE_LIMITED", message: { da: expect.stringContaining("for mange"), en: expect.stringContaining("too many") } });
    // Another citizen, and a caseworker, have their own allowance.
    expect((await post((await platform.citizen("2508920147")).token)).status).toBe(200);
    expect((await post((await platform.caseworker("odense")).token)).status).toBe(200);
  });

  it("does not count a browser's CORS preflights, which carry no caller, against the address's anonymous limit", async () => {
    // A caseworker app sends a preflight before its signed-in requests; at a municipality's shared
    // address, counting them as anonymous requests locked every caseworker out within a minute.
    const preflight = () =>
      fetch(platform.gatewayUrl, { method: "OPTIONS", headers: { origin: "http://127.0.0.1:1", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
    for (let i = 0; i < 12; i++) expect((await preflight()).status).toBeLessThan(300);
    const anonymous = await post(null);
    expect(anonymous.status).toBe(200);
  });

  it("sends a citizen's letter when anonymous callers have used up the address's limit: the platform's own calls are not anonymous", async () => {
    // Everything here comes from one address, as the consent subgraph's own calls do.
    let refused = false;
    for (let attempt = 0; attempt < 6 && !refused; attempt++) refused = (await post(null)).status === 429;
    expect(refused).toBe(true);
    const cpr = cprBornOn(new Date(Date.UTC(1981, 2, 3)), "417");
    const odense = await platform.caseworker("odense");
    const requested = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr } });
    expect(requested.errors).toBeUndefined();
    // The letter names the authority, which the consent subgraph looks up through the gateway. The
    // citizen may ask five times a minute here: a slow poll.
    const citizen = await platform.citizen(cpr);
    await expect
      .poll(async () => (await citizen.graphql(`{ myMailbox(first: 5) { kind consent { id } } }`)).data?.myMailbox, { timeout: 11_000, interval: 2_500 })
      .toEqual([{ kind: "REQUEST", consent: { id: requested.data.requestConsent.id } }]);
  });

  it("allows a caller two sockets and closes a third with 4429", async () => {
    const token = (await platform.caseworker("skattestyrelsen")).token;
    const first = socket(token);
    const second = socket(token);
    await first.start();
    await second.start();
    await first.acked();
    await second.acked();
    const third = socket(token);
    await third.start();
    expect(await third.closed).toBe(4429);
    first.ws.close();
    await first.closed;
    // A closed socket frees its place.
    const again = socket(token);
    await again.start();
    await again.acked();
    second.ws.close();
    again.ws.close();
  });

  it("allows two subscriptions on a socket and refuses a third", async () => {
    const token = (await platform.caseSystem("odense")).token;
    const client = socket(token);
    await client.start();
    await client.acked();
    for (const id of ["1", "2", "3"]) {
      client.ws.send(JSON.stringify({ id, type: "subscribe", payload: { query: "subscription { consentStatusChanged { cursor } }" } }));
    }
    await expect.poll(() => client.messages.find((message) => message.id === "3" && message.type === "error")?.payload?.[0]?.extensions?.code, { timeout: 3_000 }).toBe("RATE_LIMITED");
    expect(client.messages.some((message) => (message.id === "1" || message.id === "2") && message.type === "error")).toBe(false);
    client.ws.close();
  });

  it("closes a socket that never says who it is", async () => {
    const silent = socket(null, false);
    await silent.start();
    expect(await silent.closed).toBe(4408);
  });
});
