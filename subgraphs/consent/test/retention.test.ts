import { describe, expect, it } from "vitest";
import { ConsentStatus } from "../src/domain/consent-state.js";
import { ConsentEntity } from "../src/entities/consent.entity.js";
import { appendAudit, auditFacts } from "../src/services/audit.js";
import { eraseExpired } from "../src/services/retention.js";
import { consentDatabase } from "./consent-database.js";

// An erasure races with requests that read the consent a moment before it went: their audit entries
// are written after it. Those must lose their person too, or the consent's subject would stay on
// the log for good.
const database = consentDatabase();
const DAY = 24 * 60 * 60 * 1000;
const text = { da: "Tekst", en: "Text" };

async function endedConsent(now: Date) {
  const em = database.orm.em.fork();
  const consent = em.create(ConsentEntity, {
    status: ConsentStatus.WITHDRAWN,
    templateId: crypto.randomUUID(),
    templateKey: "opbevaring",
    templateVersion: 1,
    retentionDays: 30,
    authorityId: crypto.randomUUID(),
    subjectId: crypto.randomUUID(),
    body: { title: text, purpose: text, dataCovered: text, partiesCovered: text, consequencesOfYes: text, consequencesOfNo: text, howToWithdraw: text, choices: [] },
    validityDays: null,
    requestedAt: new Date(now.getTime() - 40 * DAY),
    endedAt: new Date(now.getTime() - 31 * DAY),
    eraseAt: new Date(now.getTime() - DAY),
  });
  await em.flush();
  return consent;
}

const read = (consent: ConsentEntity, occurredAt: Date) =>
  database.orm.em.fork().transactional((tx) =>
    appendAudit(tx, [auditFacts({ actorKind: "CASEWORKER", actorId: crypto.randomUUID(), authorityId: consent.authorityId }, "read", consent, { occurredAt, purpose: "SAG-1" })]),
  );

const personalLeft = async (consentId: string) =>
  Number((await database.orm.em.fork().execute<{ count: string }[]>("select count(*) as count from consent_audit where consent_id = ? and subject_id is not null", [consentId]))[0]!.count);

describe("erasure", () => {
  it("erases the person from an audit entry a request writes just after the consent went, on the next run, then forgets the consent", async () => {
    const now = new Date();
    const consent = await endedConsent(now);
    await read(consent, now);
    expect(await eraseExpired(database.orm.em, now)).toBe(1);
    expect(await personalLeft(consent.id)).toBe(0);

    // A read that loaded the consent before the erasure committed, and wrote its entry after.
    await read(consent, new Date(now.getTime() + 50));
    expect(await personalLeft(consent.id)).toBe(1);
    expect(await eraseExpired(database.orm.em, new Date(now.getTime() + 30_000))).toBe(0);
    expect(await personalLeft(consent.id)).toBe(0);

    // Minutes later nothing more comes; the link between the consent and its person goes as well.
    const sweeps = () => database.orm.em.fork().execute<{ count: string }[]>("select count(*) as count from erasure_sweep where consent_id = ?", [consent.id]);
    expect(Number((await sweeps())[0]!.count)).toBe(1);
    await eraseExpired(database.orm.em, new Date(now.getTime() + 11 * 60_000));
    expect(Number((await sweeps())[0]!.count)).toBe(0);
  });
});
