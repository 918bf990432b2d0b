import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// What a subscriber sees when the consent subgraph goes away under it.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe("faults", () => {
  it("tells a live subscriber in words, with a code, when the consent subgraph goes away", async () => {
    const client = (await platform.caseworker("odense")).wsClient();
    const received: { errors?: { message: string; extensions?: Record<string, any> }[] }[] = [];
    const ended = new Promise<string>((resolve) => {
      client.subscribe(
        { query: "subscription { consentStatusChanged { cursor } }" },
        { next: (value) => void received.push(value as never), error: () => resolve("error"), complete: () => resolve("complete") },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await platform.subgraphs.consent.close();
    await ended;
    const error = received.flatMap((value) => value.errors ?? [])[0];
    expect(error?.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      message: { da: expect.stringContaining("Abonnér igen"), en: expect.stringContaining("Subscribe again") },
    });
  });
});
