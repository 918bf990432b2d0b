import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, TEMPLATE_TEXTS, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

const CREATE = /* GraphQL */ `
  mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id key version status } }
`;
const draft = (key: string, overrides: Record<string, unknown> = {}) => ({
  authorityId: DEMO.authorities.koebenhavn,
  key,
  title: { da: `Samtykke ${key}`, en: `Consent ${key}` },
  purpose: { da: "Et formål", en: "A purpose" },
  ...TEMPLATE_TEXTS,
  defaultValidityDays: 30,
  ...overrides,
});
const transition = (mutation: "publishTemplate" | "retireTemplate", id: string) =>
  platform.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id status version publishedAt } }`, { id });
const request = (templateId: string) =>
  platform.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id templateVersion title { da } } }`, {
    input: { templateId, cpr: "2508920147" },
  });

describe("template authoring through the gateway", () => {
  it("drafts, publishes and versions a template; consents keep the version they were asked on", async () => {
    const v1 = (await platform.graphql(CREATE, { input: draft("kbh-hjemmehjaelp") })).data.createTemplate;
    expect(v1).toMatchObject({ key: "kbh-hjemmehjaelp", version: 1, status: "DRAFT" });

    // A draft is not offered to caseworkers, and cannot be asked with.
    const offered = await platform.graphql(`{ authority(id: "${DEMO.authorities.koebenhavn}") { templates { id } } }`);
    expect(offered.data.authority.templates).toEqual([]);
    expect((await request(v1.id)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");

    expect((await transition("publishTemplate", v1.id)).data.publishTemplate).toMatchObject({ status: "PUBLISHED", publishedAt: expect.any(String) });
    const onV1 = (await request(v1.id)).data.requestConsent;
    expect(onV1).toEqual({ id: expect.any(String), templateVersion: 1, title: { da: "Samtykke kbh-hjemmehjaelp" } });

    const v2 = (await platform.graphql(CREATE, { input: draft("kbh-hjemmehjaelp", { title: { da: "Ny tekst", en: "New text" } }) })).data.createTemplate;
    expect(v2).toMatchObject({ version: 2, status: "DRAFT" });
    await transition("publishTemplate", v2.id);
    const v1Now = await platform.graphql(`query($id: ID!) { template(id: $id) { status } }`, { id: v1.id });
    expect(v1Now.data.template.status).toBe("RETIRED");
    expect((await request(v1.id)).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect((await request(v2.id)).data.requestConsent).toMatchObject({ templateVersion: 2, title: { da: "Ny tekst" } });

    const kept = await platform.graphql(`query($id: ID!) { consent(id: $id) { templateVersion title { da } template { version status } } }`, { id: onV1.id });
    expect(kept.data.consent).toEqual({ templateVersion: 1, title: { da: "Samtykke kbh-hjemmehjaelp" }, template: { version: 1, status: "RETIRED" } });
  });

  it("numbers versions one by one when drafts of one key are made at once", async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => platform.graphql(CREATE, { input: draft("kbh-samtidig") })));
    expect(results.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    expect(results.map((r) => r.data.createTemplate.version).sort((a: number, b: number) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("refuses illegal transitions and changes nothing", async () => {
    const template = (await platform.graphql(CREATE, { input: draft("kbh-transitions") })).data.createTemplate;
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
      const result = await platform.graphql(CREATE, { input: draft("kbh-bad", overrides) });
      expect(result.errors![0]!.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const taken = await platform.graphql(CREATE, { input: draft("indhentning-videregivelse-oplysninger") });
    expect(taken.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", field: "key" });
    const drafts = await platform.graphql(`{ templates(status: DRAFT, authorityId: "${DEMO.authorities.koebenhavn}") { key } }`);
    expect(drafts.data.templates.map((t: { key: string }) => t.key)).not.toContain("kbh-bad");
  });
});
