import { describe, expect, it } from "vitest";
import type { FilterQuery, QBFilterQuery } from "@mikro-orm/postgresql";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { ConsentEventEntity } from "../src/entities/consent-event.entity.js";
import { ConsentEntity } from "../src/entities/consent.entity.js";
import { applyDueChanges, dueAtFifteen, dueToExpire, dueToFollowUp, dueToHandOver } from "../src/services/due-changes.js";
import { dueToErase } from "../src/services/retention.js";
import { consentDatabase } from "./consent-database.js";

// Every instance asks for what time has made due every 30 seconds. With ten million consents a
// sequential scan reads some 20 GB each time; the questions must be answerable from an index, as
// the plan shows when the planner is told to avoid scanning the table whenever it can.
const database = consentDatabase();

/** The plan PostgreSQL would follow for the ORM's query with `filter`, the table scan its last resort. */
async function planOf(filter: FilterQuery<ConsentEntity>): Promise<string> {
  const em = database.orm.em.fork();
  const query = em.createQueryBuilder(ConsentEntity).select("*").where(filter as QBFilterQuery<ConsentEntity>).limit(100).getFormattedQuery();
  return em.getConnection().transactional(async (tx) => {
    await em.getConnection().execute("set local enable_seqscan = off", [], "all", tx);
    const rows = await em.getConnection().execute<{ "QUERY PLAN": string }[]>(`explain (costs off) ${query}`, [], "all", tx);
    return rows.map((row) => row["QUERY PLAN"]).join("\n");
  });
}

describe("what time makes due", () => {
  it("is found through an index, never by reading every consent", async () => {
    const now = new Date();
    for (const plan of [await planOf(dueToExpire(now)), await planOf(dueToHandOver(now.toISOString().slice(0, 10))), await planOf(dueToFollowUp(now)), await planOf(dueAtFifteen(now.toISOString().slice(0, 10)))]) {
      expect(plan, plan).not.toMatch(/Seq Scan/);
      expect(plan, plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    }
    // What has passed its retention, among the ended consents kept for years.
    expect(await planOf(dueToErase(now))).toMatch(/consent_erase_due_index/);
  });
});

const DAY = 24 * 60 * 60 * 1000;
const text = { da: "Tekst", en: "Text" };

/** An unanswered request made `ago` before `now`, with the template's follow-up due as given. */
async function unansweredRequest(now: Date, due: { reminderDueAt?: Date | null; followUpDueAt?: Date | null; answerBy: Date }) {
  const em = database.orm.em.fork();
  const consent = em.create(ConsentEntity, {
    status: ConsentStatus.REQUESTED,
    templateId: crypto.randomUUID(),
    templateKey: "opfoelgning",
    templateVersion: 1,
    retentionDays: 1095,
    authorityId: crypto.randomUUID(),
    subjectId: crypto.randomUUID(),
    body: { title: text, purpose: text, dataCovered: text, partiesCovered: text, consequencesOfYes: text, consequencesOfNo: text, howToWithdraw: text, choices: [] },
    validityDays: null,
    requestedAt: new Date(now.getTime() - 10 * DAY),
    ...due,
  });
  await em.flush();
  return consent.id;
}

const actionsOf = async (consentId: string) =>
  (await database.orm.em.fork().find(ConsentEventEntity, { consentId }, { orderBy: { id: "asc" } })).map((event) => [event.action, event.actorKind]);

describe("following up a request nobody answers", () => {
  it("takes each step once, however many instances run it at the same time and however often they run after", async () => {
    const now = new Date();
    const id = await unansweredRequest(now, { reminderDueAt: new Date(now.getTime() - 3 * DAY), followUpDueAt: new Date(now.getTime() - DAY), answerBy: new Date(now.getTime() + DAY) });
    // Two instances at once, then a third started later (a restart): the state is in the row, not in a process.
    await Promise.all([applyDueChanges(database.orm.em, now), applyDueChanges(database.orm.em, now)]);
    await applyDueChanges(database.orm.em, new Date(now.getTime() + 1000));
    expect(await actionsOf(id)).toEqual([
      ["remind", "PLATFORM"],
      ["followUp", "PLATFORM"],
    ]);
    const row = await database.orm.em.fork().findOneOrFail(ConsentEntity, { id });
    expect(row).toMatchObject({ status: ConsentStatus.REQUESTED, reminderDueAt: null, followUpDueAt: null, followUpOpenedAt: now });
  });

  it("sends nothing for a request past its deadline: it ends UNANSWERED", async () => {
    const now = new Date();
    const id = await unansweredRequest(now, { reminderDueAt: new Date(now.getTime() - 3 * DAY), followUpDueAt: new Date(now.getTime() - DAY), answerBy: new Date(now.getTime() - 1000) });
    await applyDueChanges(database.orm.em, now);
    expect(await actionsOf(id)).toEqual([["lapse", "PLATFORM"]]);
    expect(await database.orm.em.fork().findOneOrFail(ConsentEntity, { id })).toMatchObject({ status: ConsentStatus.UNANSWERED, endedAt: now });
  });

  it("waits for what is not yet due", async () => {
    const now = new Date();
    const id = await unansweredRequest(now, { reminderDueAt: new Date(now.getTime() + DAY), followUpDueAt: null, answerBy: new Date(now.getTime() + 5 * DAY) });
    await applyDueChanges(database.orm.em, now);
    expect(await actionsOf(id)).toEqual([]);
  });
});
