import type { EntityManager, FilterQuery } from "@mikro-orm/postgresql";
import { pageSize, ValidationError } from "@samtykke/server-kit";
import type { Representation } from "../domain/access.js";
import type { ConsentStatus } from "../domain/consent-state.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";

export interface ConsentSearch {
  subjectId?: string | null;
  authorityId?: string | null;
  templateKey?: string | null;
  status?: ConsentStatus[] | null;
  caseReference?: string | null;
}

// A page cursor is the position of the last row in the order (requestedAt desc, id desc).
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

/** One page of consents matching `search`, newest request first, after the cursor `after`. */
export async function searchConsents(em: EntityManager, search: ConsentSearch, first: number, after?: string | null) {
  const limit = pageSize(first);
  const where: FilterQuery<ConsentEntity> = {
    ...(search.subjectId ? { subjectId: search.subjectId } : {}),
    ...(search.authorityId ? { authorityId: search.authorityId } : {}),
    ...(search.templateKey ? { templateKey: search.templateKey } : {}),
    ...(search.status?.length ? { status: { $in: search.status } } : {}),
    ...(search.caseReference ? { caseReference: search.caseReference.trim() } : {}),
  };
  if (after) {
    const position = decodeCursor(after);
    Object.assign(where, {
      $or: [{ requestedAt: { $lt: position.requestedAt } }, { requestedAt: position.requestedAt, id: { $lt: position.id } }],
    });
  }
  const rows = await em.find(ConsentEntity, where, { orderBy: { requestedAt: "desc", id: "desc" }, limit: limit + 1 });
  const page = rows.slice(0, limit);
  return {
    edges: page.map((consent) => ({ cursor: encodeCursor(consent), consent })),
    hasNextPage: rows.length > limit,
    endCursor: page.length ? encodeCursor(page[page.length - 1]!) : null,
  };
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
export function myConsents(em: EntityManager, representation: Representation, limit: number): Promise<ConsentEntity[]> {
  const where: FilterQuery<ConsentEntity> = {
    $or: [
      { subjectId: representation.citizenId },
      ...(representation.childIds.length ? [{ subjectId: { $in: [...representation.childIds] }, handedOverAt: null }] : []),
      ...representation.grants.map((grant) => ({
        subjectId: grant.grantorId,
        ...(grant.authorityIds.length ? { authorityId: { $in: [...grant.authorityIds] } } : {}),
      })),
    ],
  };
  return em.find(ConsentEntity, where, { orderBy: { requestedAt: "desc", id: "desc" }, limit });
}

/** A citizen's consents newest first, only one authority's when `authorityId` is given. */
export function consentsOfCitizen(em: EntityManager, subjectId: string, authorityId: string | null, limit: number): Promise<ConsentEntity[]> {
  return em.find(ConsentEntity, { subjectId, ...(authorityId ? { authorityId } : {}) }, { orderBy: { requestedAt: "desc" }, limit });
}
