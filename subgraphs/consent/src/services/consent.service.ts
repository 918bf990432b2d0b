import { createHash } from "node:crypto";
import { LockMode, UniqueConstraintViolationException, type EntityManager, type RequiredEntityData } from "@mikro-orm/postgresql";
import { ConflictError, NotFoundError, ValidationError } from "@samtykke/server-kit";
import type { ConsentAction } from "../domain/consent-state.js";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, Channel, createGiven, createRequest, dueAction, type Attestation } from "../domain/consent.js";
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
 * (ON_BEHALF), or delivered by a case system with its evidence (API). It is in force at once.
 */
export async function registerGivenConsent(
  ctx: ConsentContext,
  input: {
    templateId: string;
    cpr: string;
    caseReference?: string | null;
    channel: Channel.ON_BEHALF | Channel.API;
    attestation: Attestation;
    givenAt?: Date | null;
    idempotencyKey?: string | null;
  },
): Promise<ConsentEntity> {
  const { template, subjectId } = await lookUp(ctx, input);
  const now = ctx.now();
  const given = createGiven({ ...input, template, subjectId, givenAt: input.givenAt ?? now, now });
  return createOnce(ctx, given, input.channel === Channel.API ? "deliver" : "register", input.idempotencyKey, template.authorityId, {
    operation: input.channel,
    templateId: template.id,
    subjectId,
    caseReference: given.caseReference,
    attestation: given.attestation,
    givenAt: given.validFrom.toISOString(),
  });
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
  action: "request" | "register" | "deliver",
  idempotencyKey: string | null | undefined,
  authorityId: string,
  // What makes two calls the same call; the citizen's id, never the CPR number, goes into it.
  identity: Record<string, unknown> & { operation: string },
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

/**
 * Moves one consent through the state machine (give, decline, withdraw, pause, resume, cancel),
 * writing the change and its event in one transaction.
 */
export async function changeConsent(ctx: ConsentContext, id: string, action: ConsentAction): Promise<ConsentEntity> {
  const now = ctx.now();
  const consent = await ctx.em.transactional(async (em) => {
    // The row lock makes the status check and the change one step: two answers cannot both pass.
    const current = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!current) throw notFound(id);
    em.assign(current, applyAction(current, action, now));
    recordEvent(em, current, action, now);
    await lockEventLog(em);
    return current;
  });
  ctx.events.committed();
  return consent;
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
