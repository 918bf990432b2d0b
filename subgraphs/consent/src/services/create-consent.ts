import { randomUUID } from "node:crypto";
import { UniqueConstraintViolationException, type EntityManager, type RequiredEntityData } from "@mikro-orm/postgresql";
import { requireAuthority, requireCaller } from "@samtykke/server-kit";
import { Channel, createGiven, createRequest, requiredSigners, type Attestation } from "../domain/consent.js";
import { inspectScan, type ChoiceAnswer } from "../domain/declaration.js";
import { ConsentAttachmentEntity } from "../entities/consent-attachment.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { IdempotencyRecordEntity } from "../entities/idempotency-record.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";
import { firstAnswer, requestHash, validateIdempotencyKey } from "./idempotency.js";

/**
 * A caseworker or case system asks a citizen for consent on a published template version. With an
 * idempotency key, a retry returns the consent the first call made and makes nothing new.
 */
export async function requestConsent(
  ctx: ConsentContext,
  input: { templateId: string; cpr: string; caseReference?: string | null; answerBy?: Date | null; idempotencyKey?: string | null },
): Promise<ConsentEntity> {
  requireCaller(ctx.caller, "caseworker", "system");
  const { template, subject } = await lookUp(ctx, input);
  requireAuthority(ctx.caller, template.authorityId);
  const now = ctx.now();
  const request = {
    ...createRequest({ template, subjectId: subject.id, caseReference: input.caseReference, answerBy: input.answerBy, now }),
    ...requiredSigners(template, subject),
  };
  const subjectId = subject.id;
  return createOnce(ctx, request, "request", input.idempotencyKey, template.authorityId, {
    operation: "requestConsent",
    templateId: template.id,
    subjectId,
    caseReference: request.caseReference,
    answerBy: input.answerBy?.toISOString() ?? null,
  });
}

/**
 * A consent given outside the platform's signing: registered by a caseworker who attests it
 * (ON_BEHALF), a signed paper form scanned and attested (PAPER), or delivered by a case system with
 * its evidence (API). It is in force from when it was given.
 */
export async function registerGivenConsent(
  ctx: ConsentContext,
  input: {
    templateId: string;
    cpr: string;
    caseReference?: string | null;
    channel: Channel.ON_BEHALF | Channel.API | Channel.PAPER;
    attestation: Attestation;
    answers: readonly ChoiceAnswer[];
    givenAt?: Date | null;
    idempotencyKey?: string | null;
    scan?: { fileName: string; content: Buffer };
  },
): Promise<ConsentEntity> {
  requireCaller(ctx.caller, input.channel === Channel.API ? "system" : "caseworker");
  const scan = input.scan && { ...inspectScan(input.scan.content, input.scan.fileName), content: input.scan.content };
  const { template, subject } = await lookUp(ctx, input);
  requireAuthority(ctx.caller, template.authorityId);
  const subjectId = subject.id;
  const now = ctx.now();
  const id = randomUUID();
  const given = createGiven({ ...input, id, template, subject, attachments: scan ? [scan] : [], givenAt: input.givenAt ?? now, now });
  const action = ({ [Channel.API]: "deliver", [Channel.PAPER]: "upload", [Channel.ON_BEHALF]: "register" } as const)[input.channel];
  return createOnce(
    ctx,
    given,
    action,
    input.idempotencyKey,
    template.authorityId,
    {
      operation: input.channel,
      templateId: template.id,
      subjectId,
      caseReference: given.caseReference,
      attestation: given.attestation,
      answers: given.answers,
      scan: scan?.sha256 ?? null,
      givenAt: given.validFrom!.toISOString(),
    },
    (em) => {
      if (scan) em.create(ConsentAttachmentEntity, { ...scan, consentId: id, createdAt: now });
    },
  );
}

async function lookUp(ctx: ConsentContext, input: { templateId: string; cpr: string }) {
  const [template, subject] = await Promise.all([ctx.supergraph.template(input.templateId, ctx), ctx.supergraph.requestSubject(input.cpr, ctx)]);
  return { template, subject };
}

/** Creates a consent with its first event, once per idempotency key when one is given. */
async function createOnce(
  ctx: ConsentContext,
  data: RequiredEntityData<ConsentEntity>,
  action: "request" | "register" | "deliver" | "upload",
  idempotencyKey: string | null | undefined,
  authorityId: string,
  // What makes two calls the same call; the citizen's id, never the CPR number, goes into it.
  identity: Record<string, unknown> & { operation: string },
  alongside?: (em: EntityManager) => void,
): Promise<ConsentEntity> {
  const idempotency = idempotencyKey
    ? { authorityId, key: validateIdempotencyKey(idempotencyKey), operation: identity.operation, requestHash: requestHash(identity) }
    : undefined;
  if (idempotency) {
    const earlier = await firstAnswer(ctx.em, idempotency);
    if (earlier) return earlier;
  }
  const now = ctx.now();
  try {
    const consent = await ctx.em.fork().transactional(async (em) => {
      const created = em.create(ConsentEntity, data);
      alongside?.(em);
      recordEvent(em, created, action, now, actorOf(ctx.caller, null, action === "request" ? { channel: null } : { channel: created.channel ?? null, reason: created.attestation?.statement ?? null }));
      if (idempotency) em.create(IdempotencyRecordEntity, { ...idempotency, consentId: created.id, createdAt: now });
      await sealChanges(em);
      return created;
    });
    ctx.events.committed();
    return consent;
  } catch (error) {
    // A concurrent retry with the same key committed first: answer as it did.
    if (idempotency && error instanceof UniqueConstraintViolationException) {
      const earlier = await firstAnswer(ctx.em.fork(), idempotency);
      if (earlier) return earlier;
    }
    throw error;
  }
}
