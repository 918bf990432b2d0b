import type { ConsentEntity } from "../entities/consent.entity.js";
import { Consent } from "./consent.type.js";

/** The public shape of a stored consent; only the contract's fields leave the subgraph. */
export function toConsent(entity: ConsentEntity): Consent {
  return Object.assign(new Consent(), {
    id: entity.id,
    status: entity.status,
    template: { id: entity.templateId },
    templateKey: entity.templateKey,
    templateVersion: entity.templateVersion,
    subject: { id: entity.subjectId },
    authority: { id: entity.authorityId },
    caseReference: entity.caseReference ?? null,
    singleUse: entity.singleUse,
    channel: entity.channel ?? null,
    attestation: entity.attestation ?? null,
    title: entity.body.title,
    purpose: entity.body.purpose,
    requestedAt: entity.requestedAt,
    answerBy: entity.answerBy ?? null,
    answeredAt: entity.answeredAt ?? null,
    validFrom: entity.validFrom ?? null,
    validTo: entity.validTo ?? null,
    endedAt: entity.endedAt ?? null,
  });
}
