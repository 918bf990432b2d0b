import { afterAll, beforeAll, describe, expect, it } from "vitest";
import jsonld from "jsonld";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// The public register: anyone, signed in or not, sees what each authority asks consent for, every
// version and how many hold a consent on it (1-4 not shown), and machines read each version as
// JSON-LD in the W3C Data Privacy Vocabulary, which the gateway serves with caching headers.
const DPV = "https://w3id.org/dpv#";
const DCT = "http://purl.org/dc/terms/";

let platform: TestPlatform;
let odense: Caller;
let anyone: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  anyone = platform.withToken(null);
});
afterAll(async () => {
  await platform?.stop();
});

const CREATE = `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishTemplate(id: $id) { status } }`;
const draft = (purpose: string) => ({
  authorityId: DEMO.authorities.odense,
  key: "odense-register",
  title: { da: "Samtykke til hjælp i hjemmet", en: "Consent to help at home" },
  purpose: { da: purpose, en: "We want to help you at home." },
  ...TEMPLATE_TEXTS,
  defaultValidityDays: 30,
  retentionDays: 400,
});
const register = (path: string) => fetch(new URL(path, platform.gatewayUrl));

let born = 0;
const giveOne = async (templateId: string) => {
  const cpr = cprBornOn(new Date(Date.UTC(1966, 0, 1 + born++)), "321");
  const id = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId, cpr } })).data.requestConsent.id;
  expect((await giveWithYesToAll(await platform.citizen(cpr), id)).data.giveConsent.status).toBe("ACTIVE");
};

describe("the public register", () => {
  let v1: string;
  let v2: string;
  let v3: string;

  it("lists every version of a template for anyone, newest first, and never a draft", async () => {
    v1 = (await odense.graphql(CREATE, { input: draft("Vi vil hjælpe dig i dit hjem.") })).data.createTemplate.id;
    expect((await odense.graphql(PUBLISH, { id: v1 })).errors).toBeUndefined();
    v2 = (await odense.graphql(CREATE, { input: draft("Vi vil hjælpe dig i dit hjem og i haven.") })).data.createTemplate.id;
    expect((await odense.graphql(PUBLISH, { id: v2 })).errors).toBeUndefined();
    v3 = (await odense.graphql(CREATE, { input: draft("Et udkast, som ingen må se endnu.") })).data.createTemplate.id;

    const versions = await anyone.graphql(`query($key: String!) { templateVersions(key: $key) { id version status purpose { da } authority { name } } }`, { key: "odense-register" });
    expect(versions.errors).toBeUndefined();
    expect(versions.data.templateVersions).toEqual([
      { id: v2, version: 2, status: "PUBLISHED", purpose: { da: "Vi vil hjælpe dig i dit hjem og i haven." }, authority: { name: "Odense Kommune" } },
      { id: v1, version: 1, status: "RETIRED", purpose: { da: "Vi vil hjælpe dig i dit hjem." }, authority: { name: "Odense Kommune" } },
    ]);
    const published = (await anyone.graphql(`{ templates(first: 100) { id key } }`)).data.templates as { id: string; key: string }[];
    expect(published.map((template) => template.id)).toContain(v2);
    expect(published.map((template) => template.id)).not.toContain(v3);
  });

  it("counts the consents in force on a version, showing none as 0 and hiding 1-4", async () => {
    const inForce = async () => (await anyone.graphql(`query($key: String!) { templateVersions(key: $key) { id consentsInForce } }`, { key: "odense-register" })).data.templateVersions;
    expect(await inForce()).toEqual([
      { id: v2, consentsInForce: 0 },
      { id: v1, consentsInForce: 0 },
    ]);
    for (let n = 0; n < 4; n++) await giveOne(v2);
    expect((await inForce())[0]).toEqual({ id: v2, consentsInForce: null });
    await giveOne(v2);
    expect((await inForce())[0]).toEqual({ id: v2, consentsInForce: 5 });
  });

  it("serves a version as JSON-LD in the Data Privacy Vocabulary, cacheable, which a JSON-LD processor expands to its terms", async () => {
    const response = await register(`/register/templates/${v2}.jsonld`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const [notice] = (await jsonld.expand(await response.json())) as Record<string, any>[];
    expect(notice!["@type"]).toEqual([`${DPV}ConsentNotice`]);
    expect(notice![`${DCT}hasVersion`]).toEqual([{ "@value": 2 }]);
    const purpose = notice![`${DPV}hasPurpose`][0];
    expect(purpose["@type"]).toEqual([`${DPV}Purpose`]);
    expect(purpose[`${DCT}description`]).toEqual([
      { "@value": "Vi vil hjælpe dig i dit hjem og i haven.", "@language": "da" },
      { "@value": "We want to help you at home.", "@language": "en" },
    ]);
    expect(notice![`${DPV}hasLegalBasis`]).toEqual([{ "@id": "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a" }]);
    const controller = notice![`${DPV}hasDataController`][0];
    expect(controller["@type"]).toEqual([`${DPV}DataController`]);
    expect(controller[`${DCT}title`]).toEqual([{ "@value": "Odense Kommune" }]);
    expect(notice![`${DPV}hasDuration`][0]["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"]).toEqual([{ "@value": "P30D", "@type": "http://www.w3.org/2001/XMLSchema#duration" }]);
    expect(notice![`${DPV}hasStorageCondition`][0]["@type"]).toEqual([`${DPV}StorageDuration`]);
    expect(notice![`${DPV}hasStorageCondition`][0]["http://www.w3.org/1999/02/22-rdf-syntax-ns#value"]).toEqual([{ "@value": "P400D", "@type": "http://www.w3.org/2001/XMLSchema#duration" }]);
    expect(notice![`${DPV}hasRecipient`].map((recipient: Record<string, unknown>) => recipient["@type"])).toContainEqual([`${DPV}Recipient`]);
  });

  it("lists every published version as one JSON-LD graph, and answers 404 for a draft or an id it does not know", async () => {
    const list = await register("/register/templates.jsonld");
    expect(list.headers.get("cache-control")).toBe("public, max-age=300");
    const expanded = (await jsonld.expand(await list.json())) as Record<string, unknown>[];
    const ids = expanded.map((node) => node["@id"]);
    expect(ids).toContain(`urn:samtykke:template:${v2}`);
    expect(ids).toContain(`urn:samtykke:template:${DEMO.templates.dataSharing}`);
    expect(ids).not.toContain(`urn:samtykke:template:${v3}`);
    expect((await register(`/register/templates/${v3}.jsonld`)).status).toBe(404);
    expect((await register(`/register/templates/${crypto.randomUUID()}.jsonld`)).status).toBe(404);
    expect((await register(`/register/templates/not-an-id.jsonld`)).status).toBe(404);
  });
});
