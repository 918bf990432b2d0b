import { describe, expect, it } from "vitest";
import { DataExportEntity } from "../src/entities/data-export.entity.js";
import { buildNextExport, EXPORT_LEASE_MS } from "../src/services/data-export.js";
import { generateSealKey } from "../src/services/seal-keys.js";
import { consentDatabase } from "./consent-database.js";

// A citizen's copy is built by whichever instance takes it. One that dies halfway must not leave the
// copy "being made" for ever: after a lease, another instance builds it again.
const database = consentDatabase();

async function exportIn(status: string, claimedAgoMs: number | null, now: Date) {
  const em = database.orm.em.fork();
  const citizen = crypto.randomUUID();
  const row = em.create(DataExportEntity, {
    requestedById: citizen,
    subjectId: citizen,
    createdAt: new Date(now.getTime() - 60 * 60 * 1000),
    status,
    claimedAt: claimedAgoMs === null ? null : new Date(now.getTime() - claimedAgoMs),
  });
  await em.flush();
  return row.id;
}

const statusOf = async (id: string) => (await database.orm.em.fork().findOneOrFail(DataExportEntity, { id })).status;

describe("building a citizen's copy", () => {
  it("builds again one whose builder died, once its lease has run out, and leaves one still being built alone", async () => {
    const key = await generateSealKey();
    const now = new Date();
    const busy = await exportIn("BUILDING", 60_000, now);
    const abandoned = await exportIn("BUILDING", EXPORT_LEASE_MS + 1_000, now);
    while (await buildNextExport(database.orm.em, key, () => now));
    expect(await statusOf(abandoned)).toBe("READY");
    expect(await statusOf(busy)).toBe("BUILDING");
  });
});
