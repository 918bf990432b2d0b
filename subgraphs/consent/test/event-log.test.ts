import { randomUUID } from "node:crypto";
import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import pg from "pg";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { ConsentEventEntity } from "../src/entities/consent-event.entity.js";
import { TEXT_FIELDS, type ConsentBody } from "../src/domain/declaration.js";
import { ConsentEntity } from "../src/entities/consent.entity.js";
import { ConsentEventBus } from "../src/services/consent-event-bus.js";
import { consentEventStream, latestCursor, wakeOrAbort } from "../src/services/consent-event-stream.js";
import { recordEvent, sealChanges } from "../src/services/consent-log.js";
import { PLATFORM_ACTOR } from "../src/services/actor.js";
import { consentDatabase } from "./consent-database.js";

const database = consentDatabase({ poolMax: 40 });

describe("the event log", () => {
  it("never lets a reader skip an event that commits after a later one (32 writers)", async () => {
    const bus = new ConsentEventBus();
    const writers = 32;
    const perWriter = 40;
    const expected = writers * perWriter;
    const seen: string[] = [];
    const stream = consentEventStream(database.orm.em, bus, {}, "0");
    const reading = (async () => {
      for await (const { event } of stream) {
        seen.push(event.id);
        if (seen.length === expected) break;
      }
    })();

    const write = await eventWriter();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = 0; i < perWriter; i++) await write(bus);
      }),
    );
    await Promise.race([reading, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    await stream.return?.();

    const all = await database.orm.em.fork().find(ConsentEventEntity, {}, { orderBy: { xid: "asc", id: "asc" } });
    expect(all).toHaveLength(expected);
    expect(seen).toEqual(all.map((event) => event.id));
    // The writers took ids out of the order they committed in, or the test proved nothing.
    expect(seen).not.toEqual([...seen].sort((a, b) => Number(BigInt(a) - BigInt(b))));
  }, 60_000);

  it("lets a change commit while another writer's transaction is still open, and holds the later event back until the earlier one ends", async () => {
    const bus = new ConsentEventBus();
    const from = await latestCursor(database.orm.em);
    const seen: string[] = [];
    const stream = consentEventStream(database.orm.em, bus, {}, from);
    const reading = (async () => {
      for await (const { event } of stream) seen.push(event.id);
    })();
    const [first, second] = [await eventWriter(), await eventWriter()];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const hasWritten = new Promise<void>((resolve) => (written = resolve));
    // The first writer has its event (and its id) written and keeps its transaction open.
    const slow = first(bus, () => (written(), released));
    await hasWritten;
    expect(await idsAfter(from)).toHaveLength(0);
    const quick = await Promise.race([second(bus).then(() => "committed"), new Promise((resolve) => setTimeout(() => resolve("waited"), 5_000))]);
    expect(quick).toBe("committed");
    expect(await idsAfter(from)).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    bus.committed();
    expect(seen).toEqual([]);
    release();
    await slow;
    await expect.poll(() => seen.length).toBe(2);
    const inOrder = await database.orm.em.fork().find(ConsentEventEntity, { id: { $in: seen } }, { orderBy: { xid: "asc", id: "asc" } });
    expect(seen).toEqual(inOrder.map((event) => event.id));
    await stream.return?.();
    await reading;
  }, 30_000);
});

describe("an event held back by an older transaction", () => {
  it("reaches a live reader soon after that transaction ends, though it writes no event and wakes no one", async () => {
    // The poll alone would take a minute: only looking again soon can deliver it in time.
    const bus = new ConsentEventBus(60_000);
    const seen: string[] = [];
    const stream = consentEventStream(database.orm.em, bus, {}, await latestCursor(database.orm.em));
    const reading = (async () => {
      for await (const { event } of stream) seen.push(event.id);
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const older = new pg.Client({ connectionString: database.url });
    await older.connect();
    try {
      // An older transaction with an id of its own (as a read's audit entry has), still running.
      await older.query("begin");
      await older.query("select pg_current_xact_id()");
      const write = await eventWriter();
      await write(bus);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual([]);
      const ended = performance.now();
      await older.query("commit");
      await expect.poll(() => seen.length, { timeout: 5_000, interval: 10 }).toBe(1);
      expect(performance.now() - ended).toBeLessThan(1_000);
    } finally {
      await older.end();
      await stream.return?.();
      await reading;
    }
  }, 30_000);
});

/** The ids of the committed events written since `cursor` (a `latestCursor`) was taken, in log order. */
async function idsAfter(cursor: string): Promise<string[]> {
  const [xid] = cursor.split(".");
  const rows = await database.orm.em.fork().getConnection().execute<{ id: string }[]>("select id::text as id from consent_event where xid >= ? order by xid, id", [xid]);
  return rows.map((row) => row.id);
}

/** A consent to hang events on, and a writer that records a change on it as the services do. */
async function eventWriter() {
  const consentId = randomUUID();
  await database.orm.em.fork().transactional(async (em) => {
    em.create(ConsentEntity, {
      id: consentId,
      status: ConsentStatus.REQUESTED,
      templateId: consentId,
      templateKey: "event-log-test",
      templateVersion: 1,
      retentionDays: 1095,
      authorityId: consentId,
      subjectId: consentId,
      body: { ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, { da: field, en: field }])), choices: [] } as unknown as ConsentBody,
      validityDays: null,
      requestedAt: new Date(),
    });
  });
  return async (bus: ConsentEventBus, beforeCommit?: () => Promise<void>) => {
    await database.orm.em.fork().transactional(async (em) => {
      const consent = await em.findOneOrFail(ConsentEntity, { id: consentId });
      recordEvent(em, consent, "remind", new Date(), PLATFORM_ACTOR);
      await sealChanges(em);
      await em.flush();
      // Widen the gap between taking an id and committing it, as a loaded server would.
      await (beforeCommit ? beforeCommit() : em.execute("select pg_sleep(random() * 0.002)"));
    });
    bus.committed();
  };
}

describe("many readers on one instance", () => {
  it("brings every event to each of 50 readers once and in order, and to a slow one that falls behind and catches up", async () => {
    const bus = new ConsentEventBus();
    const before = await latestCursor(database.orm.em);
    const expected = 32 * 20;
    let writesDone!: () => void;
    const written = new Promise<void>((resolve) => (writesDone = resolve));
    const read = async (stream: AsyncIterableIterator<{ event: ConsentEventEntity }>, slow: boolean) => {
      const seen: string[] = [];
      for await (const { event } of stream) {
        seen.push(event.id);
        // The slow reader stops after its first event until everything is written: far more than it may hold.
        if (slow && seen.length === 1) await written;
        if (seen.length === expected) break;
      }
      return seen;
    };
    // Half start from the cursor before the writes, half live from now; the slow one may hold only ten unread.
    const readers = [
      ...Array.from({ length: 50 }, (_, i) => read(consentEventStream(database.orm.em, bus, {}, i % 2 ? before : undefined), false)),
      read(consentEventStream(database.orm.em, bus, {}, before, { maxBuffered: 10 }), true),
    ];
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bus.openStreams).toBe(51);
    const write = await eventWriter();
    await Promise.all(Array.from({ length: 32 }, async () => {
      for (let i = 0; i < 20; i++) await write(bus);
    }));
    writesDone();
    const all = await idsAfter(before);
    expect(all).toHaveLength(expected);
    const seen = await Promise.race([Promise.all(readers), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("readers did not finish")), 30_000))]);
    for (const ids of seen) expect(ids).toEqual(all);
    expect(bus.openStreams).toBe(0);
  }, 60_000);
});

describe("waking readers", () => {
  it("leaves no abort listener behind for each wait a long subscription made", async () => {
    const subscription = new AbortController();
    for (let i = 0; i < 100; i++) await wakeOrAbort(subscription.signal, (wake) => setImmediate(wake));
    expect(getEventListeners(subscription.signal, "abort")).toHaveLength(0);
  });

  it("does not sleep through a commit that came while the reader was reading (and no one was waiting to hear it)", async () => {
    const bus = new ConsentEventBus(3_600_000);
    const beforeReading = bus.commits;
    bus.committed();
    const started = performance.now();
    await bus.waitForCommit(new AbortController().signal, bus.pollMs, beforeReading);
    expect(performance.now() - started).toBeLessThan(100);
    expect(bus.listenerCount()).toBe(0);
  });

  it("lets a wait that is already cancelled end at once instead of sleeping out its poll", async () => {
    const bus = new ConsentEventBus(3_600_000);
    const cancelled = AbortSignal.abort();
    const started = performance.now();
    await bus.waitForCommit(cancelled, bus.pollMs);
    expect(performance.now() - started).toBeLessThan(100);
    expect(bus.listenerCount()).toBe(0);
  });
});
