import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
let odense: Caller;
let skat: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  skat = await platform.caseworker("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
});

const gatewayPath = (path: string) => new URL(path, platform.gatewayUrl).toString();

describe("the running platform", () => {
  it("answers /healthcheck and /readiness on the gateway", async () => {
    expect((await fetch(gatewayPath("/healthcheck"))).status).toBe(200);
    expect((await fetch(gatewayPath("/readiness"))).status).toBe(200);
  });

  it("serves GraphiQL to a browser outside production", async () => {
    const response = await fetch(platform.gatewayUrl, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it("resolves one query from all three subgraphs", async () => {
    const query = /* GraphQL */ `
      query {
        authority(id: "${DEMO.authorities.odense}") {
          name cvr
          templates { key title { da } }
          consents { id }
        }
      }
    `;
    // An authority's consents are for its own staff to see.
    const result = await odense.graphql(query);
    expect(result.errors).toBeUndefined();
    expect(result.data.authority.name).toBe("Odense Kommune");
    expect(result.data.authority.templates.map((t: { key: string }) => t.key)).toEqual(["indhentning-videregivelse-oplysninger", "odense-boern-terapi"]);
    expect(result.data.authority.consents).toEqual([]);
    expect((await skat.graphql(query)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("carries one request id from the gateway into every subgraph's log lines, with no CPR number or access token logged", async () => {
    const requestId = `test-${Date.now()}`;
    const result = await skat.graphql(
      /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`,
      { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } },
      { "x-request-id": requestId },
    );
    expect(result.errors).toBeUndefined();
    await expect
      .poll(() => new Set(platform.logLines.filter((line) => JSON.stringify(line).includes(requestId)).map((line) => line.service)))
      .toEqual(new Set(["gateway", "consent", "party", "template"]));
    // A refused login is where a token most easily ends up in a log line.
    const tampered = platform.withToken(`${skat.token!.slice(0, -4)}AAAA`);
    expect((await tampered.graphql(`{ myConsents { id } }`)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const logged = JSON.stringify(platform.logLines);
    expect(logged).not.toMatch(/1710681239|171068-1239/);
    // The token travels in the Authorization header to the gateway and on to every subgraph; it must never be written down.
    for (const caller of [skat, odense, tampered]) expect(logged).not.toContain(caller.token!);
    expect(logged).not.toMatch(/eyJ[\w-]+\.eyJ[\w-]+/);
  });

  it("refuses a text/plain POST without running the mutation (CSRF prevention)", async () => {
    const cpr = "1203755678";
    // Signed in as a caseworker who may ask, so only the content type can be what stops it.
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${odense.token}` },
      body: JSON.stringify({
        query: `mutation { requestConsent(input: { templateId: "${DEMO.templates.dataSharing}", cpr: "${cpr}" }) { id } }`,
      }),
    });
    expect(response.status).toBe(415);
    const citizen = await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { consents { id } } }`, { cpr });
    expect(citizen.errors).toBeUndefined();
    expect(citizen.data.citizen.consents).toEqual([]);
  });

  it("says not ready while a subgraph is down, and still lives", async () => {
    await platform.subgraphs.consent.close();
    expect((await fetch(gatewayPath("/readiness"))).status).toBe(503);
    expect((await fetch(gatewayPath("/healthcheck"))).status).toBe(200);
  });
});
