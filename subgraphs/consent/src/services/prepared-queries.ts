import pg from "pg";
import type { Logger } from "@samtykke/server-kit";
import { withPersonalSeal, type AuditFacts, type PersonalSeal } from "../domain/audit-seal.js";

/**
 * The hot path's statements, prepared once per connection on a pool of their own, past the ORM
 * (which sends every query as text with its values written in). `consentCheck` and the audit entry
 * of every read go through here.
 */
export class PreparedQueries {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, logger: Logger, size = 10) {
    // Dates and times stay text, as the ORM reads them, so that `em.map` hydrates these rows as its own.
    const types = new pg.TypeOverrides();
    for (const oid of [1082, 1114, 1184, 1186]) types.setTypeParser(oid, (value: string) => value);
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: size, types });
    // A connection the server drops is replaced on the next query; an unhandled error would end the process.
    this.pool.on("error", (error) => logger.warn({ err: error }, "a prepared-query connection failed"));
  }

  /** The authority's consents for one citizen and template key, newest first: what "is there a valid consent?" weighs. */
  async consentsToCheck(subjectId: string, templateKey: string, authorityId: string): Promise<Record<string, unknown>[]> {
    const result = await this.pool.query({
      name: "consent-check",
      text: "select * from consent where subject_id = $1 and template_key = $2 and authority_id = $3 order by requested_at desc limit 100",
      values: [subjectId, templateKey, authorityId],
    });
    return result.rows;
  }

  /**
   * Audit entries of reads in one round trip, committed without waiting for the disk: a crash can
   * lose the last instant of reads, never reorder or corrupt the log, and a change's entries (in the
   * change's own transaction) still wait. `set_config(..., true)` is local to the statement's own
   * transaction, so the setting ends with it.
   */
  async appendReads(entries: readonly AuditFacts[]): Promise<void> {
    if (!entries.length) return;
    const sealed = entries.map(withPersonalSeal);
    const column = <K extends keyof (AuditFacts & PersonalSeal)>(key: K) => sealed.map((entry) => entry[key]);
    await this.pool.query({
      name: "audit-reads",
      text: `insert into consent_audit (occurred_at, actor_kind, actor_id, actor_authority_id, action, consent_id, subject_id, authority_id, purpose, request_id, personal_digest, personal_salt)
             select * from unnest($1::timestamptz[], $2::varchar[], $3::uuid[], $4::uuid[], $5::varchar[], $6::uuid[], $7::uuid[], $8::uuid[], $9::varchar[], $10::varchar[], $11::varchar[], $12::varchar[])
             where set_config('synchronous_commit', 'off', true) is not null`,
      values: [
        column("occurredAt"),
        column("actorKind"),
        column("actorId"),
        column("actorAuthorityId"),
        column("action"),
        column("consentId"),
        column("subjectId"),
        column("authorityId"),
        column("purpose"),
        column("requestId"),
        column("personalDigest"),
        column("personalSalt"),
      ],
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
