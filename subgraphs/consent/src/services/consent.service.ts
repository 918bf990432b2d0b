import { createHash, randomUUID } from "node:crypto";
import canonicalize from "canonicalize";
import { LockMode, UniqueConstraintViolationException, type EntityManager, type RequiredEntityData } from "@mikro-orm/postgresql";
import { ConflictError, NotFoundError, requireAuthority, requireCaller, ValidationError } from "@samtykke/server-kit";
import { requireAnswerer, requireHolderAction, requireRead, requireSigning } from "../domain/access.js";
import type { ConsentAction } from "../domain/consent-state.js";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction, Channel, createGiven, createRequest, dueAction, give, handOverRequest, requiredSigners, snapshotBody, type Attestation } from "../domain/consent.js";
import { inspectScan, SignatureMethod, type ChoiceAnswer } from "../domain/declaration.js";
import { ConsentAttachmentEntity } from "../entities/consent-attachment.entity.js";
import { checkRecipient, checkValidity, mostRelevant, type ConsentCheckReason } from "../domain/validity.js";
import { ActorKind, ConsentEventEntity, type ConsentEventAction } from "../entities/consent-event.entity.js";
import type { AuditFacts } from "../domain/audit-chain.js";
import { actorOf, PLATFORM_ACTOR, type EventActor } from "./actor.js";
import { appendAudit, auditFacts } from "./audit.js";
import { COMMIT_CHANNEL } from "./commit-listener.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { needsStopConfirmation, requireStopConfirmer, type Recipient } from "../domain/stop-confirmation.js";
import type { StopConfirmationEntity } from "../entities/stop-confirmation.entity.js";
import { expectStopConfirmations, markStopped } from "./stop-confirmations.js";
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

// What a transaction's changes leave to do when it seals (see `sealChanges`): their audit entries,
// and the endings whose recipients must confirm that they stopped.
interface PendingSeal {
  audit: AuditFacts[];
  endings: { consent: ConsentEntity; endedAt: Date }[];
}
const pendingSeals = new WeakMap<EntityManager, PendingSeal>();

function recordEvent(em: EntityManager, consent: ConsentEntity, action: ConsentEventAction, occurredAt: Date, actor: EventActor) {
  em.create(ConsentEventEntity, {
    consentId: consent.id,
    action,
    status: consent.status,
    authorityId: consent.authorityId,
    subjectId: consent.subjectId,
    occurredAt,
    ...actor,
  });
  let pending = pendingSeals.get(em);
  if (!pending) pendingSeals.set(em, (pending = { audit: [], endings: [] }));
  pending.audit.push(auditFacts({ ...actor, authorityId: actingFor(actor, consent) }, action, consent, { occurredAt, purpose: actor.reason ?? null }));
  if (action !== "confirmStop" && needsStopConfirmation(consent.status)) pending.endings.push({ consent, endedAt: occurredAt });
}

/** The organisation an actor acts for, as the audit names it: the authority for its staff, the third party for its systems. */
function actingFor(actor: EventActor, consent: ConsentEntity): string | null {
  if (actor.actorKind === ActorKind.CASEWORKER || actor.actorKind === ActorKind.CASE_SYSTEM) return consent.authorityId;
  if (actor.actorKind === ActorKind.THIRD_PARTY) return consent.thirdPartyId ?? null;
  return null;
}

/**
 * Last in a writing transaction: its events take their place in the log (`lockEventLog`) and its
 * audit entries theirs in the chain, both committed with the change or not at all, as are the
 * confirmations an ending asks of the systems that knew the consent.
 */
async function sealChanges(em: EntityManager): Promise<void> {
  const pending = pendingSeals.get(em);
  pendingSeals.delete(em);
  await expectStopConfirmations(em, pending?.endings ?? []);
  await lockEventLog(em);
  // Delivered by PostgreSQL at commit, to every instance's commit listener.
  await em.execute(`select pg_notify('${COMMIT_CHANNEL}', '')`);
  await appendAudit(em, pending?.audit ?? []);
}

export async function findConsent(em: EntityManager, id: string): Promise<ConsentEntity> {
  const consent = await em.findOne(ConsentEntity, { id });
  if (!consent) throw notFound(id);
  return consent;
}

/** A consent the caller may read (the authority that holds it, the citizens it concerns or who act for them). */
export async function readConsent(ctx: ConsentContext, id: string): Promise<ConsentEntity> {
  // Who is asking comes before whether it exists: an anonymous caller learns nothing of ids.
  requireCaller(ctx.caller, "citizen", "caseworker", "system");
  const consent = await findConsent(ctx.em, id);
  requireRead(ctx.caller, consent, await ctx.representation());
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
 * A citizen gives a requested consent with their answers to its choices, signing exactly what they
 * were shown, with the level and transaction of their login. With two custody holders the first
 * signature leaves it REQUESTED (event "sign"); the last makes it ACTIVE.
 */
export async function giveConsent(ctx: ConsentContext, id: string, answers: readonly ChoiceAnswer[]): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "citizen");
  const representation = await ctx.representation();
  return changeConsent(ctx, id, "give", (current, now) => {
    const answerer = requireAnswerer(caller, current, representation);
    const signing = {
      signerId: answerer.signerId,
      onBehalfOfId: answerer.onBehalfOfId,
      method: SignatureMethod.DIGITAL,
      attestedBy: null,
      answers,
      assuranceLevel: caller.level,
      loginTransactionId: caller.transactionId,
    };
    const given = give(current, signing, now);
    requireSigning(caller);
    const action = given.status === ConsentStatus.ACTIVE ? "give" : "sign";
    return {
      change: { ...given, ...(action === "give" ? { channel: Channel.DIGITAL } : {}) },
      action,
      actor: actorOf(caller, representation, { onBehalfOfId: answerer.onBehalfOfId }),
    };
  });
}

/** What one change does to a consent, which event records it and who made it. */
export interface ConsentChangeOutcome {
  change: object;
  action?: ConsentEventAction;
  actor: EventActor;
}

/**
 * The answers, ends and suspensions the citizen side and the authority make (decline, withdraw,
 * pause, resume, cancel, markUsed), each checked against who the caller is before the state machine.
 */
export async function actOnConsent(
  ctx: ConsentContext,
  id: string,
  action: Exclude<ConsentAction, "give" | "expire" | "closeCase" | "supersede" | "markUsed">,
  reason?: string | null,
): Promise<ConsentEntity> {
  const caller = ctx.caller;
  requireCaller(caller, "citizen", "caseworker", "system");
  const representation = await ctx.representation();
  return changeConsent(ctx, id, action, (current, now) => {
    let actor: EventActor;
    if (action === "decline") {
      const answerer = requireAnswerer(caller, current, representation);
      actor = actorOf(caller, representation, { onBehalfOfId: answerer.onBehalfOfId });
    } else if (action === "withdraw" || action === "pause" || action === "resume") {
      const relation = requireHolderAction(caller, current, representation, action);
      const onBehalfOfId = relation === "SUBJECT" ? null : current.subjectId;
      actor = actorOf(caller, representation, { onBehalfOfId, reason: relation === "AUTHORITY" ? requiredReason(reason) : (reason?.trim() || null) });
    } else {
      requireAuthority(caller, current.authorityId, "caseworker");
      actor = actorOf(caller, representation, { reason: reason?.trim() || null });
    }
    return { change: applyAction(current, action, now), actor };
  });
}

/**
 * A case system records that a single-use consent was used. With an idempotency key, a retry (the
 * answer was lost) gets the consent as the first call left it instead of an INVALID_TRANSITION.
 */
export async function markConsentUsed(ctx: ConsentContext, id: string, idempotencyKey?: string | null): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const idempotency = idempotencyKey
    ? { authorityId: caller.authorityId, key: validateIdempotencyKey(idempotencyKey), operation: "markConsentUsed", requestHash: requestHash({ operation: "markConsentUsed", id }) }
    : undefined;
  if (idempotency) {
    const earlier = await firstAnswer(ctx.em, idempotency);
    if (earlier) return earlier;
  }
  try {
    return await changeConsent(
      ctx,
      id,
      "markUsed",
      (current, now) => {
        requireAuthority(caller, current.authorityId);
        return { change: applyAction(current, "markUsed", now), actor: actorOf(caller, null) };
      },
      (em, consent, now) => {
        if (idempotency) em.create(IdempotencyRecordEntity, { ...idempotency, consentId: consent.id, createdAt: now });
      },
    );
  } catch (error) {
    if (idempotency && error instanceof UniqueConstraintViolationException) {
      const earlier = await firstAnswer(ctx.em.fork(), idempotency);
      if (earlier) return earlier;
    }
    throw error;
  }
}

const MAX_REASON = 1_000;

/** A caseworker who ends a consent for the citizen says how the citizen asked for it. */
function requiredReason(reason: string | null | undefined): string {
  const trimmed = reason?.trim() ?? "";
  if (!trimmed || trimmed.length > MAX_REASON) {
    throw new ValidationError(
      {
        da: `Skriv hvordan borgeren bad om at trække samtykket tilbage (højst ${MAX_REASON} tegn).`,
        en: `Say how the citizen asked to withdraw the consent (at most ${MAX_REASON} characters).`,
      },
      { field: "reason" },
    );
  }
  return trimmed;
}

/**
 * Moves one consent through the state machine, writing the change and its event in one
 * transaction. `decide` sees the locked row, so who-may-do-what is checked against what is stored.
 */
async function changeConsent(
  ctx: ConsentContext,
  id: string,
  action: ConsentAction,
  decide: (current: ConsentEntity, now: Date) => ConsentChangeOutcome,
  alongside?: (em: EntityManager, consent: ConsentEntity, now: Date) => void,
): Promise<ConsentEntity> {
  const now = ctx.now();
  const consent = await ctx.em.transactional(async (em) => {
    // The row lock makes the status check and the change one step: two answers cannot both pass.
    const current = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!current) throw notFound(id);
    const outcome = decide(current, now);
    em.assign(current, outcome.change);
    const recorded = outcome.action ?? action;
    recordEvent(em, current, recorded, now, outcome.actor);
    alongside?.(em, current, now);
    if (current.replacesConsentId && (recorded === "give" || recorded === "decline")) {
      await endReplacedConsent(em, current.replacesConsentId, recorded === "give" ? "supersede" : "withdraw", now, outcome.actor);
    }
    await sealChanges(em);
    return current;
  });
  ctx.events.committed();
  return consent;
}

/**
 * Answering a re-consent request ends the consent it would replace: replaced by the new one on a
 * yes, withdrawn on a no. One that has ended meanwhile is left as it is.
 */
async function endReplacedConsent(em: EntityManager, id: string, action: "supersede" | "withdraw", now: Date, actor: EventActor) {
  const old = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!old || (old.status !== ConsentStatus.ACTIVE && old.status !== ConsentStatus.PAUSED)) return;
  em.assign(old, applyAction(old, action, now));
  recordEvent(em, old, action, now, actor);
}

/**
 * Asks the holders of consents on older versions of a template key to consent again to a newly
 * published version whose texts or choices changed. Each holder gets one request; an open one is
 * not repeated, nor one a version bound to a case cannot be asked without. The old consents stay as they are until answered.
 */
export async function requestReconsent(ctx: ConsentContext, templateId: string): Promise<{ requested: number; skipped: number }> {
  requireCaller(ctx.caller, "caseworker");
  const template = await ctx.supergraph.template(templateId, ctx);
  requireAuthority(ctx.caller, template.authorityId, "caseworker");
  const actor = actorOf(ctx.caller, null, { channel: null, reason: `re-consent to version ${template.version}` });
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
        // The same people sign again; a child's holders as they were asked, until the handover.
        requiredSignerIds: holder.requiredSignerIds,
        subjectComesOfAgeOn: holder.subjectComesOfAgeOn ?? null,
        signers: template.signers,
        replacesConsentId: holder.id,
      });
      recordEvent(em, request, "request", now, actor);
      requested += 1;
    }
    if (requested) await sealChanges(em);
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
  requireAuthority(ctx.caller, input.authorityId);
  const actor = actorOf(ctx.caller, null, { reason: `case ${input.caseReference.trim()} closed` });
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
      recordEvent(em, consent, "closeCase", now, actor);
    }
    if (open.length) await sealChanges(em);
    return open;
  });
  if (closed.length) ctx.events.committed();
  return closed;
}

/**
 * Lets time do its part: expires consents past their end and cancels requests past their answer
 * deadline, each with its event, in batches, and hands consents given for a child over to them on
 * their 18th birthday. Rows another instance is already handling are skipped. Returns how many changed.
 */
export async function applyDueChanges(em: EntityManager, now: Date, batchSize = 100): Promise<number> {
  return (await applyExpiry(em, now, batchSize)) + (await handOverAtEighteen(em, now, batchSize));
}

async function applyExpiry(em: EntityManager, now: Date, batchSize: number): Promise<number> {
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
        recordEvent(tx, consent, action, now, { ...PLATFORM_ACTOR, reason: action === "expire" ? "validity ended" : "answer deadline passed" });
      }
      if (due.length) await sealChanges(tx);
      return due.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

/**
 * On a child's 18th birthday, each consent their custody holders gave for them is handed over: it
 * stays valid, the parents stop seeing it, and the young person gets a request to confirm it (yes
 * replaces it, no withdraws it). A request the parents had not answered lapses.
 */
async function handOverAtEighteen(em: EntityManager, now: Date, batchSize: number): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let changed = 0;
  for (;;) {
    const batch = await em.fork().transactional(async (tx) => {
      const due = await tx.find(
        ConsentEntity,
        {
          signers: "CUSTODY_HOLDERS",
          handedOverAt: null,
          subjectComesOfAgeOn: { $lte: today },
          status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED, ConsentStatus.REQUESTED] },
        },
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: batchSize },
      );
      for (const consent of due) {
        consent.handedOverAt = now;
        if (consent.status === ConsentStatus.REQUESTED) {
          tx.assign(consent, applyAction(consent, "cancel", now));
          recordEvent(tx, consent, "cancel", now, { ...PLATFORM_ACTOR, reason: "the child came of age before the custody holders answered" });
          continue;
        }
        recordEvent(tx, consent, "handOver", now, { ...PLATFORM_ACTOR, reason: "the child came of age" });
        const request = tx.create(ConsentEntity, handOverRequest({ ...consent, thirdPartyId: consent.thirdPartyId ?? null, caseReference: consent.caseReference ?? null, fixedValidTo: consent.fixedValidTo ?? null }, now));
        recordEvent(tx, request, "request", now, { ...PLATFORM_ACTOR, reason: "confirm the consent your custody holders gave" });
      }
      if (due.length) await sealChanges(tx);
      return due.length;
    });
    changed += batch;
    if (batch < batchSize) return changed;
  }
}

/** "Is there a valid consent?" for a citizen and a template key, as a case system asks before it acts. */
export async function consentCheck(
  ctx: ConsentContext,
  input: { cpr: string; templateKey: string; recipient?: string | null },
): Promise<{ valid: boolean; reason: ConsentCheckReason; consent: ConsentEntity | null; subjectId: string }> {
  // An authority checks only its own consents: one authority's consent never lets another act.
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const subjectId = await ctx.supergraph.citizenIdByCpr(input.cpr, ctx);
  const candidates = await ctx.em.find(
    ConsentEntity,
    { subjectId, templateKey: input.templateKey, authorityId: caller.authorityId },
    { orderBy: { requestedAt: "desc" }, limit: 100 },
  );
  const now = ctx.now();
  const consent = mostRelevant(candidates, now);
  return { ...checkRecipient(checkValidity(consent, now), consent, input.recipient), consent: consent ?? null, subjectId };
}

/**
 * A recipient (the authority's case system or the third party's) says it has stopped acting on a
 * withdrawn or expired consent. The first confirmation is an event the citizen sees; a repeat
 * answers the first and changes nothing.
 */
export async function confirmConsentStopped(ctx: ConsentContext, id: string): Promise<StopConfirmationEntity> {
  const now = ctx.now();
  const result = await ctx.em.transactional(async (em) => {
    const consent = await em.findOne(ConsentEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!consent) throw notFound(id);
    return recordStopped(em, consent, requireStopConfirmer(ctx.caller, consent), "API", now);
  });
  if (result.confirmedNow) ctx.events.committed();
  return result.confirmation;
}

/** The same confirmation, given as a case system's answer to the webhook that told it of the ending. */
export async function confirmStoppedByWebhook(em: EntityManager, consentId: string, recipient: Recipient, now: Date): Promise<boolean> {
  return em.fork().transactional(async (tx) => {
    const consent = await tx.findOne(ConsentEntity, { id: consentId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!consent || !needsStopConfirmation(consent.status)) return false;
    return (await recordStopped(tx, consent, recipient, "WEBHOOK", now)).confirmedNow;
  });
}

async function recordStopped(em: EntityManager, consent: ConsentEntity, recipient: Recipient, via: "API" | "WEBHOOK", now: Date) {
  const result = await markStopped(em, consent, recipient, via, now);
  if (result.confirmedNow) {
    const actorKind = recipient.kind === "CASE_SYSTEM" ? ActorKind.CASE_SYSTEM : ActorKind.THIRD_PARTY;
    recordEvent(em, consent, "confirmStop", now, { actorKind, actorId: recipient.systemId, channel: via === "API" ? Channel.API : "WEBHOOK" });
    await sealChanges(em);
  }
  return result;
}
