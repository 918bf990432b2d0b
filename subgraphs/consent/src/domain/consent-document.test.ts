import { describe, expect, it } from "vitest";
import { generateSealKey } from "../services/seal-keys.js";
import { DOCUMENT_FORMAT, DocumentVerdict, publicJwk, sealDocument, verifyDocument, type UnsealedDocument } from "./consent-document.js";
import { contentHash, SignatureMethod, type SignedContent } from "./declaration.js";

const text = { da: "tekst", en: "text" };
const signed: SignedContent = {
  header: { id: "c1", templateKey: "k", templateVersion: 1, kind: "CONSENT", subjectId: "s1", authorityId: "a1", thirdPartyId: null, caseReference: null, validityDays: 30, fixedValidTo: null, singleUse: false },
  body: { title: text, purpose: text, dataCovered: text, partiesCovered: text, consequencesOfYes: text, consequencesOfNo: text, howToWithdraw: text, choices: [], answers: [], attachments: [] },
} as SignedContent;
const unsealed: UnsealedDocument = {
  format: DOCUMENT_FORMAT,
  issuedAt: "2026-11-23T12:00:00.000Z",
  signed,
  state: { status: "ACTIVE", givers: ["s1"], channel: "DIGITAL", validFrom: null, validTo: null, endedAt: null, attestation: null },
  signatures: [{ signerId: "s1", method: SignatureMethod.DIGITAL, attestedBy: null, contentHash: contentHash(signed), signedAt: "2026-11-23T11:00:00.000Z" }],
};

describe("sealing and verifying a consent document", () => {
  it("verifies a sealed document, also after the key is rotated out as long as it is published", async () => {
    const [old, current] = [await generateSealKey(), await generateSealKey()];
    const document = await sealDocument(unsealed, old);
    expect((await verifyDocument(document, [publicJwk(old)])).verdict).toBe(DocumentVerdict.VALID);
    expect((await verifyDocument(document, [publicJwk(current), publicJwk(old)])).verdict).toBe(DocumentVerdict.VALID);
    expect((await verifyDocument(document, [publicJwk(current)])).verdict).toBe(DocumentVerdict.UNKNOWN_KEY);
  });

  it("finds a changed byte, a forged seal and a signature that no longer matches what was signed", async () => {
    const key = await generateSealKey();
    const document = await sealDocument(unsealed, key);
    const keys = [publicJwk(key)];
    expect((await verifyDocument({ ...document, issuedAt: "2026-11-23T12:00:00.001Z" }, keys)).verdict).toBe(DocumentVerdict.TAMPERED);
    const [head, payload] = document.seal.jws.split(".");
    expect((await verifyDocument({ ...document, seal: { ...document.seal, jws: `${head}.${payload}.AAAA` } }, keys)).verdict).toBe(DocumentVerdict.TAMPERED);
    // Re-sealed by the platform after what was signed changed: the seal holds, the givers' signatures do not.
    const resealed = await sealDocument({ ...unsealed, signed: { ...signed, header: { ...signed.header, caseReference: "X" } } }, key);
    expect(await verifyDocument(resealed, keys)).toMatchObject({ verdict: DocumentVerdict.TAMPERED, why: expect.stringContaining("givers signed") });
    expect((await verifyDocument({ hello: "world" }, keys)).verdict).toBe(DocumentVerdict.MALFORMED);
  });
});
