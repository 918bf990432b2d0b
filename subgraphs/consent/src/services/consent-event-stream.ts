import type { EntityManager } from "@mikro-orm/postgresql";
import { ValidationError } from "@samtykke/server-kit";
import { ConsentEventEntity } from "../entities/consent-event.entity.js";
import { ConsentEntity } from "../entities/consent.entity.js";
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
  /** The consent as it is when the event is delivered, read afresh for each event. */
  consent: ConsentEntity;
}

const BATCH = 100;

/** The id of the newest event, "0" when there is none. */
export async function latestCursor(em: EntityManager): Promise<string> {
  const [row] = await em.fork().getConnection().execute<{ max: string | null }[]>("select max(id)::text as max from consent_event");
  return row?.max ?? "0";
}

function parseCursor(after: string | null | undefined): bigint | undefined {
  if (after === null || after === undefined) return undefined;
  if (!/^\d{1,19}$/.test(after)) {
    throw new ValidationError(
      { da: "Ugyldig markør (cursor).", en: "Invalid cursor." },
      { field: "after" },
    );
  }
  return BigInt(after);
}

/**
 * The events matching `filter` after the cursor `after` (or from now), in cursor order, then live.
 * Returned as a plain iterator so that an unsubscribe ends a pending wait at once.
 */
export function consentEventStream(
  em: EntityManager,
  bus: ConsentEventBus,
  filter: ConsentEventFilter,
  after?: string | null,
): AsyncIterableIterator<StreamedConsentEvent> {
  const cursor = parseCursor(after);
  const abort = new AbortController();

  async function* generate(): AsyncGenerator<StreamedConsentEvent> {
    bus.streamOpened();
    try {
      yield* follow();
    } finally {
      bus.streamClosed();
    }
  }

  async function* follow(): AsyncGenerator<StreamedConsentEvent> {
    let last = cursor ?? BigInt(await latestCursor(em));
    const where = {
      ...(filter.consentId ? { consentId: filter.consentId } : {}),
      ...(filter.subjectId ? { subjectId: filter.subjectId } : {}),
      ...(filter.authorityId ? { authorityId: filter.authorityId } : {}),
      ...(filter.subjectIds ? { subjectId: filter.subjectId ? (filter.subjectIds.includes(filter.subjectId) ? filter.subjectId : { $in: [] }) : { $in: [...filter.subjectIds] } } : {}),
    };
    while (!abort.signal.aborted) {
      const reader = em.fork();
      const events: ConsentEventEntity[] = await reader.find(
        ConsentEventEntity,
        { ...where, id: { $gt: String(last) } },
        { orderBy: { id: "asc" }, limit: BATCH },
      );
      if (events.length === 0) {
        await bus.waitForCommit(abort.signal, bus.pollMs);
        continue;
      }
      const consents = await reader.find(ConsentEntity, { id: { $in: [...new Set(events.map((e) => e.consentId))] } });
      const byId = new Map(consents.map((c) => [c.id, c]));
      for (const event of events) {
        last = BigInt(event.id);
        const consent = byId.get(event.consentId);
        if (consent && (!filter.visible || filter.visible(consent))) yield { event, consent };
        if (abort.signal.aborted) return;
      }
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
