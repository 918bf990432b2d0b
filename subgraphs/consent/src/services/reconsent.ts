import canonicalize from "canonicalize";
import { LockMode, raw, type EntityManager, type FilterQuery } from "@mikro-orm/postgresql";
import { ConflictError, requireAuthority, requireCaller, type Logger } from "@samtykke/server-kit";
import { ConsentStatus } from "../domain/consent-state.js";
import { createRequest, snapshotBody, type TemplateSnapshot } from "../domain/consent.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { CampaignStatus, ReconsentCampaignEntity } from "../entities/reconsent-campaign.entity.js";
import type { ConsentContext } from "../context.js";
import { actorOf, type EventActor } from "./actor.js";
import type { ConsentEventBus } from "./consent-event-bus.js";
import { recordEvent, sealChanges } from "./consent-log.js";

/** Holders asked in one transaction of a campaign: short enough not to hold their rows for long. */
export const CAMPAIGN_BATCH = 200;

/** The consents on older versions of the template's key that are in force: whom a new version asks again. */
function holdersOf(template: TemplateSnapshot): FilterQuery<ConsentEntity> {
  return {
    templateKey: template.key,
    authorityId: template.authorityId,
    templateVersion: { $lt: template.version },
    status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] },
  };
}

/**
 * Asks each of `holders` (locked by the caller's transaction) to consent again to `template`. Each
 * holder gets one request; an open one is not repeated, nor one a version bound to a case cannot be
 * asked without, nor one whose text is the same. The old consents stay as they are until answered.
 */
async function askAgain(em: EntityManager, holders: ConsentEntity[], template: TemplateSnapshot, actor: EventActor, now: Date): Promise<number> {
  const newBody = snapshotBody(template);
  const open = await em.find(
    ConsentEntity,
    { replacesConsentId: { $in: holders.map((holder) => holder.id) }, status: ConsentStatus.REQUESTED },
    { fields: ["replacesConsentId"] },
  );
  const alreadyAsked = new Set(open.map((request) => request.replacesConsentId));
  let requested = 0;
  for (const holder of holders) {
    if (alreadyAsked.has(holder.id) || canonicalize(holder.body) === canonicalize(newBody)) continue;
    if (template.boundToCase && !holder.caseReference) continue;
    const request = em.create(ConsentEntity, {
      ...createRequest({ template, subjectId: holder.subjectId, caseReference: holder.caseReference, now }),
      // The same people sign again; a child's holders as they were asked, until the handover.
      requiredSignerIds: holder.requiredSignerIds,
      subjectName: holder.subjectName ?? null,
      subjectComesOfAgeOn: holder.subjectComesOfAgeOn ?? null,
      signers: template.signers,
      replacesConsentId: holder.id,
    });
    recordEvent(em, request, "request", now, actor);
    requested += 1;
  }
  if (requested) await sealChanges(em);
  return requested;
}

/** Every holder at once, in the caller's request: for an API caller with few holders. A campaign does many. */
export async function requestReconsent(ctx: ConsentContext, templateId: string): Promise<{ requested: number; skipped: number }> {
  requireCaller(ctx.caller, "caseworker");
  const template = await ctx.supergraph.template(templateId, ctx);
  requireAuthority(ctx.caller, template.authorityId, "caseworker");
  const actor = actorOf(ctx.caller, null, { channel: null, reason: `re-consent to version ${template.version}` });
  const result = await ctx.em.fork().transactional(async (em) => {
    const holders = await em.find(ConsentEntity, holdersOf(template), { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc" } });
    const requested = await askAgain(em, holders, template, actor, ctx.now());
    return { requested, skipped: holders.length - requested };
  });
  if (result.requested) ctx.events.committed();
  return result;
}

/**
 * Starts asking every holder of an older version in the background and answers at once with the
 * campaign, whose progress can then be followed. A template has one running campaign at a time.
 */
export async function startReconsentCampaign(ctx: ConsentContext, templateId: string): Promise<ReconsentCampaignEntity> {
  requireCaller(ctx.caller, "caseworker");
  const template = await ctx.supergraph.template(templateId, ctx);
  requireAuthority(ctx.caller, template.authorityId, "caseworker");
  if (template.status !== "PUBLISHED") {
    throw new ConflictError({ da: "Kun den version, der er i brug, kan man bede om nyt samtykke til.", en: "Only the version in use can be asked to consent to again." }, { field: "templateId" });
  }
  return ctx.em.fork().transactional(async (em) => {
    // One running campaign per template: two caseworkers pressing at once get the same one.
    await em.execute("select pg_advisory_xact_lock(hashtext(?))", [`reconsent:${template.id}`]);
    const running = await em.findOne(ReconsentCampaignEntity, { templateId: template.id, status: CampaignStatus.RUNNING });
    if (running) return running;
    return em.create(ReconsentCampaignEntity, {
      templateId: template.id,
      authorityId: template.authorityId,
      template,
      startedBy: actorOf(ctx.caller, null, { channel: null, reason: `re-consent to version ${template.version}` }),
      total: await em.count(ConsentEntity, holdersOf(template)),
      startedAt: ctx.now(),
    });
  });
}

/**
 * One batch of one running campaign, taken with SKIP LOCKED so that instances share the work.
 * `worked` is false when no campaign was waiting.
 */
export async function runCampaignBatch(em: EntityManager, now: Date): Promise<{ worked: boolean; requested: number }> {
  return em.fork().transactional(async (tx) => {
    const [next] = await tx.execute<{ id: string }[]>(
      `select id from reconsent_campaign where status = '${CampaignStatus.RUNNING}' order by started_at limit 1 for update skip locked`,
    );
    if (!next) return { worked: false, requested: 0 };
    const campaign = await tx.findOneOrFail(ReconsentCampaignEntity, { id: next.id });
    const template = { ...campaign.template, fixedValidTo: campaign.template.fixedValidTo ? new Date(campaign.template.fixedValidTo) : null };
    const after = campaign.cursorRequestedAt && campaign.cursorId ? { requestedAt: campaign.cursorRequestedAt, id: campaign.cursorId } : null;
    const holders = await tx.find(
      ConsentEntity,
      after
        ? { $and: [holdersOf(template), { [raw((alias) => `(${alias}.requested_at, ${alias}.id) > (?, ?)`, [after.requestedAt, after.id])]: [] }] }
        : holdersOf(template),
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { requestedAt: "asc", id: "asc" }, limit: CAMPAIGN_BATCH },
    );
    const requested = holders.length ? await askAgain(tx, holders, template, campaign.startedBy, now) : 0;
    campaign.requested += requested;
    campaign.skipped += holders.length - requested;
    const last = holders.at(-1);
    if (last) Object.assign(campaign, { cursorRequestedAt: last.requestedAt, cursorId: last.id });
    if (holders.length < CAMPAIGN_BATCH) Object.assign(campaign, { status: CampaignStatus.DONE, finishedAt: now });
    return { worked: true, requested };
  });
}

/** Works through running campaigns on this instance, batch after batch while there is work; stops when called. */
export function startReconsentCampaigns(em: EntityManager, events: ConsentEventBus, logger: Logger, intervalMs: number, now: () => Date): () => Promise<void> {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const drain = async () => {
    for (;;) {
      const batch = await runCampaignBatch(em, now());
      if (batch.requested) events.committed();
      if (!batch.worked || stopped) return;
    }
  };
  const run = () => {
    running ??= drain()
      .catch((error) => logger.error({ err: error }, "a re-consent campaign batch failed"))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, intervalMs);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
