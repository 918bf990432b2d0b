import { randomUUID } from "node:crypto";
import type { EntityManager } from "@mikro-orm/postgresql";
import { distinctRecipients, type Recipient } from "../domain/stop-confirmation.js";
import { StopConfirmationEntity } from "../entities/stop-confirmation.entity.js";
import type { ConsentEntity } from "../entities/consent.entity.js";

/**
 * The systems that knew of a consent: the authority's case systems with a webhook (they were told
 * of it), and every case system or third party's system that checked, read, delivered or used it
 * (the audit log says who). Each must confirm that it stopped.
 */
async function recipientsOf(em: EntityManager, consent: ConsentEntity): Promise<Recipient[]> {
  const rows = await em.execute<{ kind: Recipient["kind"]; system_id: string; organisation_id: string }[]>(
    `select 'CASE_SYSTEM' as kind, case_system_id as system_id, authority_id as organisation_id
       from webhook_subscription where authority_id = ?
     union
     select actor_kind as kind, actor_id as system_id, actor_authority_id as organisation_id
       from consent_audit
      where subject_id = ? and consent_id = ? and actor_kind in ('CASE_SYSTEM', 'THIRD_PARTY')
        and actor_id is not null and actor_authority_id is not null`,
    [consent.authorityId, consent.subjectId, consent.id],
  );
  return distinctRecipients(rows.map((row) => ({ kind: row.kind, systemId: row.system_id, organisationId: row.organisation_id })));
}

/** In the ending's own transaction: one pending confirmation per system that knew of each consent. */
export async function expectStopConfirmations(em: EntityManager, endings: readonly { consent: ConsentEntity; endedAt: Date }[]): Promise<void> {
  for (const { consent, endedAt } of endings) {
    const recipients = await recipientsOf(em, consent);
    if (!recipients.length) continue;
    await em
      .createQueryBuilder(StopConfirmationEntity)
      .insert(recipients.map((recipient) => ({ id: randomUUID(), consentId: consent.id, recipientKind: recipient.kind, systemId: recipient.systemId, organisationId: recipient.organisationId, endedAt })))
      .onConflict(["consentId", "systemId"])
      .ignore()
      .execute();
  }
}

/**
 * Marks the recipient's confirmation, making the row when the system had not been expected (it knew
 * of the consent some other way). Returns the row and whether this call confirmed it: a repeat
 * changes nothing and answers the first confirmation.
 */
export async function markStopped(
  em: EntityManager,
  consent: ConsentEntity,
  recipient: Recipient,
  via: "API" | "WEBHOOK",
  now: Date,
): Promise<{ confirmation: StopConfirmationEntity; confirmedNow: boolean }> {
  const existing = await em.findOne(StopConfirmationEntity, { consentId: consent.id, systemId: recipient.systemId });
  if (existing?.confirmedAt) return { confirmation: existing, confirmedNow: false };
  const confirmation =
    existing ??
    em.create(StopConfirmationEntity, {
      consentId: consent.id,
      recipientKind: recipient.kind,
      systemId: recipient.systemId,
      organisationId: recipient.organisationId,
      endedAt: consent.endedAt ?? now,
    });
  em.assign(confirmation, { confirmedAt: now, confirmedVia: via });
  return { confirmation, confirmedNow: true };
}

/** Each consent's confirmations, pending first, then in the order they came. */
export async function stopConfirmationsOf(em: EntityManager, consentId: string): Promise<StopConfirmationEntity[]> {
  const rows = await em.find(StopConfirmationEntity, { consentId });
  return rows.sort((a, b) => Number(!!a.confirmedAt) - Number(!!b.confirmedAt) || (a.confirmedAt?.getTime() ?? 0) - (b.confirmedAt?.getTime() ?? 0));
}
