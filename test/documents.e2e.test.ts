import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSealKey, type SealKey } from "@samtykke/consent";
import { DEMO } from "@samtykke/server-kit";
import { sealDocument } from "../subgraphs/consent/src/domain/consent-document.js";
import { validateR5 } from "../subgraphs/consent/test/fhir-r5.js";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Every consent as one sealed document in the exchange format, verifiable by anyone with the
// platform's published keys, online or with `npm run verify-consent`.
const run = promisify(execFile);
let platform: TestPlatform;
let skat: Caller;
let rotatedOut: SealKey;
const dir = mkdtempSync(join(tmpdir(), "samtykke-documents-"));
beforeAll(async () => {
  rotatedOut = await generateSealKey();
  // The active key first; a retired one after it, still published so what it sealed still verifies.
  platform = await startTestPlatform({ sealKeys: [await generateSealKey(), rotatedOut] });
  skat = await platform.caseworker("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const OLE = "1710681239";
const DOCUMENT = `query($id: ID!) { consent(id: $id) { document } }`;
const VERIFY = `query($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict why kid } }`;
const answers = [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: false }];

async function request(caller: Caller = skat, templateId = DEMO.templates.seafarerTax, cpr = OLE): Promise<string> {
  return (await caller.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId, cpr } })).data.requestConsent.id;
}

async function documentOf(id: string, caller: Caller = skat) {
  const result = await caller.graphql(DOCUMENT, { id });
  expect(result.errors).toBeUndefined();
  return result.data.consent.document;
}

/** One consent in each status and channel the platform makes. */
async function consentsOfEveryKind(): Promise<string[]> {
  const ole = await platform.citizen(OLE);
  const requested = await request();
  const given = await request();
  await giveWithYesToAll(ole, given);
  const withdrawn = await request();
  await giveWithYesToAll(ole, withdrawn);
  await ole.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: withdrawn });
  const declined = await request();
  await ole.graphql(`mutation($id: ID!) { declineConsent(id: $id) { id } }`, { id: declined });
  const base = { templateId: DEMO.templates.seafarerTax, cpr: OLE, answers, statement: "Borgeren gav samtykke ved mødet" };
  const onBehalf = (await skat.graphql(`mutation($input: RegisterConsentInput!) { registerConsent(input: $input) { id } }`, { input: base })).data.registerConsent.id;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("scan")]).toString("base64");
  const paper = (
    await skat.graphql(`mutation($input: UploadPaperConsentInput!) { uploadPaperConsent(input: $input) { id } }`, {
      input: { ...base, scanBase64: png, fileName: "blanket.png", signedAt: new Date(Date.now() - 60_000).toISOString() },
    })
  ).data.uploadPaperConsent.id;
  const system = await platform.caseSystem("skattestyrelsen");
  const delivered = (
    await system.graphql(`mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.seafarerTax, cpr: OLE, answers, givenAt: new Date(Date.now() - 60_000).toISOString(), evidenceReference: "NL-2026-77" },
    })
  ).data.deliverConsent.id;
  return [requested, given, withdrawn, declined, onBehalf, paper, delivered];
}

describe("the FHIR R5 export", () => {
  it("gives every status and channel as a Consent resource valid against HL7's own R5 rules", async () => {
    const ids = await consentsOfEveryKind();
    const resources = await Promise.all(
      ids.map(async (id) => (await skat.graphql(`query($id: ID!) { consent(id: $id) { status channel fhir } }`, { id })).data.consent),
    );
    expect(resources.map(({ status, fhir }) => [status, fhir.status])).toEqual([
      ["REQUESTED", "draft"],
      ["ACTIVE", "active"],
      ["WITHDRAWN", "inactive"],
      ["DECLINED", "not-done"],
      ["ACTIVE", "active"],
      ["ACTIVE", "active"],
      ["ACTIVE", "active"],
    ]);
    for (const { channel, fhir } of resources) {
      expect(validateR5(fhir)).toEqual([]);
      expect(fhir.grantee.map((ref: { reference: string }) => ref.reference)).toContain(`Organization/${DEMO.thirdParties.shippingCompany}`);
      // A paper consent carries its scan; what someone attested carries the verification.
      expect(fhir.sourceAttachment?.length ?? 0).toBe(channel === "PAPER" ? 1 : 0);
      expect(fhir.verification?.length ?? 0).toBe(["ON_BEHALF", "PAPER", "API"].includes(channel) ? 1 : 0);
    }
  });
});

describe("the ISO/IEC TS 27560 export", () => {
  it("gives every status and channel as a receipt around its consent record, with every mandatory field", async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile("schema/iso27560-receipt.schema.json", "utf8")));
    const ids = await consentsOfEveryKind();
    const receipts = await Promise.all(ids.map(async (id) => (await skat.graphql(`query($id: ID!) { consent(id: $id) { iso27560 } }`, { id })).data.consent.iso27560));
    for (const receipt of receipts) expect(validate(receipt) ? [] : validate.errors).toEqual([]);
    expect(receipts.map((receipt) => receipt.content.event.map((event: { event_state: string }) => event.event_state).join(" → "))).toEqual([
      "requested",
      "requested → given",
      "requested → given → withdrawn",
      "requested → refused",
      "given",
      "given",
      "given",
    ]);
    const { content } = receipts[1];
    expect(content.record_id).toBe(ids[1]);
    expect(content.party_identification).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ party_name: "Skattestyrelsen", party_address: "Østbanegade 123, 2100 København Ø", party_role: "PII controller" }),
        expect.objectContaining({ party_name: "Nordsø Rederi A/S", party_role: "third party" }),
      ]),
    );
    expect(content.pii_processing.purposes[0].recipient_third_parties).toEqual(["CVR:12345678"]);
    // The citizen's CPR number is never in it: the principal is named by id.
    expect(JSON.stringify(receipts)).not.toContain(OLE);
  });
});

describe("the consent document", () => {
  it("exists for a consent of every status and channel, valid against schema/consent-document.schema.json and verified by the platform", async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile("schema/consent-document.schema.json", "utf8")));
    const documents = await Promise.all((await consentsOfEveryKind()).map((id) => documentOf(id)));
    expect(documents.map((document) => [document.state.status, document.state.channel])).toEqual([
      ["REQUESTED", null],
      ["ACTIVE", "DIGITAL"],
      ["WITHDRAWN", "DIGITAL"],
      ["DECLINED", null],
      ["ACTIVE", "ON_BEHALF"],
      ["ACTIVE", "PAPER"],
      ["ACTIVE", "API"],
    ]);
    for (const document of documents) {
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect((await platform.graphql(VERIFY, { document })).data.verifyConsentDocument.verdict).toBe("VALID");
    }
    // The schema refuses what is not one.
    expect(validate({ ...documents[0], format: "something else" })).toBe(false);
  });

  it("finds a changed answer, a changed status and an unknown key, and says why", async () => {
    const id = await request();
    await giveWithYesToAll(await platform.citizen(OLE), id);
    const document = await documentOf(id);
    const verify = async (candidate: unknown) => (await platform.graphql(VERIFY, { document: candidate })).data.verifyConsentDocument;

    const answer = structuredClone(document);
    answer.signed.body.answers[1].checked = !answer.signed.body.answers[1].checked;
    expect(await verify(answer)).toMatchObject({ verdict: "TAMPERED", why: expect.stringContaining("changed since the platform sealed it") });
    const status = structuredClone(document);
    status.state.status = "WITHDRAWN";
    expect((await verify(status)).verdict).toBe("TAMPERED");
    const foreign = await sealDocument((({ seal: _seal, ...rest }) => rest)(document), await generateSealKey());
    expect(await verify(foreign)).toMatchObject({ verdict: "UNKNOWN_KEY", kid: foreign.seal.kid });
  });

  it("keeps documents sealed with a retired key verifiable, and publishes every key at /.well-known/jwks.json", async () => {
    const id = await request();
    const { seal: _seal, ...unsealed } = await documentOf(id);
    const old = await sealDocument(unsealed, rotatedOut);
    expect((await platform.graphql(VERIFY, { document: old })).data.verifyConsentDocument).toMatchObject({ verdict: "VALID", kid: rotatedOut.kid });
    const jwks = await (await fetch(new URL("/.well-known/jwks.json", platform.gatewayUrl))).json();
    expect(jwks.keys.map((key: { kid: string }) => key.kid)).toContain(rotatedOut.kid);
    expect(jwks.keys.every((key: Record<string, unknown>) => !("d" in key))).toBe(true);
  });

  it("is verified offline by `npm run verify-consent` with the published keys: exit 0 when valid, 1 when changed", async () => {
    const id = await request();
    const document = await documentOf(id);
    const jwks = new URL("/.well-known/jwks.json", platform.gatewayUrl).toString();
    const verify = async (candidate: unknown) => {
      const file = join(dir, `${Math.random()}.json`);
      writeFileSync(file, JSON.stringify(candidate));
      try {
        const { stdout } = await run("npx", ["tsx", "subgraphs/consent/src/verify-consent.ts", file, "--jwks", jwks]);
        return { code: 0, stdout };
      } catch (error) {
        return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout };
      }
    };
    expect(await verify(document)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^VALID/) });
    const changed = structuredClone(document);
    changed.signed.header.caseReference = "SAG-FORFALSKET";
    expect(await verify(changed)).toMatchObject({ code: 1, stdout: expect.stringMatching(/^TAMPERED/) });
  });

  it("refuses, before it parses, a document too large or too deeply nested to be one, in Danish and English, and keeps verifying", async () => {
    const id = await request();
    const document = await documentOf(id);
    const refusalOf = async (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
    // Thousands of levels deep: it once crashed the forwarding with "Maximum call stack size exceeded".
    // Written as text: even JSON.stringify cannot walk it.
    const deep = `{"query":${JSON.stringify(VERIFY)},"variables":{"document":${'{"a":'.repeat(5_000)}{}${"}".repeat(5_000)}}}`;
    const post = async (url: string, body: string) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body })).json();
    expect(await refusalOf((await post(platform.gatewayUrl, deep)) as never)).toMatchObject({ code: "BAD_USER_INPUT", message: { da: expect.stringContaining("dybt"), en: expect.stringContaining("deep") } });
    // Straight at the consent subgraph too: it does not rely on the gateway for this.
    expect(await refusalOf((await post(platform.subgraphs.consent.url, deep)) as never)).toMatchObject({ code: "BAD_USER_INPUT" });
    // A real document is a few kilobytes (attachments are in it by their hash); 15 MB of padding is refused unread.
    const padded = { ...document, padding: "x".repeat(15 * 2 ** 20) };
    const anonymous = await fetch(platform.gatewayUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: VERIFY, variables: { document: padded } }) });
    expect(anonymous.status).toBe(413);
    expect(await refusalOf((await anonymous.json()) as never)).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: { da: expect.any(String), en: expect.any(String) } });
    // Signed in, a caller may send more (scans), but not as a document to verify.
    const large = { ...document, padding: "x".repeat(2 * 2 ** 20) };
    expect(await refusalOf(await skat.graphql(VERIFY, { document: large }))).toMatchObject({ code: "BAD_USER_INPUT", message: { da: expect.stringContaining("stort"), en: expect.stringContaining("large") } });
    // And the real one still verifies, anonymously.
    expect((await platform.graphql(VERIFY, { document })).data.verifyConsentDocument.verdict).toBe("VALID");
  });

  it("is for the consent's readers only, and every fetch is audited", async () => {
    const id = await request();
    const odense = await platform.caseworker("odense");
    expect((await odense.graphql(DOCUMENT, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await platform.graphql(DOCUMENT, { id })).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    const ole = await platform.citizen(OLE);
    await documentOf(id, ole);
    const log = await ole.graphql(`{ myConsentAccessLog(first: 5) { action actorKind } }`);
    expect(log.data.myConsentAccessLog).toContainEqual({ action: "document", actorKind: "CASEWORKER" });
  });
});
