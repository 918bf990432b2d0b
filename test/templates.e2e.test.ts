import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
// Templates are written and published by the authority's own caseworkers; Odense's demo caseworker does it here.
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

const CREATE = /* GraphQL */ `
  mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id key version status } }
`;
const draft = (key: string, overrides: Record<string, unknown> = {}) => ({
  authorityId: DEMO.authorities.odense,
  key,
  title: { da: `Samtykke ${key}`, en: `Consent ${key}` },
  purpose: { da: "Et formål", en: "A purpose" },
  ...TEMPLATE_TEXTS,
  defaultValidityDays: 30,
  ...overrides,
});
const transition = (mutation: "publishTemplate" | "retireTemplate", id: string, caller: Caller = odense) =>
  caller.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id status version publishedAt } }`, { id });
const request = (templateId: string) =>
  odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id templateVersion title { da } } }`, {
    input: { templateId, cpr: "2508920147" },
  });

describe("template authoring through the gateway", () => {
  it("drafts, publishes and versions a template; consents keep the version they were asked on", async () => {
    const v1 = (await odense.graphql(CREATE, { input: draft("odense-hjemmehjaelp") })).data.createTemplate;
    expect(v1).toMatchObject({ key: "odense-hjemmehjaelp", version: 1, status: "DRAFT" });

    // A draft is not offered to caseworkers, and cannot be asked with.
    const offered = await odense.graphql(`{ authority(id: "${DEMO.authorities.odense}") { templates { id } } }`);
    expect(offered.errors).toBeUndefined();
    expect(offered.data.authority.templates.map((t: { id: string }) => t.id)).not.toContain(v1.id);
    expect((await request(v1.id)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");

    expect((await transition("publishTemplate", v1.id)).data.publishTemplate).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(String) });
    const onV1 = (await request(v1.id)).data.requestConsent;
    expect(onV1).toEqual({ id: expect.any(String), templateVersion: 1, title: { da: "Samtykke odense-hjemmehjaelp" } });

    const v2 = (await odense.graphql(CREATE, { input: draft("odense-hjemmehjaelp", { title: { da: "Ny tekst", en: "New text" } }) })).data.createTemplate;
    expect(v2).toMatchObject({ version: 2, status: "DRAFT" });
    await transition("publishTemplate", v2.id);
    const v1Now = await odense.graphql(`query($id: ID!) { template(id: $id) { status } }`, { id: v1.id });
    expect(v1Now.data.template.status).toBe("RETIRED");
    expect((await request(v1.id)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect((await request(v2.id)).data.requestConsent).toMatchObject({ templateVersion: 2, title: { da: "Ny tekst" } });

    const kept = await odense.graphql(`query($id: ID!) { consent(id: $id) { templateVersion title { da } template { version status } } }`, { id: onV1.id });
    expect(kept.data.consent).toEqual({ templateVersion: 1, title: { da: "Samtykke odense-hjemmehjaelp" }, template: { version: 1, status: "RETIRED" } });
  });

  it("numbers versions one by one when drafts of one key are made at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => odense.graphql(CREATE, { input: draft("odense-samtidig") })));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(results.map((r) => r.data.createTemplate.version).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses illegal transitions and changes nothing", async () => {
    const template = (await odense.graphql(CREATE, { input: draft("odense-transitions") })).data.createTemplate;
    expect((await transition("retireTemplate", template.id)).errors![0]!.extensions).toMatchObject({
      code: "INVALID_TRANSITION",
      message: { da: "En skabelon, der er en kladde, kan ikke udgå.", en: "A template that is draft cannot be retired." },
    });
    await transition("publishTemplate", template.id);
    expect((await transition("publishTemplate", template.id)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    await transition("retireTemplate", template.id);
    expect((await transition("publishTemplate", template.id)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
    expect((await transition("retireTemplate", "00000000-0000-4000-8000-000000000000")).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("refuses bad drafts with the field named, and another authority's key", async () => {
    for (const [overrides, field] of [
      [{ key: "X" }, "key"],
      [{ title: { da: "", en: "Title" } }, "title.da"],
      [{ purpose: { da: "Formål", en: "x".repeat(5001) } }, "purpose.en"],
      [{ defaultValidityDays: 0 }, "defaultValidityDays"],
    ] as const) {
      const result = await odense.graphql(CREATE, { input: draft("odense-bad", overrides) });
      expect(result.errors![0]!.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    // The seafarer template's key belongs to Skattestyrelsen.
    const taken = await odense.graphql(CREATE, { input: draft("soefarende-skattedata-tredjepart") });
    expect(taken.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "key" });
    const drafts = await odense.graphql(`{ templates(status: DRAFT, authorityId: "${DEMO.authorities.odense}") { key } }`);
    expect(drafts.errors).toBeUndefined();
    expect(drafts.data.templates.map((t: { key: string }) => t.key)).not.toContain("odense-bad");
  });

  it("leaves an authority's templates and drafts to its own caseworkers", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) => result.errors?.[0]?.extensions?.code;

    // Københavns Kommune has no caseworker here, so nobody present may draft for it.
    expect(codeOf(await odense.graphql(CREATE, { input: draft("kbh-hjemmehjaelp", { authorityId: DEMO.authorities.koebenhavn }) }))).toBe("FORBIDDEN");
    expect(codeOf(await platform.graphql(CREATE, { input: draft("odense-anonym") }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await (await platform.caseSystem("odense")).graphql(CREATE, { input: draft("odense-fagsystem") }))).toBe("FORBIDDEN");
    expect(codeOf(await (await platform.citizen("2508920147")).graphql(CREATE, { input: draft("odense-borger") }))).toBe("FORBIDDEN");

    const template = (await odense.graphql(CREATE, { input: draft("odense-egen") })).data.createTemplate;
    expect(codeOf(await transition("publishTemplate", template.id, skat))).toBe("FORBIDDEN");
    const read = `query($id: ID!) { template(id: $id) { status } }`;
    expect(codeOf(await skat.graphql(read, { id: template.id }))).toBe("FORBIDDEN");
    expect(codeOf(await platform.graphql(read, { id: template.id }))).toBe("UNAUTHENTICATED");
    expect(codeOf(await skat.graphql(`{ templates(status: DRAFT, authorityId: "${DEMO.authorities.odense}") { key } }`))).toBe("FORBIDDEN");
    // Asked without an authority, a caseworker sees their own drafts only.
    const skatDrafts = await skat.graphql(`{ templates(status: DRAFT) { key } }`);
    expect(skatDrafts.data.templates.map((t: { key: string }) => t.key)).not.toContain("odense-egen");
    expect((await odense.graphql(read, { id: template.id })).data.template.status).toBe("DRAFT");

    await transition("publishTemplate", template.id);
    expect(codeOf(await transition("retireTemplate", template.id, skat))).toBe("FORBIDDEN");
    expect((await platform.graphql(read, { id: template.id })).data.template.status).toBe("PUBLISHED");
  });
});

describe("editing a draft", () => {
  const UPDATE = /* GraphQL */ `
    mutation($id: ID!, $input: TemplateDraftInput!) {
      updateTemplateDraft(id: $id, input: $input) { id key version status title { da en } defaultValidityDays singleUse choices { key label { da } } }
    }
  `;
  const { authorityId: _authority, key: _key, ...content } = draft("ignored");

  it("replaces a draft's texts, choices and rules; keeps its key and version", async () => {
    const created = (await odense.graphql(CREATE, { input: draft("odense-kladde-ret") })).data.createTemplate;
    const changed = {
      ...content,
      title: { da: "Samtykke til hjemmepleje", en: "Consent to home care" },
      defaultValidityDays: 90,
      singleUse: true,
      choices: [{ key: "laege", kind: "CHECKBOX", label: { da: "Din læge", en: "Your doctor" } }],
    };
    const result = await odense.graphql(UPDATE, { id: created.id, input: changed });
    expect(result.errors).toBeUndefined();
    expect(result.data.updateTemplateDraft).toMatchObject({
      id: created.id,
      key: "odense-kladde-ret",
      version: 1,
      status: "DRAFT",
      title: { da: "Samtykke til hjemmepleje", en: "Consent to home care" },
      defaultValidityDays: 90,
      singleUse: true,
      choices: [{ key: "laege", label: { da: "Din læge" } }],
    });
    const read = await odense.graphql(`query($id: ID!) { template(id: $id) { title { da } } }`, { id: created.id });
    expect(read.data.template.title.da).toBe("Samtykke til hjemmepleje");
  });

  it("refuses to change a published version, a bad text, and another authority's draft, changing nothing", async () => {
    const created = (await odense.graphql(CREATE, { input: draft("odense-kladde-laast") })).data.createTemplate;
    const empty = await odense.graphql(UPDATE, { id: created.id, input: { ...content, purpose: { da: " ", en: "A purpose" } } });
    expect(empty.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "purpose.da" });

    const other = await (await platform.caseworker("skattestyrelsen")).graphql(UPDATE, { id: created.id, input: content });
    expect(other.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    expect((await transition("publishTemplate", created.id)).errors).toBeUndefined();
    const published = await odense.graphql(UPDATE, { id: created.id, input: { ...content, title: { da: "Ændret", en: "Changed" } } });
    expect(published.errors![0]!.extensions).toMatchObject({ code: "INVALID_TRANSITION" });
    expect(published.errors![0]!.extensions!.message.da).toContain("Lav en ny version");
    const read = await odense.graphql(`query($id: ID!) { template(id: $id) { title { da } status } }`, { id: created.id });
    expect(read.data.template).toEqual({ title: { da: "Samtykke odense-kladde-laast" }, status: "PUBLISHED" });
  });

  it("publishes a text over LIX 55 only with a reason, kept with the version, and shows each text's LIX", async () => {
    // 11 words in one sentence, 9 of them long: LIX 11 + 900/11 = 93.
    const officialese = "Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning";
    const hard = (await odense.graphql(CREATE, { input: draft("odense-svaer-tekst", { purpose: { da: officialese, en: "To assess your case" } }) })).data.createTemplate;
    const publish = (readabilityReason?: string) =>
      odense.graphql(`mutation($id: ID!, $reason: String) { publishTemplate(id: $id, readabilityReason: $reason) { status readabilityReason readability { field lix } } }`, {
        id: hard.id,
        reason: readabilityReason,
      });

    for (const missing of [undefined, "   "]) {
      const refused = await publish(missing);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "readabilityReason", hardTexts: [{ field: "purpose", lix: 93 }] });
      expect(refused.errors![0]!.extensions!.message).toMatchObject({ da: expect.stringContaining("formål (LIX 93)"), en: expect.stringContaining("purpose (LIX 93). Above LIX 55") });
    }
    expect((await publish("x".repeat(1001))).errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "readabilityReason" });
    // Refused, it is still a draft that can be written more plainly.
    const still = await odense.graphql(`query($id: ID!) { template(id: $id) { status readabilityReason readability { field lix } } }`, { id: hard.id });
    expect(still.data.template).toMatchObject({ status: "DRAFT", readabilityReason: null });
    expect(still.data.template.readability).toContainEqual({ field: "purpose", lix: 93 });
    expect(still.data.template.readability).toContainEqual({ field: "title", lix: null });

    const published = await publish("  Ordlyden følger serviceloven § 83.  ");
    expect(published.errors).toBeUndefined();
    expect(published.data.publishTemplate).toMatchObject({ status: "PUBLISHED", readabilityReason: "Ordlyden følger serviceloven § 83." });

    // A plain version needs no reason and records none.
    const plain = (await odense.graphql(CREATE, { input: draft("odense-let-tekst") })).data.createTemplate;
    const plainPublished = await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id, readabilityReason: "ikke nødvendig") { status readabilityReason } }`, { id: plain.id });
    expect(plainPublished.data.publishTemplate).toEqual({ status: "PUBLISHED", readabilityReason: "ikke nødvendig" });
  });
});
