import { createHash, randomUUID } from "node:crypto";
import type { EntityManager, RequiredEntityData } from "@mikro-orm/postgresql";
import { requireAuthority, requireCaller } from "@samtykke/server-kit";
import { Channel, createGiven, createRequest, type Attestation } from "../domain/consent.js";
import { requiredSigners } from "../domain/who-signs.js";
import { inspectScan, type ChoiceAnswer } from "../domain/declaration.js";
import { ConsentAttachmentEntity } from "../entities/consent-attachment.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf } from "./actor.js";
import { recordEvent, sealChanges } from "./consent-log.js";
import { idempotentCall, once } from "./idempotency.js";

/**
 * A caseworker or case system asks a citizen for consent on a published template version. With an
 * idempotency key, a retry returns the consent the first call made and makes nothing new.
 */
export async function requestConsent(
  ctx: ConsentContext,
  input: { templateId: string; cpr: string; caseReference?: string | null; answerBy?: Date | null; message?: string | null; returnUrl?: string | null; idempotencyKey?: string | null },
): Promise<ConsentEntity> {
  const caller = requireCaller(ctx.caller, "caseworker", "system");
  const call = idempotentCall(ctx, caller.authorityId, input.idempotencyKey, {
    operation: "requestConsent",
    templateId: input.templateId,
    cpr: sameCpr(input.cpr),
    caseReference: input.caseReference?.trim() || null,
    answerBy: input.answerBy?.toISOString() ?? null,
    // Only when given: a retry of a key made before messages existed still matches.
    ...(input.message?.trim() ? { message: input.message.trim() } : {}),
    ...(input.returnUrl?.trim() ? { returnUrl: input.returnUrl.trim() } : {}),
  });
  return once(ctx, call, async (remember) => {
    const { template, subject } = await lookUp(ctx, input);
    requireAuthority(ctx.caller, template.authorityId);
    const request = {
      ...createRequest({ template, subjectId: subject.id, caseReference: input.caseReference, answerBy: input.answerBy, message: input.message, returnUrl: input.returnUrl, now: ctx.now() }),
      ...requiredSigners(template, subject, ctx.now()),
      subjectName: subject.name,
    };
    return create(ctx, request, "request", remember);
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
  const caller = requireCaller(ctx.caller, input.channel === Channel.API ? "system" : "caseworker");
  const call = idempotentCall(ctx, caller.authorityId, input.idempotencyKey, {
    operation: input.channel,
    templateId: input.templateId,
    cpr: sameCpr(input.cpr),
    caseReference: input.caseReference?.trim() || null,
    attestation: input.attestation,
    answers: input.answers,
    scan: input.scan ? createHash("sha256").update(input.scan.content).digest("hex") : null,
    givenAt: input.givenAt?.toISOString() ?? null,
  });
  return once(ctx, call, async (remember) => {
    const scan = input.scan && { ...inspectScan(input.scan.content, input.scan.fileName), content: input.scan.content };
    const { template, subject } = await lookUp(ctx, input);
    requireAuthority(ctx.caller, template.authorityId);
    const now = ctx.now();
    const id = randomUUID();
    const given = createGiven({ ...input, id, template, subject, attachments: scan ? [scan] : [], givenAt: input.givenAt ?? now, now });
    const action = ({ [Channel.API]: "deliver", [Channel.PAPER]: "upload", [Channel.ON_BEHALF]: "register" } as const)[input.channel];
    return create(ctx, { ...given, subjectName: subject.name }, action, (em, consentId, at) => {
      if (scan) em.create(ConsentAttachmentEntity, { ...scan, consentId: id, createdAt: at });
      remember(em, consentId, at);
    });
  });
}

/** One CPR number written with or without its dash is the same request. */
const sameCpr = (cpr: string) => cpr.trim().replace("-", "");

async function lookUp(ctx: ConsentContext, input: { templateId: string; cpr: string }) {
  const [template, subject] = await Promise.all([ctx.supergraph.template(input.templateId, ctx), ctx.supergraph.requestSubject(input.cpr, ctx)]);
  return { template, subject };
}

/** Creates a consent with its first event, and what goes with it, in one transaction. */
async function create(
  ctx: ConsentContext,
  data: RequiredEntityData<ConsentEntity>,
  action: "request" | "register" | "deliver" | "upload",
  alongside: (em: EntityManager, consentId: string, now: Date) => void,
): Promise<ConsentEntity> {
  const now = ctx.now();
  const consent = await ctx.em.fork().transactional(async (em) => {
    const created = em.create(ConsentEntity, data);
    alongside(em, created.id, now);
    recordEvent(em, created, action, now, actorOf(ctx.caller, null, action === "request" ? { channel: null } : { channel: created.channel ?? null, reason: created.attestation?.statement ?? null }));
    await sealChanges(em);
    return created;
  });
  ctx.events.committed();
  return consent;
}
