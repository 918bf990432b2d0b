import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { cprBornOn, DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Seed 002's flow: a seafarer lets the tax agency share tax data with a private shipping company;
// the shipping company's system gets a short-lived token only while the consent stands.
const OLE = "1710681239";
const KEY = "soefarende-skattedata-tredjepart";
const ACCESS = `mutation($input: DataAccessRequestInput!) { requestDataAccess(input: $input) { token expiresAt scope consent { id } } }`;
const INTROSPECT = `query($token: String!) { introspectDataAccess(token: $token) { active reason scope consent { id } } }`;

let platform: TestPlatform;
let rederi: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  // The shipping company's own system signs in with client credentials, over HTTP as it would.
  const response = await fetch(platform.devLogin!.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO.thirdPartySystems.shippingCompany, client_secret: DEMO.caseSystemSecret }),
  });
  rederi = platform.withToken((await response.json()).access_token);
});
afterAll(async () => {
  await platform?.stop();
});

describe("the data-sharing gate", () => {
  it("issues a token while the consent stands, refuses what it does not cover, and goes inactive the moment it is withdrawn", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const id = (await skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.seafarerTax, cpr: OLE } }))
      .data.requestConsent.id;
    const ole = await platform.citizen(OLE);
    const given = await ole.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status subject { id } } }`, {
      id,
      answers: [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: false }],
    });
    expect(given.data.giveConsent.status).toBe("ACTIVE");
    const ask = (scope: string[], caller = rederi) => caller.graphql(ACCESS, { input: { cpr: OLE, templateKey: KEY, scope } });

    // Granted: a JWT the data holder verifies with the platform's published keys.
    const granted = await ask(["income-data"]);
    expect(granted.errors).toBeUndefined();
    expect(granted.data.requestDataAccess).toMatchObject({ scope: ["income-data"], consent: { id } });
    const { payload } = await jwtVerify(granted.data.requestDataAccess.token, createRemoteJWKSet(new URL("/.well-known/jwks.json", platform.gatewayUrl)), {
      issuer: "samtykke",
      audience: DEMO.authorities.skattestyrelsen,
    });
    expect(payload).toMatchObject({ sub: given.data.giveConsent.subject.id, scope: "income-data", consent_id: id, token_use: "data-access" });
    expect((payload.exp! - payload.iat!) / 60).toBe(5);
    expect(JSON.stringify(payload)).not.toContain(OLE);

    // Refused, each with its reason: data the citizen said no to, another organisation, an authority's own system.
    expect((await ask(["tax-assessment"])).errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "SCOPE_NOT_COVERED", notCovered: ["tax-assessment"] });
    const stranger = platform.withToken(await platform.devLogin!.issue({ role: "thirdparty", systemId: crypto.randomUUID(), organisationId: crypto.randomUUID() }));
    // Another organisation learns nothing of a consent that does not name it: the same answer as for a citizen with none.
    expect((await ask(["income-data"], stranger)).errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NO_VALID_CONSENT", message: { da: expect.any(String) } });
    expect((await ask(["income-data"], await platform.caseSystem("odense"))).errors![0]!.extensions!.code).toBe("FORBIDDEN");

    // The data holder asks whether the token stands; nobody else may.
    const holder = await platform.caseSystem("skattestyrelsen");
    const token = granted.data.requestDataAccess.token;
    expect((await holder.graphql(INTROSPECT, { token })).data.introspectDataAccess).toEqual({ active: true, reason: null, scope: ["income-data"], consent: { id } });
    expect((await (await platform.caseSystem("odense")).graphql(INTROSPECT, { token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await holder.graphql(INTROSPECT, { token: `${token.slice(0, -4)}AAAA` })).data.introspectDataAccess).toMatchObject({ active: false, reason: "INVALID_OR_EXPIRED" });

    // The citizen withdraws: the token is inactive at once and no new one is issued.
    await ole.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id });
    expect((await holder.graphql(INTROSPECT, { token })).data.introspectDataAccess).toMatchObject({ active: false, reason: "ENDED" });
    expect((await ask(["income-data"])).errors![0]!.extensions!.reason).toBe("NO_VALID_CONSENT");

    // Every grant, refusal and introspection is on the citizen's "who used my consents".
    const log = (await ole.graphql(`{ myConsentAccessLog(first: 20) { action actorKind thirdParty { name } authority { name } purpose } }`)).data.myConsentAccessLog;
    expect(log).toContainEqual({ action: "accessGranted", actorKind: "THIRD_PARTY", thirdParty: { name: "Nordsø Rederi A/S" }, authority: null, purpose: "income-data" });
    expect(log).toContainEqual(expect.objectContaining({ action: "accessRefused", thirdParty: { name: "Nordsø Rederi A/S" }, purpose: expect.stringContaining("SCOPE_NOT_COVERED") }));
    expect(log).toContainEqual(expect.objectContaining({ action: "introspect", actorKind: "CASE_SYSTEM", authority: { name: "Skattestyrelsen" } }));
  });

  it("tells a third party's system nothing about citizens beyond what the gate grants", async () => {
    expect((await rederi.graphql(`{ citizen(cpr: "${OLE}") { name } }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await rederi.graphql(`{ consents { edges { node { id } } } }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    // A CPR number does not turn into a citizen id for it, by either query (it once did, for any number).
    expect((await rederi.graphql(`{ citizenIdByCpr(cpr: "${OLE}") }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await rederi.graphql(`{ registeredCitizenIdByCpr(cpr: "${OLE}") }`)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("registers nobody when a third party asks about a CPR number the platform has never seen, and answers as for a citizen without consent", async () => {
    const party = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "party") });
    await party.connect();
    try {
      const citizens = async () => Number((await party.query("select count(*) from citizen")).rows[0].count);
      const before = await citizens();
      const never = cprBornOn(new Date(Date.UTC(1977, 4, 17)), "913");
      const refused = await rederi.graphql(ACCESS, { input: { cpr: never, templateKey: KEY, scope: ["income-data"] } });
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "NO_VALID_CONSENT" });
      expect(await citizens()).toBe(before);
      // A malformed number is still a plain input error.
      expect((await rederi.graphql(ACCESS, { input: { cpr: "12345", templateKey: KEY, scope: ["income-data"] } })).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    } finally {
      await party.end();
    }
  });
});
