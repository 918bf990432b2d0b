import { LockMode, type EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "pino";
import { ConsentStatus } from "../domain/consent-state.js";
import { applyAction } from "../domain/consent.js";
import { answeredAlone, withGiver, withoutGiver } from "../domain/who-signs.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { DeceasedCitizenEntity } from "../entities/deceased-citizen.entity.js";
import { PLATFORM_ACTOR } from "./actor.js";
import type { ConsentEventBus } from "./consent-event-bus.js";
import { recordEvent, sealChanges } from "./consent-log.js";
import type { LifeEventRecord, SupergraphClient } from "./supergraph-client.js";

/** The reader's place in the person register's events, kept beside the letters' (one row each). */
const CURSOR = "life-events";
/** Held by the instance whose turn it is to read the register's events; never by a request. */
const LIFE_EVENTS_LOCK = 7_245_011;

/**
 * Acts on the person register's events in order, each with the cursor moved past it in one
 * transaction, one instance at a time: a crash reads the same events again, and acting on one twice
 * changes nothing the second time. Returns how many events were read.
 *
 * - A death ends every consent and request of the citizen (event `subjectDied`), and no letter goes
 *   to them from then on.
 * - A new custody holder is asked too on requests waiting on a child's holders (`addGiver`); a former
 *   one no longer is, and their signature no longer counts (`removeGiver`). Who may act for a child
 *   is read from the party subgraph on every request, so access follows at once.
 * - Guardians and name and address protection change nothing here: the party subgraph applies them.
 */
export async function applyLifeEvents(em: EntityManager, supergraph: Pick<SupergraphClient, "lifeEvents">, now: Date): Promise<number> {
  return em.fork().transactional(async (tx) => {
    const [turn] = await tx.execute<{ locked: boolean }[]>("select pg_try_advisory_xact_lock(?) as locked", [LIFE_EVENTS_LOCK]);
    if (!turn!.locked) return 0;
    const [row] = await tx.execute<{ cursor: string }[]>("select cursor from mailbox_cursor where name = ?", [CURSOR]);
    const events = await supergraph.lifeEvents(row?.cursor ?? null, `life-events-${now.getTime()}`);
    if (!events.length) return 0;
    for (const event of events) await applyLifeEvent(tx, event, now);
    await sealChanges(tx);
    await tx.execute("insert into mailbox_cursor (name, cursor) values (?, ?) on conflict (name) do update set cursor = excluded.cursor", [CURSOR, events.at(-1)!.cursor]);
    return events.length;
  });
}

async function applyLifeEvent(tx: EntityManager, event: LifeEventRecord, now: Date): Promise<void> {
  if (event.kind === "DIED") {
    await tx.createQueryBuilder(DeceasedCitizenEntity).insert({ citizenId: event.citizenId, diedOn: event.occurredOn }).onConflict("citizenId").ignore().execute();
    const open = await tx.find(
      ConsentEntity,
      { subjectId: event.citizenId, status: { $in: [ConsentStatus.REQUESTED, ConsentStatus.ACTIVE, ConsentStatus.PAUSED] } },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const consent of open) {
      tx.assign(consent, applyAction(consent, "subjectDied", now));
      recordEvent(tx, consent, "subjectDied", now, { ...PLATFORM_ACTOR, reason: `CPR: død ${event.occurredOn.toISOString().slice(0, 10)}` });
    }
    return;
  }
  if (event.kind !== "CUSTODY_STARTED" && event.kind !== "CUSTODY_ENDED") return;
  const holderId = event.otherCitizenId!;
  const waiting = await tx.find(
    ConsentEntity,
    { subjectId: event.citizenId, status: ConsentStatus.REQUESTED, subjectComesOfAgeOn: { $ne: null }, handedOverAt: null },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  for (const request of waiting.filter((candidate) => !answeredAlone(candidate))) {
    if (event.kind === "CUSTODY_STARTED") {
      const change = withGiver(request, holderId);
      if (!change) continue;
      tx.assign(request, change);
      recordEvent(tx, request, "addGiver", now, PLATFORM_ACTOR);
      continue;
    }
    const change = withoutGiver(request, holderId, now);
    if (!change) continue;
    const { cancel, ...rest } = change;
    tx.assign(request, rest);
    if (cancel) {
      tx.assign(request, applyAction(request, "cancel", now));
      recordEvent(tx, request, "cancel", now, { ...PLATFORM_ACTOR, reason: "no one holds custody any longer" });
    } else {
      recordEvent(tx, request, "removeGiver", now, PLATFORM_ACTOR);
    }
  }
}

/** Reads the register's events every `intervalMs`, waking subscribers when something changed. */
export function startFollowingLifeEvents(options: {
  em: EntityManager;
  supergraph: Pick<SupergraphClient, "lifeEvents">;
  events: ConsentEventBus;
  now: () => Date;
  intervalMs: number;
  logger: Logger;
}): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= applyLifeEvents(options.em, options.supergraph, options.now())
      .then((read) => {
        if (read) {
          options.events.committed();
          options.logger.info({ read }, "acted on the person register's events");
        }
      })
      .catch((error) => options.logger.warn({ err: error }, "reading the person register's events failed; will retry"))
      .finally(() => (running = undefined));
  };
  // The first read waits a turn: at start the gateway it asks through is often not up yet.
  const timer = setInterval(run, options.intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
