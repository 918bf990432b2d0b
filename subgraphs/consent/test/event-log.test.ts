import { randomUUID } from "node:crypto";
import { getEventListeners } from "node:events";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { MikroORM } from "@mikro-orm/postgresql";
import { createLogger, openDatabase, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { dropSubgraphDatabases, uniqueDatabaseServerUrl } from "@samtykke/server-kit/testing";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { ActorKind, ConsentEventEntity } from "../src/entities/consent-event.entity.js";
import { TEXT_FIELDS, type ConsentBody } from "../src/domain/declaration.js";
import { ConsentEntity } from "../src/entities/consent.entity.js";
import { ConsentEventBus } from "../src/services/consent-event-bus.js";
import { consentEventStream, wakeOrAbort } from "../src/services/consent-event-stream.js";
import { lockEventLog } from "../src/services/consent-log.js";
import { consentSubgraph } from "../src/subgraph.js";

const serverUrl = uniqueDatabaseServerUrl(inject("databaseServerUrl"));
let orm: MikroORM;
beforeAll(async () => {
  orm = await openDatabase({
    databaseUrl: subgraphDatabaseUrl(serverUrl, "consent"),
    entities: consentSubgraph.entities as never,
    migrationsPath: consentSubgraph.migrationsPath,
    logger: createLogger("consent", "silent"),
    poolMax: 40,
  });
});
afterAll(async () => {
  await orm?.close();
  await dropSubgraphDatabases(serverUrl, ["consent"]);
});

describe("the event log", () => {
  it("never lets a reader skip an event that commits after a later one (32 writers)", async () => {
    const bus = new ConsentEventBus();
    const writers = 32;
    const perWriter = 40;
    const expected = writers * perWriter;
    const seen: string[] = [];
    const stream = consentEventStream(orm.em, bus, {}, "0");
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

    const all = await orm.em.fork().find(ConsentEventEntity, {}, { orderBy: { id: "asc" } });
    expect(all).toHaveLength(expected);
    expect(seen).toEqual(all.map((event) => event.id));
  }, 60_000);
});

/** A consent to hang events on, and a writer that adds events as a change would (event log lock held to commit). */
async function eventWriter() {
  const consentId = randomUUID();
  await orm.em.fork().transactional(async (em) => {
    em.create(ConsentEntity, {
      id: consentId,
      status: ConsentStatus.REQUESTED,
      templateId: consentId,
      templateKey: "event-log-test",
      templateVersion: 1,
      authorityId: consentId,
      subjectId: consentId,
      body: { ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, { da: field, en: field }])), choices: [] } as unknown as ConsentBody,
      validityDays: null,
      requestedAt: new Date(),
    });
  });
  return async (bus: ConsentEventBus) => {
    await orm.em.fork().transactional(async (em) => {
      em.create(ConsentEventEntity, { consentId, action: "request", status: ConsentStatus.REQUESTED, actorKind: ActorKind.PLATFORM, authorityId: consentId, subjectId: consentId, occurredAt: new Date() });
      await lockEventLog(em);
      await em.flush();
      // Widen the gap between taking an id and committing it, as a loaded server would.
      await em.execute("select pg_sleep(random() * 0.002)");
    });
    bus.committed();
  };
}

describe("many readers on one instance", () => {
  it("brings every event to each of 50 readers once and in order, and to a slow one that falls behind and catches up", async () => {
    const bus = new ConsentEventBus();
    const before = BigInt((await orm.em.fork().getConnection().execute<{ max: string | null }[]>("select max(id)::text as max from consent_event"))[0]?.max ?? "0");
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
      ...Array.from({ length: 50 }, (_, i) => read(consentEventStream(orm.em, bus, {}, i % 2 ? String(before) : undefined), false)),
      read(consentEventStream(orm.em, bus, {}, String(before), { maxBuffered: 10 }), true),
    ];
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bus.openStreams).toBe(51);
    const write = await eventWriter();
    await Promise.all(Array.from({ length: 32 }, async () => {
      for (let i = 0; i < 20; i++) await write(bus);
    }));
    writesDone();
    const all = (await orm.em.fork().find(ConsentEventEntity, { id: { $gt: String(before) } }, { orderBy: { id: "asc" } })).map((event) => event.id);
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

  it("lets a wait that is already cancelled end at once instead of sleeping out its poll", async () => {
    const bus = new ConsentEventBus(3_600_000);
    const cancelled = AbortSignal.abort();
    const started = performance.now();
    await bus.waitForCommit(cancelled, bus.pollMs);
    expect(performance.now() - started).toBeLessThan(100);
    expect(bus.listenerCount()).toBe(0);
  });
});
