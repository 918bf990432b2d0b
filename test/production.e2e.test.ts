import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// NODE_ENV=production: what the API tells a stranger about itself.
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ production: true });
});
afterAll(async () => {
  await platform?.stop();
});

describe("in production", () => {
  it("refuses introspection at the gateway and straight at a subgraph", async () => {
    const introspection = await platform.graphql(`{ __schema { types { name } } }`);
    expect(introspection.data?.__schema ?? null).toBeNull();
    expect(introspection.errors?.length).toBeGreaterThan(0);
    const caseworker = await platform.caseworker("odense");
    const direct = await fetch(platform.subgraphs.consent.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${caseworker.token}` },
      body: JSON.stringify({ query: "{ __schema { types { name } } }" }),
    }).then((response) => response.json());
    expect(direct.data?.__schema ?? null).toBeNull();
  });

  it("suggests no field names and shows no stack trace", async () => {
    const typo = await platform.graphql(`{ templats { id } }`);
    expect(typo.errors![0]!.message).not.toMatch(/did you mean/i);
    expect(JSON.stringify(typo)).not.toMatch(/templates|stacktrace|at [\w.]+ \(/);
  });

  it("serves no GraphiQL page", async () => {
    const page = await fetch(platform.gatewayUrl, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it("still serves signed-in callers", async () => {
    const citizen = await platform.citizen("0101804321");
    const mine = await citizen.graphql(`{ me { name } }`);
    expect(mine.data.me.name).toBe("Karen Jensen");
  });
});
