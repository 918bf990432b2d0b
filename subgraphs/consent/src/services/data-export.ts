import { createHash } from "node:crypto";
import { LockMode, raw, type EntityManager, type FilterQuery } from "@mikro-orm/postgresql";
import { strToU8, zipSync, type Zippable } from "fflate";
import type { Logger } from "pino";
import { ConflictError, NotFoundError, requireCaller } from "@samtykke/server-kit";
import type { Representation } from "../domain/access.js";
import type { SealKey } from "../domain/consent-document.js";
import { exportReadme, requireExportScope } from "../domain/data-export.js";
import { answeredAloneSql } from "../domain/who-signs.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { DataExportEntity } from "../entities/data-export.entity.js";
import { MailboxLetterEntity } from "../entities/mailbox-letter.entity.js";
import type { ConsentContext } from "../context.js";
import { accessLogFor } from "./access-log.js";
import { auditReads } from "./audit.js";
import { consentDocument } from "./consent-documents.js";

const notFound = (id: string) => new NotFoundError({ da: "Kopien findes ikke.", en: "Export not found." }, { id });
/** How often the progress is written while an archive is built: every this many consents or letters. */
const PROGRESS_EVERY = 20;
/** An archive taken this long ago and not finished was taken by an instance that died: it is built again. */
export const EXPORT_LEASE_MS = 10 * 60 * 1000;

/** A signed-in citizen asks for a copy of everything about themselves, or about a child in their custody; it is built in the background. */
export async function requestDataExport(ctx: ConsentContext, citizenId?: string | null): Promise<DataExportEntity> {
  requireCaller(ctx.caller, "citizen");
  const representation = (await ctx.representation())!;
  const scope = requireExportScope(representation, citizenId);
  const em = ctx.em.fork();
  const row = em.create(DataExportEntity, { requestedById: representation.citizenId, subjectId: scope.subjectId, createdAt: ctx.now() });
  await em.flush();
  return row;
}

/** One of the signed-in citizen's own exports; anyone else's is not found. */
export async function dataExportOf(ctx: ConsentContext, id: string, options: { withArchive?: boolean } = {}): Promise<DataExportEntity> {
  requireCaller(ctx.caller, "citizen");
  const representation = (await ctx.representation())!;
  const row = /^[0-9a-f-]{36}$/.test(id)
    ? await ctx.em.fork().findOne(DataExportEntity, { id, requestedById: representation.citizenId }, options.withArchive ? { populate: ["archive"] } : {})
    : null;
  if (!row) throw notFound(id);
  return row;
}

/** The archive of a finished export; fetching it is on the access log of every consent in it. */
export async function exportArchive(ctx: ConsentContext, id: string): Promise<Buffer> {
  const row = await dataExportOf(ctx, id, { withArchive: true });
  if (row.status !== "READY" || !row.archive) {
    throw new ConflictError({ da: "Kopien er ikke færdig endnu.", en: "The export is not ready yet." }, { field: "id", status: row.status });
  }
  const consents = row.consentIds.length ? await ctx.em.fork().find(ConsentEntity, { id: { $in: row.consentIds } }, { fields: ["id", "subjectId", "authorityId", "caseReference"] }) : [];
  await auditReads(ctx, "export", consents, { subjectId: row.subjectId, purpose: "the citizen's copy of everything (GDPR art. 15 and 20)" });
  return row.archive;
}

/** The consents an export holds: the citizen's own, or a child's as their custody holder sees them. */
function consentsOf(job: DataExportEntity): FilterQuery<ConsentEntity> {
  if (job.requestedById === job.subjectId) return { subjectId: job.subjectId };
  return { subjectId: job.subjectId, handedOverAt: null, [raw((alias) => `not ${answeredAloneSql(alias)}`)]: [] };
}

/**
 * Builds the oldest waiting export, if any (or one whose builder died, after `EXPORT_LEASE_MS`): each consent with its texts, answers and history and as
 * the platform sealed it, the letters as PDFs, the access log, and a README in Danish, zipped. The
 * progress is written as it goes, so the citizen sees it move. Returns whether it built one.
 */
export async function buildNextExport(em: EntityManager, sealKey: SealKey, now: () => Date): Promise<boolean> {
  const job = await em.fork().transactional(async (tx) => {
    const started = now();
    const next = await tx.findOne(
      DataExportEntity,
      { $or: [{ status: "QUEUED" }, { status: "BUILDING", claimedAt: { $lt: new Date(started.getTime() - EXPORT_LEASE_MS) } }] },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, orderBy: { createdAt: "asc" } },
    );
    if (next) Object.assign(next, { status: "BUILDING", claimedAt: started, done: 0 });
    return next;
  });
  if (!job) return false;
  const reader = em.fork();
  try {
    const consents = await reader.find(ConsentEntity, consentsOf(job), { orderBy: { requestedAt: "asc" } });
    const ids = consents.map((consent) => consent.id);
    const letters = await reader.find(
      MailboxLetterEntity,
      { recipientId: job.requestedById, ...(job.requestedById === job.subjectId ? {} : { consentId: { $in: ids } }) },
      { populate: ["pdf"], orderBy: { sentAt: "asc" } },
    );
    const total = consents.length + letters.length;
    let done = 0;
    const progress = async () => {
      done += 1;
      if (done % PROGRESS_EVERY === 0) await em.fork().nativeUpdate(DataExportEntity, { id: job.id }, { done, total });
    };
    await em.fork().nativeUpdate(DataExportEntity, { id: job.id }, { total });
    const files: Zippable = {};
    for (const consent of consents) {
      const history = await reader.find(ConsentEventEntity, { consentId: consent.id }, { orderBy: { id: "asc" } });
      files[`samtykker/${consent.id}/samtykke.json`] = strToU8(JSON.stringify(consentRecord(consent, history), null, 2));
      files[`samtykker/${consent.id}/forseglet-dokument.json`] = strToU8(JSON.stringify(await consentDocument(reader, consent, sealKey, now()), null, 2));
      await progress();
    }
    for (const letter of letters) {
      files[`breve/${letter.id}.pdf`] = new Uint8Array(letter.pdf!);
      await progress();
    }
    files["breve.json"] = strToU8(JSON.stringify(letters.map(({ id, consentId, kind, title, sentAt, readAt }) => ({ id, consentId, kind, title, sentAt, readAt: readAt ?? null, file: `breve/${id}.pdf` })), null, 2));
    const accesses = await wholeAccessLog(reader, { citizenId: job.subjectId, childIds: [], grants: [] });
    files["adgangslog.json"] = strToU8(JSON.stringify(accesses, null, 2));
    files["LÆS MIG.txt"] = strToU8(exportReadme({ name: consents.find((consent) => consent.subjectName)?.subjectName ?? "dig", createdAt: job.createdAt, consents: consents.length, letters: letters.length, accesses: accesses.length }));
    const archive = Buffer.from(zipSync(files, { level: 6, mtime: job.createdAt }));
    await em.fork().nativeUpdate(
      DataExportEntity,
      { id: job.id },
      { status: "READY", done: total, total, readyAt: now(), archive, size: archive.length, sha256: createHash("sha256").update(archive).digest("hex"), consentIds: ids },
    );
  } catch (error) {
    await em.fork().nativeUpdate(DataExportEntity, { id: job.id }, { status: "FAILED" });
    throw error;
  }
  return true;
}

/** A consent as the citizen's copy holds it: what they were asked and answered, who gives it, its validity and every change. */
function consentRecord(consent: ConsentEntity, history: readonly ConsentEventEntity[]) {
  return {
    id: consent.id,
    status: consent.status,
    authorityId: consent.authorityId,
    thirdPartyId: consent.thirdPartyId ?? null,
    template: { key: consent.templateKey, version: consent.templateVersion },
    caseReference: consent.caseReference ?? null,
    message: consent.message ?? null,
    texts: consent.body,
    answers: consent.answers ?? null,
    givers: consent.requiredSignerIds,
    signatures: consent.signatures,
    channel: consent.channel ?? null,
    requestedAt: consent.requestedAt,
    answerBy: consent.answerBy ?? null,
    answeredAt: consent.answeredAt ?? null,
    validFrom: consent.validFrom ?? null,
    validTo: consent.validTo ?? null,
    endedAt: consent.endedAt ?? null,
    history: history.map((event) => ({ occurredAt: event.occurredAt, action: event.action, status: event.status, actorKind: event.actorKind, reason: event.reason ?? null })),
  };
}

/** Every entry of the access log, page by page. */
async function wholeAccessLog(em: EntityManager, representation: Representation) {
  const entries: Awaited<ReturnType<typeof accessLogFor>> = [];
  for (let after: string | undefined; ; ) {
    const page = await accessLogFor(em, representation, 100, after ? { after } : {});
    entries.push(...page);
    if (page.length < 100) break;
    after = page.at(-1)!.cursor;
  }
  return entries.map(({ cursor, occurredAt, action, actorKind, authority, thirdParty, consent, purpose }) => ({
    cursor,
    occurredAt,
    action,
    actorKind,
    authorityId: authority?.id ?? null,
    thirdPartyId: thirdParty?.id ?? null,
    consentId: consent?.id ?? null,
    purpose,
  }));
}

/** Builds waiting exports one after another, every `intervalMs` at the latest. */
export function startDataExports(options: { em: EntityManager; sealKey: SealKey; now: () => Date; intervalMs: number; logger: Logger }): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= (async () => {
      while (await buildNextExport(options.em, options.sealKey, options.now)) options.logger.info("built a citizen's copy");
    })()
      .catch((error) => options.logger.error({ err: error }, "building a citizen's copy failed"))
      .finally(() => (running = undefined));
  };
  const timer = setInterval(run, options.intervalMs);
  run();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
