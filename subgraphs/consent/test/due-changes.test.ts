import { describe, expect, it } from "vitest";
import type { FilterQuery, QBFilterQuery } from "@mikro-orm/postgresql";
import { ConsentEntity } from "../src/entities/consent.entity.js";
import { dueToExpire, dueToHandOver } from "../src/services/due-changes.js";
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
    for (const plan of [await planOf(dueToExpire(now)), await planOf(dueToHandOver(now.toISOString().slice(0, 10)))]) {
      expect(plan, plan).not.toMatch(/Seq Scan/);
      expect(plan, plan).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    }
  });
});
