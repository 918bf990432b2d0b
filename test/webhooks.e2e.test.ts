import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { DEVELOPMENT_CONSENT_SECRET_KEY } from "@samtykke/consent";
import { DEMO, SecretBox, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { sealPlainWebhookSecrets, WEBHOOK_SECRET_PURPOSE } from "../subgraphs/consent/src/services/webhooks.js";
import { SIGNATURE_HEADER, verifyWebhook } from "../subgraphs/consent/src/domain/webhook.js";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// A case system's endpoint that fails twice, then answers: every event arrives, in order, signed,
// and each is acknowledged exactly once.
interface Delivery {
  cursor: string;
  consentId: string;
  status: string;
  signatureValid: boolean;
  answered: number;
}

let platform: TestPlatform;
let receiver: Server;
let receiverUrl: string;
let secret = "";
let failuresLeft = 2;
const deliveries: Delivery[] = [];
beforeAll(async () => {
  platform = await startTestPlatform();
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const event = JSON.parse(body);
      const answered = failuresLeft > 0 ? 503 : 200;
      if (failuresLeft > 0) failuresLeft -= 1;
      deliveries.push({ ...event, signatureValid: verifyWebhook(secret, body, String(request.headers[SIGNATURE_HEADER]), new Date()), answered });
      response.writeHead(answered).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/samtykke`;
});
afterAll(async () => {
  await platform?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const WEBHOOKS = `{ webhooks { id cursor failures lastError lastDeliveryAt } }`;

describe("webhooks", () => {
  it("delivers the authority's events in order, signed, retrying a failing endpoint until each is acknowledged once", async () => {
    const system: Caller = await platform.caseSystem("skattestyrelsen");
    const registered = await system.graphql(`mutation($url: String!) { registerWebhook(url: $url) { secret subscription { id cursor } } }`, { url: receiverUrl });
    expect(registered.errors).toBeUndefined();
    secret = registered.data.registerWebhook.secret;

    const skat = await platform.caseworker("skattestyrelsen");
    const id = (await skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } }))
      .data.requestConsent.id;
    await giveWithYesToAll(await platform.citizen("1710681239"), id);
    // Another authority's events never reach this endpoint.
    await (await platform.caseworker("odense")).graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.dataSharing, cpr: "0101804321" },
    });

    await expect.poll(() => deliveries.filter((delivery) => delivery.answered === 200).length, { timeout: 15_000, interval: 200 }).toBe(2);
    const acknowledged = deliveries.filter((delivery) => delivery.answered === 200);
    expect(acknowledged.map((delivery) => [delivery.consentId, delivery.status])).toEqual([
      [id, "REQUESTED"],
      [id, "ACTIVE"],
    ]);
    // The first event was tried three times (two failures, one success), the same event each time.
    expect(deliveries.slice(0, 3).map((delivery) => [delivery.cursor, delivery.answered])).toEqual([
      [acknowledged[0]!.cursor, 503],
      [acknowledged[0]!.cursor, 503],
      [acknowledged[0]!.cursor, 200],
    ]);
    expect(deliveries.every((delivery) => delivery.signatureValid)).toBe(true);
    expect(verifyWebhook("another secret", "{}", "t=1,v1=00", new Date())).toBe(false);

    const [state] = (await system.graphql(WEBHOOKS)).data.webhooks;
    expect(state).toMatchObject({ cursor: acknowledged[1]!.cursor, failures: 0, lastError: null, lastDeliveryAt: expect.any(String) });
    // Odense sees none of Skattestyrelsen's webhooks.
    expect((await (await platform.caseSystem("odense")).graphql(WEBHOOKS)).data.webhooks).toEqual([]);

    // Replay from the first event's cursor: the second comes again.
    const before = deliveries.length;
    await system.graphql(`mutation($id: ID!, $from: String!) { replayWebhook(id: $id, fromCursor: $from) { cursor } }`, { id: state.id, from: acknowledged[0]!.cursor });
    await expect.poll(() => deliveries.length, { timeout: 10_000, interval: 200 }).toBe(before + 1);
    expect(deliveries.at(-1)).toMatchObject({ cursor: acknowledged[1]!.cursor, answered: 200 });
  });

  it("keeps the secret sealed in the database, and seals one an older version kept in clear", async () => {
    const system = await platform.caseSystem("odense");
    const { secret, subscription } = (await system.graphql(`mutation($url: String!) { registerWebhook(url: $url) { secret subscription { id } } }`, { url: receiverUrl })).data.registerWebhook;
    const database = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "consent") });
    await database.connect();
    try {
      const stored = (await database.query<{ secret: string }>("select secret from webhook_subscription where id = $1", [subscription.id])).rows[0]!.secret;
      expect(stored).toMatch(/^v1:/);
      expect(stored).not.toContain(secret);
      // A secret stored in clear (before secrets were sealed) is sealed when the subgraph starts.
      await database.query("update webhook_subscription set secret = 'kept-in-clear' where id = $1", [subscription.id]);
      const box = new SecretBox(DEVELOPMENT_CONSENT_SECRET_KEY, WEBHOOK_SECRET_PURPOSE);
      await sealPlainWebhookSecrets(platform.subgraphs.consent.orm.em, box);
      const resealed = (await database.query<{ secret: string }>("select secret from webhook_subscription where id = $1", [subscription.id])).rows[0]!.secret;
      expect(resealed).toMatch(/^v1:/);
      expect(box.open(resealed.slice(3))).toBe("kept-in-clear");
    } finally {
      await database.end();
    }
  });

  it("takes only https (loopback http in development), and only from a case system", async () => {
    const system = await platform.caseSystem("odense");
    const plain = await system.graphql(`mutation { registerWebhook(url: "http://example.org/hook") { secret } }`);
    expect(plain.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "url" });
    const citizen = await platform.citizen("1710681239");
    expect((await citizen.graphql(`mutation { registerWebhook(url: "https://example.org/hook") { secret } }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});
