import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedAsGateway, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

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
      body: JSON.stringify(signedAsGateway(platform, { query: "{ __schema { types { name } } }" })),
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

  it("serves the browser apps' users only the operations the apps were built with, by hash, and a case system its own", async () => {
    const citizenDocuments = JSON.parse(await readFile(new URL("../web-citizen/src/gql/persisted-documents.json", import.meta.url), "utf8")) as Record<string, string>;
    const hashOf = (name: string) => Object.entries(citizenDocuments).find(([, text]) => text.includes(`${name}(`) || text.includes(`${name} {`))![0];
    const byHash = (caller: Caller, sha256Hash: string, variables: Record<string, unknown> = {}) =>
      fetch(platform.gatewayUrl, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${caller.token}` },
        body: JSON.stringify({ variables, extensions: { persistedQuery: { version: 1, sha256Hash } } }),
      }).then((response) => response.json());

    const citizen = await platform.citizen("0101804321");
    const mine = await byHash(citizen, hashOf("query MyConsents"));
    expect(mine.errors).toBeUndefined();
    expect(mine.data.me.name).toBe("Karen Jensen");
    // Its own text is refused, in Danish and English, before anything runs; so is a caseworker's.
    const own = await citizen.graphql(`{ me { name } }`);
    expect(own.data ?? null).toBeNull();
    expect(own.errors![0]!.extensions).toMatchObject({ code: "PERSISTED_QUERY_ONLY", message: { da: expect.stringContaining("hash") } });
    expect((await (await platform.caseworker("odense")).graphql(`{ latestConsentCursor }`)).errors![0]!.extensions!.code).toBe("PERSISTED_QUERY_ONLY");
    // A hash no app was built with is unknown.
    expect((await byHash(citizen, "sha256:0000")).errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    // A case system with client credentials writes its own queries.
    const system = await platform.caseSystem("odense");
    expect((await system.graphql(`{ latestConsentCursor }`)).errors).toBeUndefined();

    // Over graphql-ws too: a subscription sent with its hash runs; one with only its text is refused.
    const subscribe = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<{ errors?: readonly { extensions?: Record<string, unknown> }[] } | "running">((resolve) => {
        const stop = citizen.wsClient().subscribe(payload, {
          next: () => {},
          error: (errors) => resolve({ errors: errors as { extensions?: Record<string, unknown> }[] }),
          complete: () => {},
        });
        setTimeout(() => {
          stop();
          resolve("running");
        }, 1_500);
      });
    const text = citizenDocuments[hashOf("subscription MyConsentChanges")]!;
    expect(await subscribe({ query: text, extensions: { persistedQuery: { version: 1, sha256Hash: hashOf("subscription MyConsentChanges") } } })).toBe("running");
    const refused = await subscribe({ query: "subscription { consentStatusChanged { cursor } }" });
    expect(refused).not.toBe("running");
    expect((refused as { errors: { extensions?: Record<string, unknown> }[] }).errors[0]!.extensions!.code).toBe("PERSISTED_QUERY_ONLY");
  });
});
