import type { ConsentEntity } from "../entities/consent.entity.js";
import { Consent } from "./consent.type.js";

/** The public shape of a stored consent; only the contract's fields leave the subgraph. */
export function toConsent(entity: ConsentEntity): Consent {
  return Object.assign(new Consent(), {
    ...entity.body,
    id: entity.id,
    status: entity.status,
    template: { id: entity.templateId },
    templateKey: entity.templateKey,
    templateVersion: entity.templateVersion,
    kind: entity.kind,
    subject: { id: entity.subjectId },
    authority: { id: entity.authorityId },
    thirdParty: entity.thirdPartyId ? { id: entity.thirdPartyId } : null,
    signers: entity.signers,
    signingLevel: entity.signingLevel,
    replacesConsentId: entity.replacesConsentId ?? null,
    caseReference: entity.caseReference ?? null,
    message: entity.message ?? null,
    returnUrl: entity.returnUrl ?? null,
    singleUse: entity.singleUse,
    channel: entity.channel ?? null,
    attestation: entity.attestation ?? null,
    answers: entity.answers ?? null,
    signatures: entity.signatures.map(({ signerId, onBehalfOfId, signedAt, ...signature }) => ({
      ...signature,
      signer: { id: signerId },
      onBehalfOf: onBehalfOfId ? { id: onBehalfOfId } : null,
      signedAt: new Date(signedAt),
      assuranceLevel: signature.assuranceLevel ?? null,
      loginTransactionId: signature.loginTransactionId ?? null,
    })),
    givers: entity.requiredSignerIds.map((id) => ({ id })),
    requestedAt: entity.requestedAt,
    answerBy: entity.answerBy ?? null,
    remindedAt: entity.remindedAt ?? null,
    answeredAt: entity.answeredAt ?? null,
    validFrom: entity.validFrom ?? null,
    validTo: entity.validTo ?? null,
    fixedValidTo: entity.fixedValidTo ?? null,
    endedAt: entity.endedAt ?? null,
    eraseAt: entity.eraseAt ?? null,
    followUpState: {
      status: entity.status,
      answerBy: entity.answerBy ?? null,
      reminderDueAt: entity.reminderDueAt ?? null,
      followUpDueAt: entity.followUpDueAt ?? null,
      followUpOpenedAt: entity.followUpOpenedAt ?? null,
      followUpDoneAt: entity.followUpDoneAt ?? null,
    },
  });
}
