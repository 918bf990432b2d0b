import type { EntityManager } from "@mikro-orm/postgresql";
import { ConflictError, ForbiddenError, type EventPosition, formatPosition, parsePosition, requireCaller, TRANSACTION_HORIZON_SQL } from "@samtykke/server-kit";
import { checkLifeEvent, guardianActsOnConsents, LifeEventKind, type LifeEventInput } from "../domain/life-events.js";
import type { Citizen } from "../entities/citizen.entity.js";
import { findOrRegisterCitizen } from "../entities/citizen.repository.js";
import { LifeEvent } from "../entities/life-event.entity.js";
import { Custody, PowerOfAttorney } from "../entities/relations.entity.js";
import type { PartyContext } from "../context.js";


const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * An event from the person register, applied to the register's stand-in (a death, a custody, a
 * guardian, a protection) and kept, in one transaction. The register may send an event twice: the
 * second time changes nothing and says so; the same id with other content is a CONFLICT. Only the
 * register's adapter may send them: its own platform client, not any of the platform's parts.
 */
export async function recordLifeEvent(ctx: PartyContext, input: LifeEventInput, now = new Date()): Promise<{ event: LifeEvent; duplicate: boolean }> {
  const caller = requireCaller(ctx.caller, "platform");
  if (caller.clientId !== ctx.personRegisterClientId) {
    throw new ForbiddenError(
      { da: "Kun personregistrets adapter må indsende hændelser fra registret.", en: "Only the person register's adapter may send the register's events." },
      { reason: "NOT_THE_REGISTER" },
    );
  }
  const checked = checkLifeEvent(input, now);
  return ctx.em.fork().transactional(async (tx) => {
    // One event id at a time, so a repeat racing the first is told it is one.
    await tx.execute("select pg_advisory_xact_lock(hashtext(?))", [`life-event:${checked.registerEventId}`]);
    const citizen = await findOrRegisterCitizen(tx, ctx.cprVault, checked.cpr);
    const other = checked.otherCpr ? await findOrRegisterCitizen(tx, ctx.cprVault, checked.otherCpr) : null;
    const existing = await tx.findOne(LifeEvent, { registerEventId: checked.registerEventId });
    if (existing) {
      const same = existing.kind === checked.kind && existing.citizenId === citizen.id && (existing.otherCitizenId ?? null) === (other?.id ?? null);
      if (!same) {
        throw new ConflictError(
          { da: "Registerets hændelses-id er allerede brugt om en anden hændelse.", en: "The register's event id was already used for another event." },
          { field: "registerEventId" },
        );
      }
      return { event: existing, duplicate: true };
    }
    await applyToRegister(tx, checked.kind, citizen, other, checked.occurredOn, checked.guardianshipScope, checked.registerEventId);
    const event = tx.create(LifeEvent, {
      registerEventId: checked.registerEventId,
      kind: checked.kind,
      citizenId: citizen.id,
      otherCitizenId: other?.id ?? null,
      occurredOn: checked.occurredOn,
      guardianshipScope: checked.guardianshipScope,
      receivedAt: now,
    });
    return { event, duplicate: false };
  });
}

async function applyToRegister(tx: EntityManager, kind: LifeEventKind, citizen: Citizen, other: Citizen | null, occurredOn: Date, scope: LifeEventInput["guardianshipScope"], registerEventId: string) {
  switch (kind) {
    case LifeEventKind.DIED:
      citizen.diedOn ??= day(occurredOn);
      return;
    case LifeEventKind.CUSTODY_STARTED:
      await tx.createQueryBuilder(Custody).insert({ id: crypto.randomUUID(), holder: other!.id, child: citizen.id }).onConflict(["holder", "child"]).ignore().execute();
      return;
    case LifeEventKind.CUSTODY_ENDED:
      // Access ends at once: who may act for a child is read from here on every request.
      await tx.nativeDelete(Custody, { holder: other!.id, child: citizen.id });
      return;
    case LifeEventKind.GUARDIAN_APPOINTED:
      if (guardianActsOnConsents(scope ?? [])) {
        tx.create(PowerOfAttorney, { grantor: citizen, attorney: other!, authorityIds: [], validFrom: occurredOn, basis: "GUARDIANSHIP", registerEventId });
      }
      return;
    case LifeEventKind.GUARDIAN_REMOVED:
      await tx.nativeUpdate(PowerOfAttorney, { grantor: citizen.id, attorney: other!.id, basis: "GUARDIANSHIP", revokedAt: null }, { revokedAt: occurredOn });
      return;
    case LifeEventKind.PROTECTION_STARTED:
    case LifeEventKind.PROTECTION_ENDED:
      citizen.addressProtected = kind === LifeEventKind.PROTECTION_STARTED;
      return;
  }
}

/**
 * The register's events after `after`, in the order they were kept (transaction, then id), at most
 * `limit`; only finished transactions are read, so moving past what was read never skips a late
 * commit. For the platform's own parts (the consent subgraph acts on deaths and custody).
 */
export async function lifeEventsAfter(ctx: PartyContext, after: string | null | undefined, limit: number): Promise<{ cursor: string; event: LifeEvent }[]> {
  requireCaller(ctx.caller, "platform");
  const from: EventPosition = after ? parsePosition(after) : { xid: 0n, id: 0n };
  const events = await ctx.em
    .fork()
    .createQueryBuilder(LifeEvent)
    .where("(xid, id) > (?, ?)", [String(from.xid), String(from.id)])
    .andWhere(`xid < ${TRANSACTION_HORIZON_SQL}`)
    .orderBy({ xid: "asc", id: "asc" })
    .limit(limit)
    .getResultList();
  return events.map((event) => ({ cursor: formatPosition({ xid: BigInt(event.xid), id: BigInt(event.id) }), event }));
}
