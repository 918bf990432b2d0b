import { createHash, randomUUID } from "node:crypto";
import canonicalize from "canonicalize";
import { LockMode, UniqueConstraintViolationException, type EntityManager, type RequiredEntityData } from "@mikro-orm/postgresql";
import { ConflictError, NotFoundError, ValidationError } from "@samtykke/server-kit";
import type { ConsentAction } from "../domain/consent-state.js";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, Channel, createGiven, createRequest, dueAction, give, snapshotBody, type Attestation } from "../domain/consent.js";
import { inspectScan, SignatureMethod, type ChoiceAnswer } from "../domain/declaration.js";
import { ConsentAttachmentEntity } from "../entities/consent-attachment.entity.js";
import { checkValidity, mostRelevant, type ConsentCheckReason } from "../domain/validity.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { IdempotencyRecordEntity } from "../entities/idempotency-record.entity.js";
import type { ConsentContext } from "../context.js";

const notFound = (id: string) => new NotFoundError({ da: "Samtykket findes ikke.", en: "Consent not found." }, { id });

/**
 * Makes event ids commit in the order they are taken: the writer holds this lock from just before
 * its events are inserted until it commits. Without it, a reader past id 12 would never see id 11
 * committing after 12 (the outbox trap). Call it last in a writing transaction.
 */
export const EVENT_LOG_LOCK = 7_245_001;
export async function lockEventLog(em: EntityManager): Promise<void> {
  await em.execute("select pg_advisory_xact_lock(?)", [EVENT_LOG_LOCK]);
}

function recordEvent(em: EntityManager, consent: ConsentEntity, action: ConsentEventEntity["action"], occurredAt: Date) {
  em.create(ConsentEventEntity, {
    consentId: consent.id,
    action,
    status: consent.status,
    authorityId: consent.authorityId,
    subjectId: consent.subjectId,
    occurredAt,
  });
}

export async function findConsent(em: EntityManager, id: string): Promise<ConsentEntity> {
  const consent = await em.findOne(ConsentEntity, { id });
  if (!consent) throw notFound(id);
  return consent;
}

/**
 * A caseworker or case system asks a citizen for consent on a published template version. With an
 * idempotency key, a retry returns the consent the first call made and makes nothing new.
 */
export async function requestConsent(
  ctx: ConsentContext,
  input: { templateId: string; cpr: string; caseReference?: string | null; answerBy?: Date | null; idempotencyKey?: string | null },
): Promise<ConsentEntity> {
  const { template, subjectId } = await lookUp(ctx, input);
  const now = ctx.now();
  const request = createRequest({ template, subjectId, caseReference: input.caseReference, answerBy: input.answerBy, now });
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
  const scan = input.scan && { ...inspectScan(input.scan.content, input.scan.fileName), content: input.scan.content };
  const { template, subjectId } = await lookUp(ctx, input);
  const now = ctx.now();
  const id = randomUUID();
  const given = createGiven({ ...input, id, template, subjectId, attachments: scan ? [scan] : [], givenAt: input.givenAt ?? now, now });
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
      givenAt: given.validFrom.toISOString(),
    },
    (em) => {
      if (scan) em.create(ConsentAttachmentEntity, { ...scan, consentId: id, createdAt: now });
    },
  );
}

async function lookUp(ctx: ConsentContext, input: { templateId: string; cpr: string }) {
  const [template, subjectId] = await Promise.all([
    ctx.supergraph.template(input.templateId, ctx.requestId),
    ctx.supergraph.citizenIdByCpr(input.cpr, ctx.requestId),
  ]);
  return { template, subjectId };
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
      recordEvent(em, created, action, now);
      if (idempotency) em.create(IdempotencyRecordEntity, { ...idempotency, consentId: created.id, createdAt: now });
      await lockEventLog(em);
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

function requestHash(request: Record<string, unknown>): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

function validateIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (!trimmed || trimmed.length > 200) {
    throw new ValidationError(
      { da: "Idempotensnøglen skal være 1-200 tegn.", en: "The idempotency key must be 1-200 characters." },
      { field: "idempotencyKey" },
    );
  }
  return trimmed;
}

async function firstAnswer(
  em: EntityManager,
  idempotency: { authorityId: string; key: string; operation: string; requestHash: string },
): Promise<ConsentEntity | undefined> {
  const record = await em.findOne(IdempotencyRecordEntity, { authorityId: idempotency.authorityId, key: idempotency.key });
  if (!record) return undefined;
  if (record.operation !== idempotency.operation || record.requestHash !== idempotency.requestHash) {
    throw new ConflictError(
      {
        da: "Idempotensnøglen er allerede brugt til en anden anmodning.",
        en: "The idempotency key has already been used for a different request.",
      },
      { field: "idempotencyKey" },
    );
  }
  return findConsent(em, record.consentId);
}

/** The citizen gives a requested consent with their answers to its choices, signing exactly what they were shown. */
export async function giveConsent(ctx: ConsentContext, id: string, answers: readonly ChoiceAnswer[]): Promise<ConsentEntity> {
  return changeConsent(ctx, id, "give", (current, now) => ({
    ...give(current, { signerId: current.subjectId, method: SignatureMethod.DIGITAL, attestedBy: null, answers }, now),
    channel: Channel.DIGITAL,
  }));
}

/**
 * Moves one consent through the state machine (decline, withdraw, pause, resume, cancel, ...),
 * writing the change and its event in one transaction.
 */
export async function changeConsent(
  ctx: ConsentContext,
  id: string,
  action: ConsentAction,
  change: (current: ConsentEntity, now: Date) => object = (current, now) => applyAction(current, action as Exclude<ConsentAction, "give">, now),
): Promise<ConsentEntity> {
  const now = ctx.now();
  const consent = await ctx.em.transactional(async (em) => {
    // The row lock makes the status check and the change one step: two answers cannot both pass.
    const current = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!current) throw notFound(id);
    em.assign(current, change(current, now));
    recordEvent(em, current, action, now);
    if (current.replacesConsentId && (action === "give" || action === "decline")) {
      await endReplacedConsent(em, current.replacesConsentId, action === "give" ? "supersede" : "withdraw", now);
    }
    await lockEventLog(em);
    return current;
  });
  ctx.events.committed();
  return consent;
}

/**
 * Answering a re-consent request ends the consent it would replace: replaced by the new one on a
 * yes, withdrawn on a no. One that has ended meanwhile is left as it is.
 */
async function endReplacedConsent(em: EntityManager, id: string, action: "supersede" | "withdraw", now: Date) {
  const old = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!old || (old.status !== ConsentStatus.ACTIVE && old.status !== ConsentStatus.PAUSED)) return;
  em.assign(old, applyAction(old, action, now));
  recordEvent(em, old, action, now);
}

/**
 * Asks the holders of consents on older versions of a template key to consent again to a newly
 * published version whose texts or choices changed. Each holder gets one request; an open one is
 * not repeated, nor one a version bound to a case cannot be asked without. The old consents stay as they are until answered.
 */
export async function requestReconsent(ctx: ConsentContext, templateId: string): Promise<{ requested: number; skipped: number }> {
  const template = await ctx.supergraph.template(templateId, ctx.requestId);
  const now = ctx.now();
  const newBody = snapshotBody(template);
  const result = await ctx.em.fork().transactional(async (em) => {
    const holders = await em.find(
      ConsentEntity,
      {
        templateKey: template.key,
        authorityId: template.authorityId,
        templateVersion: { $lt: template.version },
        status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc" } },
    );
    const open = await em.find(
      ConsentEntity,
      { replacesConsentId: { $in: holders.map((holder) => holder.id) }, status: ConsentStatus.REQUESTED },
      { fields: ["replacesConsentId"] },
    );
    const alreadyAsked = new Set(open.map((request) => request.replacesConsentId));
    let requested = 0;
    for (const holder of holders) {
      if (alreadyAsked.has(holder.id) || sameBody(holder.body, newBody)) continue;
      // A version bound to a case cannot be asked about without one; such holders are counted as skipped.
      if (template.boundToCase && !holder.caseReference) continue;
      const request = em.create(ConsentEntity, {
        ...createRequest({ template, subjectId: holder.subjectId, caseReference: holder.caseReference, now }),
        replacesConsentId: holder.id,
      });
      recordEvent(em, request, "request", now);
      requested += 1;
    }
    if (requested) await lockEventLog(em);
    return { requested, skipped: holders.length - requested };
  });
  if (result.requested) ctx.events.committed();
  return result;
}

function sameBody(a: object, b: object): boolean {
  return canonicalize(a) === canonicalize(b);
}

/** Ends every consent still requested, in force or paused that belongs to a case the authority closed. */
export async function closeCase(ctx: ConsentContext, input: { authorityId: string; caseReference: string }): Promise<ConsentEntity[]> {
  const now = ctx.now();
  const closed = await ctx.em.transactional(async (em) => {
    const open = await em.find(
      ConsentEntity,
      {
        authorityId: input.authorityId,
        caseReference: input.caseReference.trim(),
        status: { $in: [ConsentStatus.REQUESTED, ConsentStatus.ACTIVE, ConsentStatus.PAUSED] },
      },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc" } },
    );
    for (const consent of open) {
      em.assign(consent, applyAction(consent, "closeCase", now));
      recordEvent(em, consent, "closeCase", now);
    }
    if (open.length) await lockEventLog(em);
    return open;
  });
  if (closed.length) ctx.events.committed();
  return closed;
}

/**
 * Lets time do its part: expires consents past their end and cancels requests past their answer
 * deadline, each with its event, in batches. Rows another instance is already handling are skipped.
 * Returns how many changed.
 */
export async function applyDueChanges(em: EntityManager, now: Date, batchSize = 100): Promise<number> {
  let changed = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.find(
        ConsentEntity,
        {
          $or: [
            { status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] }, validTo: { $lte: now } },
            { status: ConsentStatus.REQUESTED, answerBy: { $lte: now } },
          ],
        },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize },
      );
      for (const consent of due) {
        const action = dueAction(consent, now);
        if (!action) continue;
        tx.assign(consent, applyAction(consent, action, now));
        recordEvent(tx, consent, action, now);
      }
      if (due.length) await lockEventLog(tx);
      return due.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

/** "Is there a valid consent?" for a citizen and a template key, as a case system asks before it acts. */
export async function consentCheck(
  ctx: ConsentContext,
  input: { cpr: string; templateKey: string },
): Promise<{ valid: boolean; reason: ConsentCheckReason; consent: ConsentEntity | null }> {
  const subjectId = await ctx.supergraph.citizenIdByCpr(input.cpr, ctx.requestId);
  const candidates = await ctx.em.find(
    ConsentEntity,
    { subjectId, templateKey: input.templateKey },
    { orderBy: { requestedAt: "desc" }, limit: 100 },
  );
  const now = ctx.now();
  const consent = mostRelevant(candidates, now);
  return { ...checkValidity(consent, now), consent: consent ?? null };
}
