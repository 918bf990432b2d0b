import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ERASABLE } from "@samtykke/server-kit";

/**
 * One read or write of a consent: who, for which authority, what, when and why. Append-only (the
 * database refuses deletes, and every update but erasing the personal part), written without any
 * lock and sealed afterwards in batches by one sealer (see AuditBatchEntity). The seal covers the
 * personal part (who acted, whom it concerns, the words given) through a salted digest, so erasing
 * it when the consent's retention has passed (services/retention.ts) leaves the entry verifiable.
 */
@Entity({
  tableName: "consent_audit",
  triggers: [
    {
      name: "append_only",
      timing: "before",
      events: ["delete"],
      forEach: "statement",
      body: "raise exception 'consent_audit is append-only';",
    },
    {
      name: "erase_only",
      timing: "before",
      events: ["update"],
      forEach: "row",
      body: `if old.personal_digest is null
        or (new.id, new.occurred_at, new.actor_kind, new.actor_authority_id, new.action, new.consent_id, new.authority_id, new.request_id, new.xid, new.personal_digest)
          is distinct from (old.id, old.occurred_at, old.actor_kind, old.actor_authority_id, old.action, old.consent_id, old.authority_id, old.request_id, old.xid, old.personal_digest)
        or num_nonnulls(new.actor_id, new.subject_id, new.purpose, new.personal_salt) > 0
      then raise exception 'consent_audit is append-only: only the personal part of an entry may be erased'; end if;
      return new;`,
    },
  ],
})
@Index({ properties: ["subjectId", "id"] })
@Index({ properties: ["xid"] })
export class AuditEntryEntity {
  [OptionalProps]?: "id" | "xid";

  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  @Property({ type: "datetime" })
  occurredAt!: Date;

  @Property({ type: "string", length: 20 })
  actorKind!: string;

  @Property({ type: "uuid", nullable: true, comment: ERASABLE })
  actorId!: string | null;

  @Property({ type: "uuid", nullable: true })
  actorAuthorityId!: string | null;

  @Property({ type: "string", length: 30 })
  action!: string;

  @Property({ type: "uuid", nullable: true })
  consentId!: string | null;

  @Property({ type: "uuid", nullable: true, comment: ERASABLE })
  subjectId!: string | null;

  @Property({ type: "uuid", nullable: true })
  authorityId!: string | null;

  @Property({ type: "string", length: 1000, nullable: true, comment: ERASABLE })
  purpose!: string | null;

  @Property({ type: "string", length: 128, nullable: true })
  requestId!: string | null;

  /** sha256 of the salt and the personal part (domain/audit-seal.ts `personalDigest`); null on entries from before it was kept, which cannot be erased. */
  @Property({ type: "string", length: 64, nullable: true })
  personalDigest!: string | null;

  /** Random per entry, erased with the personal part, so the digest left cannot be matched against a guessed person. */
  @Property({ type: "string", length: 36, nullable: true, comment: ERASABLE })
  personalSalt!: string | null;

  /** The writing transaction's id: the sealer takes an entry once every transaction up to it has finished. */
  @Property({ type: new BigIntType("string"), defaultRaw: "((pg_current_xact_id())::text)::bigint" })
  xid!: string;
}
