import { raw, type EntityManager, type FilterObject, type FilterQuery, type QueryOrderMap } from "@mikro-orm/postgresql";
import { pageSize, rowsToRead, ValidationError } from "@samtykke/server-kit";
import type { Representation } from "../domain/access.js";
import { ConsentStatus } from "../domain/consent-state.js";
import { caseReferenceOf, type Channel } from "../domain/consent.js";
import { answeredAloneSql } from "../domain/who-signs.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";

export interface ConsentSearch {
  subjectId?: string | null;
  authorityId?: string | null;
  templateKey?: string | null;
  status?: ConsentStatus[] | null;
  caseReference?: string | null;
  channel?: Channel | null;
  requestedFrom?: Date | null;
  requestedBefore?: Date | null;
  /** In force (active or paused) and ending before this. */
  expiresBefore?: Date | null;
  /** Ended, and a system that knew it has not yet confirmed it stopped. */
  stopUnconfirmed?: boolean | null;
  /** Unanswered, and the caseworker's follow-up task is open. */
  followUpOpen?: boolean | null;
}

export type ConsentOrder = "NEWEST_FIRST" | "OLDEST_FIRST";

/** Consents read only to be answered (rowsToRead): never change what it returns. */
export function consentsToRead(
  em: EntityManager,
  where: FilterQuery<ConsentEntity>,
  options: { orderBy?: QueryOrderMap<ConsentEntity>; limit?: number } = {},
): Promise<readonly ConsentEntity[]> {
  return rowsToRead(em, ConsentEntity, where as FilterObject<ConsentEntity>, options);
}

// A page cursor is the position of the last row in the order (requestedAt, then id).
function encodeCursor(consent: ConsentEntity): string {
  return Buffer.from(`${consent.requestedAt.toISOString()}|${consent.id}`).toString("base64url");
}

function decodeCursor(after: string): { requestedAt: Date; id: string } {
  const [iso, id] = Buffer.from(after, "base64url").toString("utf8").split("|");
  const requestedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(requestedAt.getTime())) {
    throw new ValidationError({ da: "Ugyldig markør (cursor).", en: "Invalid cursor." }, { field: "after" });
  }
  return { requestedAt, id };
}

/** The rows `search` matches, in SQL. */
export function consentSearchWhere(search: ConsentSearch): FilterQuery<ConsentEntity> {
  const caseReference = caseReferenceOf(search.caseReference);
  const requestedAt = {
    ...(search.requestedFrom ? { $gte: search.requestedFrom } : {}),
    ...(search.requestedBefore ? { $lt: search.requestedBefore } : {}),
  };
  const where: FilterQuery<ConsentEntity> = {
    ...(search.subjectId ? { subjectId: search.subjectId } : {}),
    ...(search.authorityId ? { authorityId: search.authorityId } : {}),
    ...(search.templateKey ? { templateKey: search.templateKey } : {}),
    ...(search.status?.length ? { status: { $in: search.status } } : {}),
    ...(caseReference ? { caseReference } : {}),
    ...(search.channel ? { channel: search.channel } : {}),
    ...(Object.keys(requestedAt).length ? { requestedAt } : {}),
  };
  const and: FilterQuery<ConsentEntity>[] = [];
  if (search.expiresBefore) and.push({ status: { $in: [ConsentStatus.ACTIVE, ConsentStatus.PAUSED] }, validTo: { $ne: null, $lt: search.expiresBefore } });
  if (search.followUpOpen) and.push({ status: ConsentStatus.REQUESTED, followUpOpenedAt: { $ne: null }, followUpDoneAt: null });
  if (search.stopUnconfirmed) {
    and.push({ [raw((alias) => `exists (select 1 from consent_stop_confirmation s where s.consent_id = ${alias}.id and s.confirmed_at is null)`)]: [] });
  }
  return and.length ? { $and: [where, ...and] } : where;
}

/** One page of consents matching `search`, in `order` of request, after the cursor `after`; `count` counts them all. */
export async function searchConsents(em: EntityManager, search: ConsentSearch, first: number, after?: string | null, order: ConsentOrder = "NEWEST_FIRST") {
  const limit = pageSize(first);
  const where = consentSearchWhere(search);
  const direction = order === "NEWEST_FIRST" ? "desc" : "asc";
  const beyond = order === "NEWEST_FIRST" ? "$lt" : "$gt";
  const paged: FilterQuery<ConsentEntity> = after
    ? (() => {
        const position = decodeCursor(after);
        return {
          $and: [where, { $or: [{ requestedAt: { [beyond]: position.requestedAt } }, { requestedAt: position.requestedAt, id: { [beyond]: position.id } }] }],
        } as FilterQuery<ConsentEntity>;
      })()
    : where;
  const rows = await consentsToRead(em, paged, { orderBy: { requestedAt: direction, id: direction }, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    edges: page.map((consent) => ({ cursor: encodeCursor(consent), consent })),
    hasNextPage: rows.length > limit,
    endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null,
    count: () => em.count(ConsentEntity, consentSearchWhere(search)),
  };
}

/** How many of the authority's consents there are in each status. */
export async function consentStatusCounts(em: EntityManager, authorityId: string): Promise<{ status: ConsentStatus; count: number }[]> {
  const rows: { status: ConsentStatus; count: string }[] = await em.execute(
    "select status, count(*) as count from consent where authority_id = ? group by status",
    [authorityId],
  );
  const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return Object.values(ConsentStatus).map((status) => ({ status, count: counted.get(status) ?? 0 }));
}

/** Every change of one consent, oldest first. */
export function consentHistory(em: EntityManager, consentId: string, first: number): Promise<ConsentEventEntity[]> {
  return em.find(ConsentEventEntity, { consentId }, { orderBy: { id: "asc" }, limit: pageSize(first) });
}

/**
 * A signed-in citizen's consents: their own, those of the children in their custody (until handed
 * over), and those of people who gave them power of attorney (towards the authorities it names).
 * The same rule as `relationTo`, said in SQL.
 */
export function myConsents(em: EntityManager, representation: Representation, limit: number): Promise<readonly ConsentEntity[]> {
  const where: FilterQuery<ConsentEntity> = {
    $or: [
      { subjectId: representation.citizenId },
      ...(representation.childIds.length
        ? [{ subjectId: { $in: [...representation.childIds] }, handedOverAt: null, [raw((alias) => `not ${answeredAloneSql(alias)}`)]: [] }]
        : []),
      ...representation.grants.map((grant) => ({
        subjectId: grant.grantorId,
        ...(grant.authorityIds.length ? { authorityId: { $in: [...grant.authorityIds] } } : {}),
      })),
    ],
  };
  return consentsToRead(em, where, { orderBy: { requestedAt: "desc", id: "desc" }, limit });
}

/** A citizen's consents newest first, only one authority's when `authorityId` is given. */
export function consentsOfCitizen(em: EntityManager, subjectId: string, authorityId: string | null, limit: number): Promise<readonly ConsentEntity[]> {
  return consentsToRead(em, { subjectId, ...(authorityId ? { authorityId } : {}) }, { orderBy: { requestedAt: "desc" }, limit });
}
