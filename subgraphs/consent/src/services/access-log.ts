import type { EntityManager } from "@mikro-orm/postgresql";
import { ValidationError } from "@samtykke/server-kit";
import { z } from "zod";
import type { Representation } from "../domain/access.js";
import { AuditEntryEntity } from "../entities/audit-entry.entity.js";
import { consentsToRead } from "./consent-search.js";
import { toConsent } from "../resolvers/consent.mapper.js";
import { ConsentAccess } from "../resolvers/consent.type.js";
import { newerSide, type NewestFirstPage } from "./newest-first-page.js";

function entryId(cursor: string, field: "after" | "before"): string {
  if (!/^\d{1,19}$/.test(cursor)) throw new ValidationError({ da: "Ugyldig markør (cursor).", en: "Invalid cursor." }, { field });
  return cursor;
}

/**
 * The citizen's view of the audit log: what others did with their consents and their children's (or
 * with one of them), newest first, a page at a time: after a cursor the older entries, before one
 * the newer entries nearest it. Their own reads are left out; they know those.
 */
export async function accessLogFor(em: EntityManager, representation: Representation, limit: number, page: NewestFirstPage = {}, consentId?: string | null): Promise<ConsentAccess[]> {
  const newer = newerSide(page);
  // No consent has an id that is no UUID, so no one used it either.
  if (consentId && !z.uuid().safeParse(consentId).success) return [];
  const entries = await em.find(
    AuditEntryEntity,
    {
      subjectId: { $in: [representation.citizenId, ...representation.childIds] },
      $not: { actorKind: "CITIZEN", actorId: representation.citizenId },
      ...(consentId ? { consentId } : {}),
      ...(page.after ? { id: { $lt: entryId(page.after, "after") } } : {}),
      ...(page.before ? { id: { $gt: entryId(page.before, "before") } } : {}),
    },
    { orderBy: { id: newer ? "asc" : "desc" }, limit },
  );
  return toAccesses(em, newer ? entries.reverse() : entries);
}

/** The authority's view of one consent's audit log: every read, check, change and data access, newest first. */
export async function accessLogOfConsent(em: EntityManager, consentId: string, limit: number): Promise<ConsentAccess[]> {
  return toAccesses(em, await em.find(AuditEntryEntity, { consentId }, { orderBy: { id: "desc" }, limit }));
}

async function toAccesses(em: EntityManager, entries: AuditEntryEntity[]): Promise<ConsentAccess[]> {
  const consentIds = [...new Set(entries.flatMap((entry) => entry.consentId ?? []))];
  const consents = new Map((consentIds.length ? await consentsToRead(em, { id: { $in: consentIds } }) : []).map((consent) => [consent.id, consent]));
  return entries.map((entry) =>
    Object.assign(new ConsentAccess(), {
      cursor: entry.id,
      occurredAt: entry.occurredAt,
      action: entry.action,
      actorKind: entry.actorKind,
      // A third party's system acts for its own organisation, which is no authority.
      authority: entry.actorAuthorityId && entry.actorKind !== "THIRD_PARTY" ? { id: entry.actorAuthorityId } : null,
      thirdParty: entry.actorAuthorityId && entry.actorKind === "THIRD_PARTY" ? { id: entry.actorAuthorityId } : null,
      consent: entry.consentId && consents.has(entry.consentId) ? toConsent(consents.get(entry.consentId)!) : null,
      purpose: entry.purpose,
    }),
  );
}
