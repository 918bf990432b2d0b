import type { EntityManager, FilterQuery } from "@mikro-orm/postgresql";
import { ValidationError } from "@samtykke/server-kit";
import type { ConsentStatus } from "../domain/consent-state.js";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";

export const MAX_PAGE = 100;

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
  const limit = Math.min(Math.max(first, 0), MAX_PAGE);
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
export function consentHistory(em: EntityManager, consentId: string): Promise<ConsentEventEntity[]> {
  return em.find(ConsentEventEntity, { consentId }, { orderBy: { id: "asc" } });
}
