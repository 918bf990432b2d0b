import { describe, expect, it } from "vitest";
import { rowsToRead } from "@samtykke/server-kit";
import { AuditEntryEntity } from "../src/entities/audit-entry.entity.js";
import { consentDatabase } from "./consent-database.js";

// Lists and the audit sealer read rows without making them managed entities; what they get must
// still be what the ORM would have given (or a sealed hash or an answer would differ), and it must
// stay out of the unit of work.
const database = consentDatabase();

describe("rows read only to be answered", () => {
  it("are mapped as the ORM maps them, and never enter the unit of work", async () => {
    const occurredAt = new Date("2026-05-12T08:30:00.123Z");
    const facts = { occurredAt, actorKind: "citizen", actorId: null, actorAuthorityId: null, action: "read", consentId: null, subjectId: null, authorityId: null, purpose: "læst", requestId: "r-1" };
    await database.orm.em.fork().insertMany(AuditEntryEntity, [facts, { ...facts, purpose: "læst igen" }]);

    const em = database.orm.em.fork();
    const managed = await em.fork().find(AuditEntryEntity, {}, { orderBy: { id: "asc" } });
    const read = await rowsToRead(em, AuditEntryEntity, {}, { orderBy: { id: "asc" } });
    expect(read).toHaveLength(2);
    for (const [index, row] of read.entries()) {
      expect(row.occurredAt).toBeInstanceOf(Date);
      expect(row.occurredAt.toISOString()).toBe(occurredAt.toISOString());
      expect({ ...row }).toEqual({ ...managed[index]! });
    }
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);

    const [first] = await rowsToRead(em, AuditEntryEntity, { purpose: "læst igen" }, { fields: ["id", "purpose"], limit: 1 });
    expect(first).toEqual({ id: managed[1]!.id, purpose: "læst igen" });
  });
});
