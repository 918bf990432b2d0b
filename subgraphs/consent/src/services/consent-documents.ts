import { createHash } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { NotFoundError } from "@samtykke/server-kit";
import { contentHash, isIntact, signedContent } from "../domain/declaration.js";
import { ConsentAttachmentEntity } from "../entities/consent-attachment.entity.js";
import { findConsent } from "./consent-reads.js";
import { DOCUMENT_FORMAT, sealDocument, type ConsentDocument, type SealKey } from "../domain/consent-document.js";
import type { ConsentEntity } from "../entities/consent.entity.js";
import { toFhirConsent } from "../domain/fhir.js";
import { toIso27560Receipt, toIso27560Record } from "../domain/iso27560.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import type { SupergraphClient } from "./supergraph-client.js";

export async function consentAttachments(em: EntityManager, consentId: string) {
  return em.find(
    ConsentAttachmentEntity,
    { consentId },
    { fields: ["id", "fileName", "mediaType", "size", "sha256"], orderBy: { createdAt: "asc" } },
  );
}

/** The stored content of a consent, hashed again and held against its signatures. */
export async function consentIntegrity(em: EntityManager, consentId: string) {
  const [consent, files] = await Promise.all([
    findConsent(em, consentId),
    em.find(ConsentAttachmentEntity, { consentId }, { populate: ["content"], orderBy: { createdAt: "asc" } }),
  ]);
  // The files are hashed again too: a swapped scan must show, not only a changed text.
  const attachments = files.map((file) => ({ ...file, sha256: createHash("sha256").update(file.content).digest("hex") }));
  const content = signedContent({ ...consent, attachments });
  return { contentHash: contentHash(content), intact: isIntact(content, consent.signatures) };
}

export const noSuchFile = (id: string) => new NotFoundError({ da: "Filen findes ikke.", en: "File not found." }, { id });

export async function attachmentContent(em: EntityManager, id: string): Promise<{ consentId: string; content: Buffer }> {
  const attachment = await em.findOne(ConsentAttachmentEntity, { id }, { populate: ["content"] });
  if (!attachment) throw noSuchFile(id);
  return { consentId: attachment.consentId, content: attachment.content };
}

/** The consent as its sealed exchange-format document, as it stands now. */
export async function consentDocument(em: EntityManager, consent: ConsentEntity, key: SealKey, now: Date): Promise<ConsentDocument> {
  const attachments = await em.find(ConsentAttachmentEntity, { consentId: consent.id }, { fields: ["fileName", "mediaType", "sha256"], orderBy: { createdAt: "asc" } });
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  return sealDocument(
    {
      format: DOCUMENT_FORMAT,
      issuedAt: now.toISOString(),
      signed: signedContent({ ...consent, attachments }),
      state: {
        status: consent.status,
        givers: consent.requiredSignerIds.length ? consent.requiredSignerIds : [consent.subjectId],
        channel: consent.channel ?? null,
        validFrom: iso(consent.validFrom),
        validTo: iso(consent.validTo),
        endedAt: iso(consent.endedAt),
        attestation: consent.attestation ?? null,
      },
      signatures: consent.signatures,
    },
    key,
  );
}

/** The consent as an HL7 FHIR R5 Consent resource, its scans as source attachments. */
export async function consentFhir(em: EntityManager, consent: ConsentEntity): Promise<Record<string, unknown>> {
  const attachments = await em.find(ConsentAttachmentEntity, { consentId: consent.id }, { fields: ["id", "fileName", "mediaType", "size", "sha256"], orderBy: { createdAt: "asc" } });
  return toFhirConsent({ ...consent, attachments });
}

/**
 * The consent as an ISO/IEC TS 27560 receipt around its consent record: the organisations from the
 * party subgraph (public facts), every state it went through from the event log.
 */
export async function consentIso27560(em: EntityManager, supergraph: SupergraphClient, consent: ConsentEntity, requestId: string, now: Date) {
  const [events, organisations] = await Promise.all([
    em.find(ConsentEventEntity, { consentId: consent.id }, { orderBy: { id: "asc" } }),
    supergraph.organisations(consent.authorityId, consent.thirdPartyId ?? null, requestId),
  ]);
  return toIso27560Receipt(toIso27560Record({ ...consent, ...organisations, events }), now);
}
