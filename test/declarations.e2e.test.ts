import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

const OLE = "1710681239";
const SOFIE = "2508920147";
const LARS = "1203755678";
const KAREN = "0101804321";

let platform: TestPlatform;
let consentDb: pg.Client;
let odense: Caller;
let skat: Caller;
let kbh: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  skat = await platform.caseworker("skattestyrelsen");
  // Københavns Kommune has no demo caseworker; the development login signs one in all the same.
  kbh = platform.withToken(
    await platform.devLogin!.issue({ role: "caseworker", caseworkerId: randomUUID(), authorityId: DEMO.authorities.koebenhavn, name: "KBH Sagsbehandler" }),
  );
  consentDb = new pg.Client({ connectionString: subgraphDatabaseUrl(platform.databaseUrl, "consent") });
  await consentDb.connect();
});
afterAll(async () => {
  await consentDb?.end();
  await platform?.stop();
});

const REQUEST = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
const GIVE = /* GraphQL */ `
  mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) {
    giveConsent(id: $id, answers: $answers) {
      status answers { key checked text }
      signatures { signer { name } method attestedBy contentHash }
      integrity { contentHash intact }
    }
  }
`;
const CONSENT = /* GraphQL */ `query($id: ID!) { consent(id: $id) { status answers { key } integrity { intact } } }`;
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n1 0 obj <<>> endobj\n"), Buffer.alloc(64, 0x20)]);

/** Drafts and publishes a version of a Københavns Kommune template key. */
async function publishKbhTemplate(key: string, purpose: string, rules: Record<string, unknown> = {}): Promise<string> {
  const created = await kbh.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
    input: { authorityId: DEMO.authorities.koebenhavn, key, title: { da: "Titel", en: "Title" }, purpose: { da: purpose, en: purpose }, ...TEMPLATE_TEXTS, ...rules },
  });
  await kbh.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: created.data.createTemplate.id });
  return created.data.createTemplate.id;
}

/** Asks a citizen for consent as a caseworker of the template's authority. */
async function requestFor(caseworker: Caller, cpr: string, templateId: string, caseReference?: string): Promise<string> {
  const result = await caseworker.graphql(REQUEST, { input: { templateId, cpr, caseReference } });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data.requestConsent.id;
}

describe("the declaration: texts, choices, answers and signature", () => {
  it("shows the template's texts and rules, with the third party it shares with", async () => {
    // A published template is public: the citizen reads it before signing in.
    const { data } = await platform.graphql(`query($id: ID!) {
      template(id: $id) { consequencesOfNo { en } choices { key required } signingLevel signers thirdParty { name cvr } }
    }`, { id: DEMO.templates.seafarerTax });
    expect(data.template).toEqual({
      consequencesOfNo: { en: "You must give the shipping company the information it needs yourself." },
      choices: [
        { key: "income-data", required: true },
        { key: "tax-assessment", required: false },
      ],
      signingLevel: "SUBSTANTIAL",
      signers: "CITIZEN",
      thirdParty: { name: "Nordsø Rederi A/S", cvr: "12345678" },
    });
  });

  it("refuses a give with a choice unanswered or a required one said no to, and changes nothing", async () => {
    const id = await requestFor(skat, OLE, DEMO.templates.seafarerTax);
    const ole = await platform.citizen(OLE);
    const unanswered = await ole.graphql(GIVE, { id, answers: [{ key: "income-data", checked: true }] });
    expect(unanswered.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "answers.tax-assessment",
      message: { da: 'Svar ja eller nej til "Årsopgørelse".', en: 'Answer yes or no to "Annual tax assessment".' },
    });
    const requiredNo = await ole.graphql(GIVE, { id, answers: demoAnswers(DEMO.templates.seafarerTax).map((a) => ({ ...a, checked: false })) });
    expect(requiredNo.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "answers.income-data" });
    const unknown = await ole.graphql(GIVE, { id, answers: [...demoAnswers(DEMO.templates.seafarerTax), { key: "bank-data", checked: true }] });
    expect(unknown.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "answers.bank-data" });
    expect((await ole.graphql(CONSENT, { id })).data.consent).toEqual({ status: "REQUESTED", answers: null, integrity: { intact: true } });
  });

  it("stores the answers and a signature over the canonical hash of what was shown and chosen", async () => {
    const id = await requestFor(skat, OLE, DEMO.templates.seafarerTax);
    const answers = [
      { key: "income-data", checked: true },
      { key: "tax-assessment", checked: false },
    ];
    const given = (await (await platform.citizen(OLE)).graphql(GIVE, { id, answers })).data.giveConsent;
    expect(given).toMatchObject({
      status: "ACTIVE",
      answers: [
        { key: "income-data", checked: true, text: null },
        { key: "tax-assessment", checked: false, text: null },
      ],
      signatures: [{ signer: { name: "Ole Sømand Pedersen" }, method: "DIGITAL", attestedBy: null }],
      integrity: { intact: true },
    });
    expect(given.signatures[0].contentHash).toBe(given.integrity.contentHash);

    // Someone with database access changes an answer afterwards: the consent says so.
    await consentDb.query(`update consent set answers = jsonb_set(answers, '{1,checked}', 'true') where id = $1`, [id]);
    const tampered = await skat.graphql(`query($id: ID!) { consent(id: $id) { integrity { contentHash intact } } }`, { id });
    expect(tampered.data.consent.integrity.intact).toBe(false);
    expect(tampered.data.consent.integrity.contentHash).not.toBe(given.integrity.contentHash);
  });

  it("keeps the texts a consent was given on when the template gets a new version", async () => {
    const id = await requestFor(odense, SOFIE, DEMO.templates.dataSharing);
    const sofie = await platform.citizen(SOFIE);
    expect((await giveWithYesToAll(sofie, id)).data.giveConsent.status).toBe("ACTIVE");
    const v2 = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id version } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "indhentning-videregivelse-oplysninger",
        title: { da: "Ny titel", en: "New title" },
        purpose: { da: "Nyt formål", en: "New purpose" },
        ...TEMPLATE_TEXTS,
      },
    });
    await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: v2.data.createTemplate.id });
    const consent = await sofie.graphql(`query($id: ID!) { consent(id: $id) { templateVersion purpose { en } choices { key } integrity { intact } } }`, { id });
    expect(consent.data.consent).toMatchObject({
      templateVersion: 1,
      purpose: { en: "The municipality wants to obtain and/or disclose information about you in order to process your case." },
      integrity: { intact: true },
    });
    expect(consent.data.consent.choices).toHaveLength(13);
  });
});

describe("paper consents", () => {
  const UPLOAD = /* GraphQL */ `
    mutation($input: UploadPaperConsentInput!) {
      uploadPaperConsent(input: $input) {
        id status channel validFrom
        attestation { attestedBy statement }
        attachments { id fileName mediaType size sha256 }
        signatures { method attestedBy contentHash }
        integrity { intact }
        history { action actorKind actorId channel }
      }
    }
  `;
  // Signed on paper a month ago: well within the template's validity, whatever day the test runs.
  const SIGNED_AT = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000).toISOString();
  const input = (overrides: Record<string, unknown> = {}) => ({
    templateId: DEMO.templates.seafarerTax,
    cpr: LARS,
    statement: "Underskrevet blanket modtaget med posten og kontrolleret.",
    answers: demoAnswers(DEMO.templates.seafarerTax),
    scanBase64: PDF.toString("base64"),
    fileName: "samtykke-underskrevet.pdf",
    signedAt: SIGNED_AT,
    ...overrides,
  });

  it("registers a scanned, attested paper consent in force from its signing date, with the scan retrievable by hash", async () => {
    const { data, errors } = await skat.graphql(UPLOAD, { input: input() });
    expect(errors).toBeUndefined();
    const consent = data.uploadPaperConsent;
    expect(consent).toMatchObject({
      status: "ACTIVE",
      channel: "PAPER",
      validFrom: SIGNED_AT,
      attestation: { attestedBy: DEMO.caseworkers.skattestyrelsen },
      attachments: [{ fileName: "samtykke-underskrevet.pdf", mediaType: "application/pdf", size: PDF.length }],
      signatures: [{ method: "ATTESTED_PAPER", attestedBy: DEMO.caseworkers.skattestyrelsen }],
      integrity: { intact: true },
      history: [{ action: "upload", actorKind: "CASEWORKER", actorId: DEMO.caseworkers.skattestyrelsen, channel: "PAPER" }],
    });
    const content = await skat.graphql(`query($id: ID!) { consentAttachmentContent(id: $id) }`, { id: consent.attachments[0].id });
    expect(Buffer.from(content.data.consentAttachmentContent, "base64").equals(PDF)).toBe(true);

    // A swapped scan shows, even with its stored hash left alone.
    await consentDb.query(`update consent_attachment set content = $1 where consent_id = $2`, [Buffer.from("%PDF-1.7 another"), consent.id]);
    const after = await skat.graphql(`query($id: ID!) { consent(id: $id) { integrity { intact } } }`, { id: consent.id });
    expect(after.data.consent.integrity.intact).toBe(false);
  });

  it("refuses a file that is not a PDF, PNG or JPEG whatever it is called, and stores nothing", async () => {
    const before = await consentDb.query(`select count(*)::int as n from consent`);
    const html = await skat.graphql(UPLOAD, { input: input({ scanBase64: Buffer.from("<html><script>alert(1)</script>").toString("base64") }) });
    expect(html.errors![0]!.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "file",
      message: { da: "Scanningen skal være en PDF-, PNG- eller JPEG-fil.", en: "The scan must be a PDF, PNG or JPEG file." },
    });
    const noStatement = await skat.graphql(UPLOAD, { input: input({ statement: " " }) });
    expect(noStatement.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "attestation" });
    const after = await consentDb.query(`select count(*)::int as n from consent`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe("re-consent on a changed template", () => {
  it("asks each holder once; the old consent stands until answered, then is replaced or withdrawn", async () => {
    const create = (purpose: string) => publishKbhTemplate("kbh-reconsent", purpose);
    const [karen, lars] = [await platform.citizen(KAREN), await platform.citizen(LARS)];
    const v1 = await create("Formål 1");
    const [yes, no] = [await requestFor(kbh, KAREN, v1), await requestFor(kbh, LARS, v1)];
    await giveWithYesToAll(karen, yes);
    await giveWithYesToAll(lars, no);

    const v2 = await create("Formål 2, udvidet");
    const RECONSENT = `mutation($id: ID!) { requestReconsent(templateId: $id) { requested skipped } }`;
    expect((await kbh.graphql(RECONSENT, { id: v2 })).data.requestReconsent).toEqual({ requested: 2, skipped: 0 });
    expect((await kbh.graphql(RECONSENT, { id: v2 })).data.requestReconsent).toEqual({ requested: 0, skipped: 2 });

    const check = (cpr: string) =>
      kbh.graphql(`{ consentCheck(cpr: "${cpr}", templateKey: "kbh-reconsent") { valid consent { id templateVersion } } }`).then((r) => r.data.consentCheck);
    expect(await check(KAREN)).toEqual({ valid: true, consent: { id: yes, templateVersion: 1 } });

    const pending = await kbh.graphql(`{ consents(filter: { templateKey: "kbh-reconsent", status: REQUESTED }) { edges { node { id replacesConsentId subject { name } } } } }`);
    const requests = pending.data.consents.edges.map((edge: any) => edge.node);
    const forYes = requests.find((r: any) => r.replacesConsentId === yes);
    const forNo = requests.find((r: any) => r.replacesConsentId === no);
    await giveWithYesToAll(karen, forYes.id);
    await lars.graphql(`mutation($id: ID!) { declineConsent(id: $id) { id } }`, { id: forNo.id });

    const status = async (id: string) => (await kbh.graphql(CONSENT, { id })).data.consent.status;
    expect(await status(yes)).toBe("CLOSED");
    expect(await status(no)).toBe("WITHDRAWN");
    expect(await check(KAREN)).toEqual({ valid: true, consent: { id: forYes.id, templateVersion: 2 } });
    expect((await check(LARS)).valid).toBe(false);
  });
});

describe("re-consent when the new version is bound to a case", () => {
  it("skips holders whose consent names no case instead of failing the whole action", async () => {
    const create = (purpose: string, boundToCase: boolean) => publishKbhTemplate("kbh-reconsent-sag", purpose, { boundToCase });
    const v1 = await create("Formål 1", false);
    await giveWithYesToAll(await platform.citizen(KAREN), await requestFor(kbh, KAREN, v1, "KBH-SAG-1"));
    await giveWithYesToAll(await platform.citizen(LARS), await requestFor(kbh, LARS, v1));
    const v2 = await create("Formål 2", true);
    const result = await kbh.graphql(`mutation($id: ID!) { requestReconsent(templateId: $id) { requested skipped } }`, { id: v2 });
    expect(result.errors).toBeUndefined();
    expect(result.data.requestReconsent).toEqual({ requested: 1, skipped: 1 });
  });
});

describe("parties: custody, power of attorney, third parties, case systems, bound cases", () => {
  it("knows who holds custody of a child and who may act for whom", async () => {
    // The municipality looks into the family, the tax agency into who may act for the seafarer.
    const family = await odense.graphql(`{
      child: citizen(cpr: "0304214912") { custodyHolders { name } comesOfAgeOn }
      parent: citizen(cpr: "${LARS}") { children { name } }
      caseSystem(id: "${DEMO.caseSystems.odense}") { name authority { name } }
    }`);
    expect(family.errors).toBeUndefined();
    expect(family.data.child).toEqual({ custodyHolders: [{ name: "Karen Jensen" }, { name: "Lars Nielsen" }], comesOfAgeOn: "2039-04-03T00:00:00.000Z" });
    expect(family.data.parent.children).toEqual([{ name: "Emil Nielsen" }]);
    expect(family.data.caseSystem).toEqual({ name: "Odense Børne- og Ungeforvaltningens sagssystem", authority: { name: "Odense Kommune" } });
    const representation = await skat.graphql(`{
      seafarer: citizen(cpr: "${OLE}") { attorneys { attorney { name } authorityIds validTo } }
      attorney: citizen(cpr: "${SOFIE}") { powersOfAttorney { grantor { name } } }
    }`);
    expect(representation.errors).toBeUndefined();
    expect(representation.data.seafarer.attorneys).toEqual([{ attorney: { name: "Sofie Hansen" }, authorityIds: [DEMO.authorities.skattestyrelsen], validTo: expect.any(String) }]);
    expect(representation.data.attorney.powersOfAttorney).toEqual([{ grantor: { name: "Ole Sømand Pedersen" } }]);
  });

  it("requires a case reference for a template bound to a case, and closing the case ends the consent", async () => {
    const created = await kbh.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id boundToCase } }`, {
      input: { authorityId: DEMO.authorities.koebenhavn, key: "kbh-sagsbundet", title: { da: "Sag", en: "Case" }, purpose: { da: "Sag", en: "Case" }, ...TEMPLATE_TEXTS, boundToCase: true },
    });
    const templateId = created.data.createTemplate.id;
    await kbh.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: templateId });
    const without = await kbh.graphql(REQUEST, { input: { templateId, cpr: SOFIE } });
    expect(without.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "caseReference" });
    const id = await requestFor(kbh, SOFIE, templateId, "KBH-SAG-7");
    await giveWithYesToAll(await platform.citizen(SOFIE), id);
    await kbh.graphql(`mutation { closeCase(authorityId: "${DEMO.authorities.koebenhavn}", caseReference: "KBH-SAG-7") { id } }`);
    expect((await kbh.graphql(CONSENT, { id })).data.consent.status).toBe("CLOSED");
  });
});
