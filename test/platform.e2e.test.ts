import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
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
    const result = await platform.graphql(/* GraphQL */ `
      query {
        authority(id: "${DEMO.authorities.odense}") {
          name cvr
          templates { key title { da } }
          consents { id }
        }
      }
    `);
    expect(result.errors).toBeUndefined();
    expect(result.data.authority.name).toBe("Odense Kommune");
    expect(result.data.authority.templates.map((t: { key: string }) => t.key)).toEqual(["indhentning-videregivelse-oplysninger", "odense-boern-terapi"]);
    expect(result.data.authority.consents).toEqual([]);
  });

  it("carries one request id from the gateway into every subgraph's log lines, with no CPR number logged", async () => {
    const requestId = `test-${Date.now()}`;
    const result = await platform.graphql(
      /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`,
      { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } },
      { "x-request-id": requestId },
    );
    expect(result.errors).toBeUndefined();
    await expect
      .poll(() => new Set(platform.logLines.filter((line) => JSON.stringify(line).includes(requestId)).map((line) => line.service)))
      .toEqual(new Set(["gateway", "consent", "party", "template"]));
    expect(JSON.stringify(platform.logLines)).not.toMatch(/1710681239|171068-1239/);
  });

  it("refuses a text/plain POST without running the mutation (CSRF prevention)", async () => {
    const cpr = "1203755678";
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({
        query: `mutation { requestConsent(input: { templateId: "${DEMO.templates.dataSharing}", cpr: "${cpr}" }) { id } }`,
      }),
    });
    expect(response.status).toBe(415);
    const citizen = await platform.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { consents { id } } }`, { cpr });
    expect(citizen.data.citizen.consents).toEqual([]);
  });

  it("says not ready while a subgraph is down, and still lives", async () => {
    await platform.subgraphs.consent.close();
    expect((await fetch(gatewayPath("/readiness"))).status).toBe(503);
    expect((await fetch(gatewayPath("/healthcheck"))).status).toBe(200);
  });
});
