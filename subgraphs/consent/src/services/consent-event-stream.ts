import { type EventPosition, formatPosition, isAfter, parsePosition, TRANSACTION_HORIZON_SQL } from "@samtykke/server-kit";
import type { EntityManager, FilterObject } from "@mikro-orm/postgresql";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
import { consentsToRead } from "./consent-search.js";
import type { ConsentEventBus } from "./consent-event-bus.js";

export interface ConsentEventFilter {
  consentId?: string | null;
  subjectId?: string | null;
  authorityId?: string | null;
  /** Only events about these citizens (a citizen subscriber: themselves and those they act for). */
  subjectIds?: readonly string[] | null;
  /** Whether the subscriber may see this consent as it is when the event is delivered. */
  visible?: (consent: ConsentEntity) => boolean;
}

export interface StreamedConsentEvent {
  event: ConsentEventEntity;
  /** The consent as it was read with its event, just after the event committed. */
  consent: ConsentEntity;
}

const BATCH = 100;
/** Events a live stream may hold unread before it lets go of them and reads the log itself again. */
const MAX_BUFFERED = 5_000;

export const positionOf = (event: ConsentEventEntity): EventPosition => ({ xid: BigInt(event.xid), id: BigInt(event.id) });

/**
 * The log's current position: every event from now on lies after it. It stands just before the
 * oldest running transaction, so an event that committed a moment ago behind an older transaction
 * still running may come once more; none is missed.
 */
export async function latestPosition(em: EntityManager): Promise<EventPosition> {
  const [row] = await em.fork().getConnection().execute<{ horizon: string }[]>(`select ${TRANSACTION_HORIZON_SQL}::text as horizon`);
  return { xid: BigInt(row!.horizon), id: 0n };
}

export const latestCursor = async (em: EntityManager): Promise<string> => formatPosition(await latestPosition(em));

/**
 * The finished events after `after` in log order (at most `limit`). Only transactions below the
 * horizon are read: one that commits later lies beyond everything read now, so moving past what
 * was read never skips it. No lock is taken, by readers or writers.
 */
export async function eventsAfter(em: EntityManager, after: EventPosition, limit: number, where: FilterObject<ConsentEventEntity> = {}): Promise<ConsentEventEntity[]> {
  return em
    .createQueryBuilder(ConsentEventEntity)
    .where(where)
    .andWhere("(xid, id) > (?, ?)", [String(after.xid), String(after.id)])
    .andWhere(`xid < ${TRANSACTION_HORIZON_SQL}`)
    .orderBy({ xid: "asc", id: "asc" })
    .limit(limit)
    .getResultList();
}

/** Whether committed events wait behind the horizon: a transaction older than theirs is still running. */
export async function eventsHeldBack(em: EntityManager): Promise<boolean> {
  const [row] = await em.fork().getConnection().execute<{ held: boolean }[]>(`select exists(select 1 from consent_event where xid >= ${TRANSACTION_HORIZON_SQL}) as held`);
  return row!.held;
}

const HELD_FIRST_MS = 5;
const HELD_MOST_MS = 200;

/**
 * How a reader that found nothing new waits: for the next commit (or its poll), except while
 * committed events wait behind an older transaction still running. Then it looks again soon, sooner
 * than any wake-up can be counted on (the older transaction may write no event and so notify no
 * one when it ends), backing off from 5 ms to 200 ms while it lasts.
 */
export class EmptyReadPause {
  private heldMs = HELD_FIRST_MS;

  constructor(
    private readonly em: EntityManager,
    private readonly bus: ConsentEventBus,
  ) {}

  /** `since`: the bus's commit count read before the read that found nothing. */
  async wait(signal: AbortSignal, pollMs: number, since: number): Promise<void> {
    if (await eventsHeldBack(this.em).catch(() => false)) {
      const ms = this.heldMs;
      this.heldMs = Math.min(this.heldMs * 2, HELD_MOST_MS);
      return this.bus.waitForCommit(signal, ms, since);
    }
    this.heldMs = HELD_FIRST_MS;
    return this.bus.waitForCommit(signal, pollMs, since);
  }
}

/** The events after `after` (at most `limit`), each with its consent. */
async function readEvents(em: EntityManager, after: EventPosition, limit: number, where: FilterObject<ConsentEventEntity> = {}): Promise<StreamedConsentEvent[]> {
  const reader = em.fork();
  const events = await eventsAfter(reader, after, limit, where);
  if (!events.length) return [];
  const consents = new Map((await consentsToRead(reader, { id: { $in: [...new Set(events.map((e) => e.consentId))] } })).map((c) => [c.id, c]));
  return events.flatMap((event) => (consents.has(event.consentId) ? [{ event, consent: consents.get(event.consentId)! }] : []));
}

/**
 * One reader of the event log per instance for every live subscription on it: on each commit it
 * reads the new events once, with their consents, and hands the batch to every listener in memory.
 * It reads only finished transactions (`eventsAfter`), so moving past the last event seen never
 * skips one. It runs while anyone listens and forgets its place when no one does.
 */
class EventTail {
  private readonly listeners = new Set<(batch: readonly StreamedConsentEvent[]) => void>();
  /** Where the running loop starts, and the last position it has read and handed out. */
  private start: Promise<EventPosition> | undefined;
  private last: EventPosition | undefined;
  private running = false;
  private readonly idle = new AbortController();
  private readonly pause: EmptyReadPause;

  constructor(
    private readonly em: EntityManager,
    private readonly bus: ConsentEventBus,
  ) {
    this.pause = new EmptyReadPause(em, bus);
  }

  /**
   * Adds a listener and answers the position up to which the tail has read: every event after it reaches
   * the listener; those up to it the listener reads itself.
   */
  async listen(listener: (batch: readonly StreamedConsentEvent[]) => void): Promise<{ from: EventPosition; stop: () => void }> {
    this.listeners.add(listener);
    if (!this.running) {
      this.running = true;
      this.last = undefined;
      const start = (this.start = latestPosition(this.em));
      // Without a place to start there is no loop; the listeners waiting for it fail with the same error.
      void start.then(
        (from) => this.follow(from),
        () => (this.running = false),
      );
    }
    return { from: await this.reached(), stop: () => this.listeners.delete(listener) };
  }

  /** The last position handed out; every batch from now on lies beyond it. */
  reached(): Promise<EventPosition> {
    return this.last !== undefined ? Promise.resolve(this.last) : this.start!;
  }

  private async follow(from: EventPosition): Promise<void> {
    this.last = from;
    for (;;) {
      // Decided and marked in one step: a listener arriving after this starts a loop of its own.
      if (!this.listeners.size) {
        this.running = false;
        return;
      }
      let batch: StreamedConsentEvent[];
      const since = this.bus.commits;
      try {
        batch = await readEvents(this.em, this.last, BATCH);
      } catch {
        // The database is away for a moment: the poll tries again; listeners keep their place.
        await this.bus.waitForCommit(this.idle.signal, this.bus.pollMs);
        continue;
      }
      if (!batch.length) {
        await this.pause.wait(this.idle.signal, this.bus.pollMs, since);
        continue;
      }
      this.last = positionOf(batch.at(-1)!.event);
      for (const listener of [...this.listeners]) listener(batch);
    }
  }
}

const tails = new WeakMap<ConsentEventBus, EventTail>();
// One tail per instance: the bus is made once per consent subgraph, and so is its tail.
function tailOf(em: EntityManager, bus: ConsentEventBus): EventTail {
  let tail = tails.get(bus);
  if (!tail) tails.set(bus, (tail = new EventTail(em, bus)));
  return tail;
}

/**
 * Waits until `register`'s wake-up is called or `signal` aborts. The abort listener goes with the
 * wait: a subscription that lives for days must not gather one per event it waited for.
 */
export function wakeOrAbort(signal: AbortSignal, register: (wake: () => void) => void): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener("abort", done);
      resolve();
    };
    register(done);
    signal.addEventListener("abort", done, { once: true });
  });
}

function matches(filter: ConsentEventFilter, { event, consent }: StreamedConsentEvent): boolean {
  if (filter.consentId && event.consentId !== filter.consentId) return false;
  if (filter.subjectId && event.subjectId !== filter.subjectId) return false;
  if (filter.authorityId && event.authorityId !== filter.authorityId) return false;
  if (filter.subjectIds && !filter.subjectIds.includes(event.subjectId)) return false;
  return !filter.visible || filter.visible(consent);
}

/**
 * The events matching `filter` after the cursor `after` (or from now), in cursor order, then live.
 * A stream reads the log itself until it reaches the instance's shared tail, then takes its events
 * from the tail; one that falls too far behind lets go and reads for itself again. Returned as a
 * plain iterator so that an unsubscribe ends a pending wait at once.
 */
export function consentEventStream(
  em: EntityManager,
  bus: ConsentEventBus,
  filter: ConsentEventFilter,
  after?: string | null,
  { maxBuffered = MAX_BUFFERED }: { maxBuffered?: number } = {},
): AsyncIterableIterator<StreamedConsentEvent> {
  const cursor = after === null || after === undefined ? undefined : parsePosition(after);
  const abort = new AbortController();
  const where = {
    ...(filter.consentId ? { consentId: filter.consentId } : {}),
    ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
    ...(filter.authorityId ? { authorityId: filter.authorityId } : {}),
    ...(filter.subjectIds ? { subjectId: filter.subjectId ? (filter.subjectIds.includes(filter.subjectId) ? filter.subjectId : { $in: [] }) : { $in: [...filter.subjectIds] } } : {}),
  };

  async function* generate(): AsyncGenerator<StreamedConsentEvent> {
    bus.streamOpened();
    let buffered: StreamedConsentEvent[] = [];
    let overflowed = false;
    let wake: (() => void) | undefined;
    const listening = tailOf(em, bus).listen((batch) => {
      if (overflowed) return;
      buffered.push(...batch.filter((item) => matches(filter, item)));
      if (buffered.length > maxBuffered) {
        buffered = [];
        overflowed = true;
      }
      wake?.();
    });
    let stop: (() => void) | undefined;
    try {
      const { from, stop: stopListening } = await listening;
      stop = stopListening;
      let last = cursor ?? (await latestPosition(em));
      // Reads the log itself, up to where the tail had read when it was asked.
      async function* catchUp(until: EventPosition): AsyncGenerator<StreamedConsentEvent> {
        while (isAfter(until, last) && !abort.signal.aborted) {
          const batch = await readEvents(em, last, BATCH, where);
          if (!batch.length) return;
          for (const item of batch) {
            if (isAfter(positionOf(item.event), until)) return;
            last = positionOf(item.event);
            if (!filter.visible || filter.visible(item.consent)) yield item;
            if (abort.signal.aborted) return;
          }
        }
      }
      yield* catchUp(from);
      while (!abort.signal.aborted) {
        if (overflowed) {
          overflowed = false;
          yield* catchUp(await tailOf(em, bus).reached());
          continue;
        }
        const item = buffered.shift();
        if (!item) {
          await wakeOrAbort(abort.signal, (done) => (wake = done));
          wake = undefined;
          continue;
        }
        const position = positionOf(item.event);
        if (!isAfter(position, last)) continue;
        last = position;
        yield item;
      }
    } finally {
      stop?.();
      if (!stop) void listening.then(({ stop: late }) => late());
      bus.streamClosed();
    }
  }

  const generator = generate();
  return {
    next: () => generator.next(),
    return: (value?: unknown) => {
      abort.abort();
      return generator.return(value as never);
    },
    throw: (error?: unknown) => {
      abort.abort();
      return generator.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
