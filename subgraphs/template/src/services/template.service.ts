import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import { NotFoundError } from "@samtykke/server-kit";
import { TemplateStatus, type AssuranceLevel, type DeclarationKind, type Signers, type TemplateContent } from "../domain/template.js";
import { nextVersion, requireEditable, requirePlainOrReason, transitionTemplate, validateDraft } from "../domain/template-lifecycle.js";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";

const notFound = (id: string) => new NotFoundError({ da: "Skabelonen findes ikke.", en: "Template not found." }, { id });

/** What a draft holds, apart from whose it is and its key. */
export interface DraftContent {
  kind: DeclarationKind;
  content: TemplateContent;
  defaultValidityDays?: number | null;
  fixedValidTo?: Date | null;
  singleUse?: boolean;
  boundToCase?: boolean;
  signers?: Signers;
  signingLevel?: AssuranceLevel;
  thirdPartyId?: string | null;
  reminderAfterDays?: number | null;
  followUpAfterDays?: number | null;
  retentionDays?: number | null;
  informCustodyHolders?: boolean;
}

/** A new draft: the first version of a new key, or the next version of one the authority owns. */
export async function createTemplate(em: EntityManager, input: DraftContent & { authorityId: string; key: string }, now: Date): Promise<ConsentTemplateEntity> {
  const draft = validateDraft(input, now);
  return em.transactional(async (tx) => {
    // Versions of one key are numbered under a lock on the key, so two drafts cannot share a number.
    await tx.execute("select pg_advisory_xact_lock(hashtext(?))", [draft.key]);
    const existing = await tx.find(ConsentTemplateEntity, { key: draft.key }, { fields: ["authorityId", "version"] });
    return tx.create(ConsentTemplateEntity, {
      ...draft,
      singleUse: input.singleUse ?? false,
      boundToCase: input.boundToCase ?? false,
      informCustodyHolders: input.informCustodyHolders ?? false,
      ...(input.signers && { signers: input.signers }),
      ...(input.signingLevel && { signingLevel: input.signingLevel }),
      thirdPartyId: input.thirdPartyId ?? null,
      version: nextVersion(existing, input.authorityId),
      status: TemplateStatus.DRAFT,
      kind: input.kind,
      authorityId: input.authorityId,
    });
  });
}

/** Replaces everything a draft says; only a draft, and only by its own authority. */
export async function updateTemplateDraft(
  em: EntityManager,
  id: string,
  input: DraftContent,
  now: Date,
  authorize: (template: ConsentTemplateEntity) => void,
): Promise<ConsentTemplateEntity> {
  return em.transactional(async (tx) => {
    const template = await tx.findOne(ConsentTemplateEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!template) throw notFound(id);
    authorize(template);
    requireEditable(template.status);
    const draft = validateDraft({ ...input, key: template.key }, now);
    tx.assign(template, {
      content: draft.content,
      defaultValidityDays: draft.defaultValidityDays,
      fixedValidTo: draft.fixedValidTo,
      reminderAfterDays: draft.reminderAfterDays,
      followUpAfterDays: draft.followUpAfterDays,
      retentionDays: draft.retentionDays,
      kind: input.kind,
      singleUse: input.singleUse ?? false,
      boundToCase: input.boundToCase ?? false,
      informCustodyHolders: input.informCustodyHolders ?? false,
      ...(input.signers && { signers: input.signers }),
      ...(input.signingLevel && { signingLevel: input.signingLevel }),
      thirdPartyId: input.thirdPartyId ?? null,
    });
    return template;
  });
}

/**
 * Publishes a draft; earlier published versions of its key retire, so caseworkers ask with the
 * newest while consents keep the version they were given on.
 */
export async function publishTemplate(
  em: EntityManager,
  id: string,
  now: Date,
  authorize: (template: ConsentTemplateEntity) => void,
  readabilityReason: string | null = null,
): Promise<ConsentTemplateEntity> {
  return em.transactional(async (tx) => {
    const template = await tx.findOne(ConsentTemplateEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!template) throw notFound(id);
    authorize(template);
    template.status = transitionTemplate(template.status, "publish");
    template.readabilityReason = requirePlainOrReason(template.content, readabilityReason);
    template.publishedAt = now;
    const older = await tx.find(ConsentTemplateEntity, { key: template.key, status: TemplateStatus.PUBLISHED, id: { $ne: id } });
    for (const previous of older) previous.status = transitionTemplate(previous.status, "retire");
    return template;
  });
}

/** Retires a published version: no new requests on it; consents given on it are unaffected. */
export async function retireTemplate(em: EntityManager, id: string, authorize: (template: ConsentTemplateEntity) => void): Promise<ConsentTemplateEntity> {
  return em.transactional(async (tx) => {
    const template = await tx.findOne(ConsentTemplateEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!template) throw notFound(id);
    authorize(template);
    template.status = transitionTemplate(template.status, "retire");
    return template;
  });
}
