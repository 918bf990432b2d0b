import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { CompactSign, compactVerify, importJWK, type JWK } from "jose";
import { ValidationError } from "@samtykke/server-kit";
import { contentHash, type SignedContent, type Signature } from "./declaration.js";

/**
 * The consent as one self-contained document in the common exchange format: what the givers signed
 * (`signed`: header and body, exactly as hashed into their signatures), how it stands now (`state`),
 * the signatures, and the platform's seal over all of it. Anyone can verify it offline with the
 * platform's published keys (JWKS): the seal is a JWS (ES256) over the SHA-256 of the RFC 8785
 * canonical JSON of the document without its seal.
 */
export const DOCUMENT_FORMAT = "samtykke.consent-document/1";

export interface ConsentState {
  status: string;
  givers: string[];
  channel: string | null;
  validFrom: string | null;
  validTo: string | null;
  endedAt: string | null;
  attestation: { attestedBy: string; statement: string } | null;
}

export interface UnsealedDocument {
  format: typeof DOCUMENT_FORMAT;
  issuedAt: string;
  signed: SignedContent;
  state: ConsentState;
  signatures: Signature[];
}

export interface ConsentDocument extends UnsealedDocument {
  seal: { alg: "ES256"; kid: string; jws: string };
}

/** A private signing key of the platform, and its id in the published JWKS. */
export interface SealKey {
  kid: string;
  privateJwk: JWK;
}

export function documentDigest(document: UnsealedDocument): string {
  return createHash("sha256").update(canonicalize(document)!, "utf8").digest("hex");
}

/** Seals a document with the platform's active key. */
export async function sealDocument(document: UnsealedDocument, key: SealKey): Promise<ConsentDocument> {
  const privateKey = await importJWK(key.privateJwk, "ES256");
  const payload = new TextEncoder().encode(JSON.stringify({ sha256: documentDigest(document), consentId: document.signed.header.id, issuedAt: document.issuedAt }));
  const jws = await new CompactSign(payload).setProtectedHeader({ alg: "ES256", kid: key.kid }).sign(privateKey);
  return { ...document, seal: { alg: "ES256", kid: key.kid, jws } };
}

export enum DocumentVerdict {
  VALID = "VALID",
  TAMPERED = "TAMPERED",
  UNKNOWN_KEY = "UNKNOWN_KEY",
  MALFORMED = "MALFORMED",
}

export interface DocumentVerification {
  verdict: DocumentVerdict;
  /** Why, in words a person reads. */
  why: string;
  kid: string | null;
}

/**
 * The largest document worth verifying, as JSON: a consent's texts, choices, answers and signatures
 * (attachments are in it by their hash) take a few kilobytes; anything near this is not one.
 */
export const MAX_DOCUMENT_BYTES = 512 * 1024;

/** Refuses a document too large to be one before any hashing or signature check spends CPU on it. */
export function requireDocumentSize(candidate: unknown): void {
  if (Buffer.byteLength(JSON.stringify(candidate) ?? "", "utf8") <= MAX_DOCUMENT_BYTES) return;
  throw new ValidationError({
    da: `Dokumentet er for stort til at være et samtykkedokument (højst ${MAX_DOCUMENT_BYTES / 1024} kB).`,
    en: `The document is too large to be a consent document (at most ${MAX_DOCUMENT_BYTES / 1024} kB).`,
  });
}

/**
 * Checks a document against the platform's public keys: the seal's key is known and its signature
 * holds, the document is what was sealed, and what the givers signed still hashes to their
 * signatures. The first failure is the answer.
 */
export async function verifyDocument(candidate: unknown, publicKeys: readonly JWK[]): Promise<DocumentVerification> {
  const document = candidate as Partial<ConsentDocument> | null;
  if (!document || document.format !== DOCUMENT_FORMAT || !document.seal?.jws || !document.signed || !Array.isArray(document.signatures)) {
    return { verdict: DocumentVerdict.MALFORMED, why: `Not a ${DOCUMENT_FORMAT} document with a seal.`, kid: null };
  }
  const { seal, ...unsealed } = document as ConsentDocument;
  const key = publicKeys.find((candidateKey) => candidateKey.kid === seal.kid);
  if (!key) return { verdict: DocumentVerdict.UNKNOWN_KEY, why: `The seal's key ${seal.kid} is not among the platform's published keys.`, kid: seal.kid };
  let claimed: { sha256?: string };
  try {
    const { payload } = await compactVerify(seal.jws, await importJWK(key, "ES256"), { algorithms: ["ES256"] });
    claimed = JSON.parse(new TextDecoder().decode(payload)) as { sha256?: string };
  } catch {
    return { verdict: DocumentVerdict.TAMPERED, why: "The seal's signature does not verify with the platform's key.", kid: seal.kid };
  }
  if (claimed.sha256 !== documentDigest(unsealed)) {
    return { verdict: DocumentVerdict.TAMPERED, why: "The document has changed since the platform sealed it.", kid: seal.kid };
  }
  const signedHash = contentHash(unsealed.signed);
  const broken = unsealed.signatures.find((signature) => signature.contentHash !== signedHash);
  if (broken) {
    return { verdict: DocumentVerdict.TAMPERED, why: "What the givers signed no longer matches their signatures.", kid: seal.kid };
  }
  return { verdict: DocumentVerdict.VALID, why: "Sealed by the platform, unchanged since, and every signature matches what was signed.", kid: seal.kid };
}

/** The public half of a key, as published in the JWKS. */
export function publicJwk(key: SealKey): JWK {
  const { d: _private, ...rest } = key.privateJwk;
  return { ...rest, kid: key.kid, alg: "ES256", use: "sig" };
}
