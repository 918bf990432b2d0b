import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO, runtimeDatabaseUrl, subgraphDatabaseUrl } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";
import { runScript } from "./support/processes.js";

// Nothing is kept longer than the template version says: when an ended consent's retention has
// passed, the consent subgraph erases its personal data (answers, signatures, scans, letters, the
// link to the person), keeps the anonymous counts the statistics need, and leaves the sealed audit
// log verifiable. The consent subgraph's clock is moved here; it applies what is due every 100 ms.
const DAY = 24 * 60 * 60 * 1000;
const KEY = "odense-opbevaring";
let offset = 0;
let platform: TestPlatform;
let odense: Caller;
let templateId: string;
let consentDatabase: string;

const CREATE = `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id retentionDays } }`;
const draft = (retentionDays?: number) => ({
  authorityId: DEMO.authorities.odense,
  key: KEY,
  title: { da: "Samtykke til hjælp i hjemmet", en: "Consent to help at home" },
  purpose: { da: "Vi vil hjælpe dig i dit hjem.", en: "We want to help you at home." },
  ...TEMPLATE_TEXTS,
  ...(retentionDays === undefined ? {} : { retentionDays }),
});

beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 } });
  odense = await platform.caseworker("odense");
  consentDatabase = subgraphDatabaseUrl(platform.databaseUrl, "consent");
});
afterAll(async () => {
  await platform?.stop();
});

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = [], url = consentDatabase): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** `npm run audit:verify` on this platform's consent database: its exit code and what it printed. */
const verify = () => runScript("subgraphs/consent/src/verify-audit.ts", { CONSENT_DATABASE_URL: consentDatabase });

const consentOf = async (id: string) => odense.graphql(`query($id: ID!) { consent(id: $id) { id status endedAt eraseAt } }`, { id });
const myConsentIds = async (citizen: Caller) =>
  ((await citizen.graphql(`{ myConsents(first: 100) { id } }`)).data.myConsents as { id: string }[]).map((consent) => consent.id);
const lettersAbout = async (citizen: Caller, id: string) =>
  ((await citizen.graphql(`{ myMailbox(first: 100) { kind consent { id } } }`)).data.myMailbox as { consent: { id: string } | null }[]).filter((letter) => letter.consent?.id === id);

describe("retention", () => {
  it("states on each template version how long a consent's data is kept, within what its legal basis allows", async () => {
    for (const days of [29, 1826]) {
      const refused = await odense.graphql(CREATE, { input: draft(days) });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "retentionDays" });
      expect(refused.errors?.[0]?.message).toBe("The retention after the end must be 30-1825 days for this kind of declaration.");
    }
    const objection = await odense.graphql(CREATE, { input: { ...draft(1096), key: "odense-indsigelse-opbevaring", kind: "OBJECTION" } });
    expect(objection.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "retentionDays" });
    // Nothing was saved by a refusal.
    expect((await odense.graphql(`query($key: String!) { templateVersions(key: $key) { id } }`, { key: KEY })).data.templateVersions).toEqual([]);

    const byDefault = await odense.graphql(CREATE, { input: { ...draft(), key: "odense-opbevaring-standard" } });
    expect(byDefault.data.createTemplate.retentionDays).toBe(1095);
    const created = await odense.graphql(CREATE, { input: draft(30) });
    expect(created.data.createTemplate.retentionDays).toBe(30);
    templateId = created.data.createTemplate.id;
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: templateId })).data.publishTemplate.status).toBe("PUBLISHED");
  });

  it("erases an ended consent's personal data when its retention has passed, keeps the counts, and leaves the audit log verifiable", { timeout: 120_000 }, async () => {
    // Six citizens give and withdraw (one of them on paper, with a scan); a seventh keeps theirs.
    const people: { cpr: string; citizen: Caller; id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      const cpr = cprBornOn(new Date(Date.UTC(1963, 2, 1 + i)), "517");
      const citizen = await platform.citizen(cpr);
      let id: string;
      if (i === 5) {
        const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("scan")]).toString("base64");
        const paper = await odense.graphql(`mutation($input: UploadPaperConsentInput!) { uploadPaperConsent(input: $input) { id } }`, {
          input: { templateId, cpr, answers: [], statement: "Borgeren skrev under på blanketten", scanBase64: png, fileName: "blanket.png", signedAt: new Date(Date.now() - 60_000).toISOString() },
        });
        expect(paper.errors).toBeUndefined();
        id = paper.data.uploadPaperConsent.id;
      } else {
        id = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId, cpr } })).data.requestConsent.id;
        expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
      }
      if (i < 6) expect((await citizen.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id })).data.withdrawConsent.status).toBe("WITHDRAWN");
      people.push({ cpr, citizen, id });
    }
    const ended = people.slice(0, 6);
    const kept = people[6]!;

    // Each ended consent says when its data goes; the one in force has no such date.
    const before = (await consentOf(ended[0]!.id)).data.consent;
    expect(Date.parse(before.eraseAt) - Date.parse(before.endedAt)).toBe(30 * DAY);
    expect((await consentOf(kept.id)).data.consent.eraseAt).toBeNull();
    await expect.poll(async () => (await lettersAbout(ended[0]!.citizen, ended[0]!.id)).length, { timeout: 20_000, interval: 300 }).toBeGreaterThan(0);
    const endedIds = ended.map((person) => person.id);
    const countRows = (table: string) => query<{ count: string }>(`select count(*) from ${table} where consent_id = any($1::uuid[])`, [endedIds]).then(([row]) => Number(row!.count));
    expect(await countRows("consent_attachment")).toBe(1);
    expect(await countRows("mailbox_letter")).toBeGreaterThan(0);

    // A day before the end of the retention, everything is still there.
    offset = 29 * DAY;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await consentOf(ended[0]!.id)).data.consent.status).toBe("WITHDRAWN");

    offset = 31 * DAY;
    await expect.poll(async () => (await consentOf(ended[0]!.id)).errors?.[0]?.extensions?.code, { timeout: 20_000, interval: 300 }).toBe("NOT_FOUND");
    for (const { id, citizen } of ended) {
      expect((await consentOf(id)).errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
      expect(await myConsentIds(citizen)).not.toContain(id);
      expect(await lettersAbout(citizen, id)).toEqual([]);
    }
    // What is in force is not touched.
    expect((await consentOf(kept.id)).data.consent.status).toBe("ACTIVE");
    expect(await myConsentIds(kept.citizen)).toContain(kept.id);

    // Gone: the consents, their history, the scan, the letters and receipts.
    expect((await query("select id from consent where id = any($1::uuid[])", [endedIds])).length).toBe(0);
    for (const table of ["consent_event", "consent_attachment", "mailbox_letter"]) expect(await countRows(table)).toBe(0);
    // Left: every audit entry about them, without the person, and the erasure itself on record. A read
    // of ours that raced the erasure wrote its entry after it; the next run (0.1 s later) erases that too.
    const personalLeft = async () =>
      Number((await query<{ count: string }>("select count(*) from consent_audit where consent_id = any($1::uuid[]) and subject_id is not null", [endedIds]))[0]!.count);
    await expect.poll(personalLeft, { timeout: 10_000, interval: 200 }).toBe(0);
    const entries = await query<{ action: string; subject_id: string | null; actor_id: string | null; purpose: string | null; personal_digest: string | null }>(
      "select action, subject_id, actor_id, purpose, personal_digest from consent_audit where consent_id = any($1::uuid[])",
      [endedIds],
    );
    expect(entries.filter((entry) => entry.action !== "erase").length).toBeGreaterThan(12);
    for (const entry of entries.filter((entry) => entry.action !== "erase")) {
      expect(entry).toMatchObject({ subject_id: null, actor_id: null, purpose: null, personal_digest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    }
    expect(entries.filter((entry) => entry.action === "erase")).toHaveLength(6);
    expect(entries.find((entry) => entry.action === "erase")!.purpose).toBe("retention of 30 days after it ended has passed");
    const keptEntries = await query<{ subject_id: string | null }>("select subject_id from consent_audit where consent_id = $1", [kept.id]);
    expect(keptEntries.every((entry) => entry.subject_id !== null)).toBe(true);

    // The statistics still count them: seven asked and given, six withdrawn.
    const statistics = await odense.graphql(
      `query($from: DateTimeISO!, $to: DateTimeISO!) { consentStatistics(from: $from, to: $to) { templateKey requested given withdrawn channels { channel count } } }`,
      { from: new Date(Date.now() - 2 * DAY).toISOString(), to: new Date(Date.now() + DAY).toISOString() },
    );
    expect(statistics.data.consentStatistics.find((row: { templateKey: string }) => row.templateKey === KEY)).toMatchObject({ requested: 7, given: 7, withdrawn: 6 });

    // And the sealed audit log still verifies, with the erased entries in it.
    let verdict = await verify();
    await expect.poll(async () => (verdict = await verify()).output, { timeout: 60_000, interval: 1000 }).toMatch(/; 0 newer entries waiting to be sealed/);
    expect(verdict.exitCode).toBe(0);
    const erased = Number(/\((\d+) with their personal part erased/.exec(verdict.output)?.[1]);
    expect(erased).toBeGreaterThanOrEqual(entries.length - 6);
  });

  it("lets the platform's own role erase only the personal part of an entry, and the verifier finds an erasure nobody recorded", { timeout: 90_000 }, async () => {
    const runtime = runtimeDatabaseUrl(consentDatabase);
    const [entry] = await query<{ id: string; consent_id: string }>(
      "select a.id::text as id, a.consent_id from consent_audit a join consent c on c.id = a.consent_id where a.personal_digest is not null order by a.id limit 1",
    );
    const { id, consent_id: consentId } = entry!;
    const refusal = (sql: string) => query(sql, [id], runtime).then(() => "ok", (error: { code: string }) => error.code);
    // Any column but the personal ones: no privilege. Another person in place of the first: the trigger refuses.
    expect(await refusal("update consent_audit set action = 'read' where id = $1")).toBe("42501");
    expect(await refusal(`update consent_audit set subject_id = '${crypto.randomUUID()}' where id = $1`)).toBe("P0001");
    expect(await refusal("update consent_audit set subject_id = null where id = $1")).toBe("P0001");
    expect(await refusal("delete from consent_audit where id = $1")).toBe("42501");
    // Erasing the personal part of a consent that is still kept gets past the database, not the verifier.
    expect(await refusal("update consent_audit set subject_id = null, actor_id = null, purpose = null, personal_salt = null where id = $1")).toBe("ok");
    const broken = await verify();
    expect(broken.exitCode).toBe(1);
    expect(broken.output).toContain(`audit log BROKEN at consent ${consentId}`);
    expect(broken.output).toContain("no erasure of it is on record");
  });
});
