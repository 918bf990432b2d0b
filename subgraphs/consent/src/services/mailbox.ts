import { createHash } from "node:crypto";
import { raw, type EntityManager } from "@mikro-orm/postgresql";
import { z } from "zod";
import type { Logger } from "pino";
import { formatPosition, NotFoundError, parsePosition, requireCaller, ValidationError } from "@samtykke/server-kit";
import type { ConsentContext } from "../context.js";
import type { LocalizedText } from "../domain/declaration.js";
import { informedOf, isReceipt, LetterKind, letterContent, letterKindFor, letterRecipients, letterTitle } from "../domain/letter.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { DeceasedCitizenEntity } from "../entities/deceased-citizen.entity.js";
import { MailboxLetterEntity } from "../entities/mailbox-letter.entity.js";
import type { ConsentEventBus } from "./consent-event-bus.js";
import { EmptyReadPause, eventsAfter, positionOf } from "./consent-event-stream.js";
import { consentDocument } from "./consent-documents.js";
import { renderLetterPdf, type LetterAttachment } from "./letter-pdf.js";
import type { SealKey } from "../domain/consent-document.js";
import { newerSide, type NewestFirstPage } from "./newest-first-page.js";

/** One letter to one citizen about one event; `id` is the same however often it is delivered. */
export interface Letter {
  id: string;
  eventId: string;
  recipientId: string;
  consentId: string;
  kind: LetterKind;
  title: LocalizedText;
  sentAt: Date;
  pdf: Buffer;
}

/**
 * Where letters go. The platform's own mailbox stores them in the sending transaction; a Digital
 * Post adapter would send them (looking the recipient's CPR number up in the party subgraph) and
 * ignore `transaction`. Either must treat a letter id it has seen as delivered: after a crash the
 * same letters come again.
 */
export interface DigitalPost {
  deliver(letters: readonly Letter[], transaction: EntityManager): Promise<void>;
}

/** The citizen's mailbox in the platform, read in the citizen app. */
export const platformMailbox: DigitalPost = {
  async deliver(letters, transaction) {
    if (!letters.length) return;
    await transaction
      .createQueryBuilder(MailboxLetterEntity)
      .insert(letters.map((letter) => ({ ...letter, readAt: null, pdfSha256: createHash("sha256").update(letter.pdf).digest("hex") })))
      .onConflict(["eventId", "recipientId"])
      .ignore()
      .execute();
  },
};

const CURSOR = "letters";
/** Held by the instance whose turn it is to send letters; only senders take it, never a request. */
const LETTERS_LOCK = 7_245_003;
const BATCH = 50;

// A letter's id from its event and recipient (a name-based UUID), so a repeat is recognisably the same letter.
function letterId(eventId: string, recipientId: string): string {
  const hex = createHash("sha256").update(`letter:${eventId}:${recipientId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

const formatDate = (date: Date, language: "da" | "en") =>
  date.toLocaleString(language === "da" ? "da-DK" : "en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" });

/**
 * Turns the next events into letters and hands them to `post`, then moves the cursor past them, all
 * in one transaction: one instance sends at a time, in event order, and a crash sends the same
 * letters again rather than none. Returns how many events were read and letters sent.
 *
 * The turn is an advisory lock, not a lock on the cursor row: a row lock would give the transaction
 * an id while it renders the letters, and every event reader waits for the oldest running
 * transaction (`eventsAfter`). This way it has one only for its writes at the end.
 */
export async function sendDueLetters(
  em: EntityManager,
  post: DigitalPost,
  authorityName: (id: string) => Promise<string | null>,
  citizenApp: string | null = null,
  sealKey: SealKey | null = null,
): Promise<{ events: number; letters: number }> {
  return em.fork().transactional(async (tx) => {
    const [turn] = await tx.execute<{ locked: boolean }[]>("select pg_try_advisory_xact_lock(?) as locked", [LETTERS_LOCK]);
    if (!turn!.locked) return { events: 0, letters: 0 };
    const [row] = await tx.execute<{ cursor: string }[]>("select cursor from mailbox_cursor where name = ?", [CURSOR]);
    if (!row) return { events: 0, letters: 0 };
    // Every event moves the cursor, letter or not: a read never scans past what it has seen before.
    const events = await eventsAfter(tx, parsePosition(row.cursor), BATCH);
    if (!events.length) return { events: 0, letters: 0 };
    // A give or decline that tells custody holders a young person answered is a receipt too.
    const lettered = events.filter((event) => letterKindFor(event));
    const consents = new Map(
      (lettered.length ? await tx.find(ConsentEntity, { id: { $in: [...new Set(lettered.map((event) => event.consentId))] } }) : []).map((consent) => [consent.id, consent]),
    );
    // Nothing goes to a citizen the person register says has died.
    const recipientsOf = [...consents.values()].flatMap((consent) => [consent.subjectId, ...consent.requiredSignerIds, ...consent.informOnAnswerIds]);
    const deceased = new Set(
      recipientsOf.length ? (await tx.find(DeceasedCitizenEntity, { citizenId: { $in: [...new Set(recipientsOf)] } }, { fields: ["citizenId"] })).map((row) => row.citizenId) : [],
    );
    const names = new Map<string, string | null>();
    const letters: Letter[] = [];
    for (const event of lettered) {
      const consent = consents.get(event.consentId);
      if (!consent) continue;
      const kind = letterKindFor(event);
      const informed = informedOf(event, consent);
      const sends = [...(kind ? [{ kind, recipients: letterRecipients(consent, kind, event.action) }] : []), ...(informed.length ? [{ kind: LetterKind.INFORMED, recipients: informed }] : [])]
        .map((send) => ({ ...send, recipients: send.recipients.filter((id) => !deceased.has(id)) }))
        .filter((send) => send.recipients.length);
      if (!sends.length) continue;
      if (!names.has(consent.authorityId)) names.set(consent.authorityId, await authorityName(consent.authorityId));
      const wording = { authority: names.get(consent.authorityId) ?? null, formatDate, citizenApp };
      for (const send of sends) {
        // A receipt carries the consent as the platform sealed it, so whoever holds the letter can verify it.
        const sealed = sealKey && isReceipt(send.kind) ? [await sealedAttachment(tx, consent, sealKey, event.occurredAt)] : [];
        const pdf = await renderLetterPdf([letterContent(send.kind, consent, event, wording, "da"), letterContent(send.kind, consent, event, wording, "en")], event.occurredAt, sealed);
        for (const recipientId of send.recipients) {
          letters.push({ id: letterId(event.id, recipientId), eventId: event.id, recipientId, consentId: consent.id, kind: send.kind, title: letterTitle(send.kind, consent), sentAt: event.occurredAt, pdf });
        }
      }
    }
    await post.deliver(letters, tx);
    await tx.execute("update mailbox_cursor set cursor = ? where name = ?", [formatPosition(positionOf(events.at(-1)!)), CURSOR]);
    return { events: events.length, letters: letters.length };
  });
}

async function sealedAttachment(em: EntityManager, consent: ConsentEntity, key: SealKey, at: Date): Promise<LetterAttachment> {
  const document = await consentDocument(em, consent, key, at);
  return {
    name: `samtykke-${consent.id}.json`,
    description: "Det forseglede samtykkedokument / The sealed consent document (npm run verify-consent)",
    mediaType: "application/json",
    content: Buffer.from(JSON.stringify(document, null, 2)),
  };
}

/** Sends letters as events commit (woken by the commit bus, and every `pollMs` at the latest). */
export function startLetterDelivery(options: {
  em: EntityManager;
  events: ConsentEventBus;
  post: DigitalPost;
  authorityName: (id: string) => Promise<string | null>;
  /** The citizen app's address, which letters link to; none when not given. */
  citizenApp: () => string | undefined;
  /** The key receipts' sealed consent documents are sealed with; none: receipts carry none. */
  sealKey: SealKey | null;
  logger: Logger;
  pollMs: number;
}): () => Promise<void> {
  const abort = new AbortController();
  const pause = new EmptyReadPause(options.em, options.events);
  const loop = (async () => {
    while (!abort.signal.aborted) {
      const since = options.events.commits;
      try {
        // Keep going while there is a backlog; wait for the next commit once caught up.
        if ((await sendDueLetters(options.em, options.post, options.authorityName, options.citizenApp() ?? null, options.sealKey)).events > 0) continue;
      } catch (error) {
        options.logger.warn({ err: error }, "sending letters failed; will retry");
      }
      await pause.wait(abort.signal, options.pollMs, since);
    }
  })();
  return async () => {
    abort.abort();
    await loop;
  };
}

const noSuchLetter = (id: string) => new NotFoundError({ da: "Brevet findes ikke.", en: "Letter not found." }, { id });

/** A letter's place in the mailbox, newest first: when it was sent, then its id among letters sent at the same moment. */
export function letterCursor(letter: Pick<MailboxLetterEntity, "sentAt" | "id">): string {
  return `${letter.sentAt.toISOString()}_${letter.id}`;
}

const LETTER_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

function parseLetterCursor(cursor: string, field: "after" | "before"): [Date, string] {
  const match = LETTER_CURSOR.exec(cursor);
  const sentAt = match && new Date(match[1]!);
  if (!match || Number.isNaN(sentAt!.getTime())) throw new ValidationError({ da: "Ugyldig markør (cursor).", en: "Invalid cursor." }, { field });
  return [sentAt!, match[2]!];
}

/**
 * The citizen's own letters without their PDFs (all, or those about one consent), newest first, a
 * page at a time: after a cursor the older letters, before one the newer letters nearest it (still
 * listed newest first).
 */
export async function lettersOf(em: EntityManager, citizenId: string, limit: number, page: NewestFirstPage = {}, consentId?: string | null): Promise<MailboxLetterEntity[]> {
  // No consent has an id that is no UUID, so it has no letters either.
  if (consentId && !z.uuid().safeParse(consentId).success) return [];
  const newer = newerSide(page);
  const from = page.after ? parseLetterCursor(page.after, "after") : page.before ? parseLetterCursor(page.before, "before") : null;
  const letters = await em.find(
    MailboxLetterEntity,
    { recipientId: citizenId, ...(consentId ? { consentId } : {}), ...(from ? { [raw((alias) => `(${alias}.sent_at, ${alias}.id) ${newer ? ">" : "<"} (?, ?)`, from)]: [] } : {}) },
    { orderBy: { sentAt: newer ? "asc" : "desc", id: newer ? "asc" : "desc" }, limit },
  );
  return newer ? letters.reverse() : letters;
}

/** One of the signed-in citizen's letters, with the consent it is about; anyone else's is not found. */
export async function letterOfCitizen(ctx: ConsentContext, id: string, options: { withPdf?: boolean } = {}) {
  requireCaller(ctx.caller, "citizen");
  const representation = (await ctx.representation())!;
  const row = await ctx.em.findOne(MailboxLetterEntity, { id, recipientId: representation.citizenId }, options.withPdf ? { populate: ["pdf"] } : {});
  if (!row) throw noSuchLetter(id);
  const consent = await ctx.em.findOneOrFail(ConsentEntity, { id: row.consentId });
  return { row, consent };
}

export async function markLetterRead(ctx: ConsentContext, id: string): Promise<MailboxLetterEntity> {
  const { row } = await letterOfCitizen(ctx, id);
  row.readAt ??= ctx.now();
  await ctx.em.flush();
  return row;
}
