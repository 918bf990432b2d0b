import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * One read or write of a consent: who, for which authority, what, when and why. Append-only (the
 * database refuses updates and deletes), written without any lock and sealed afterwards in batches
 * by one sealer (see AuditBatchEntity).
 */
@Entity({
  tableName: "consent_audit",
  // Append-only: the application never changes or removes an entry, and the database refuses to.
  triggers: [
    {
      name: "append_only",
      timing: "before",
      events: ["update", "delete"],
      forEach: "statement",
      body: "raise exception 'consent_audit is append-only';",
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

  @Property({ type: "uuid", nullable: true })
  actorId!: string | null;

  @Property({ type: "uuid", nullable: true })
  actorAuthorityId!: string | null;

  @Property({ type: "string", length: 30 })
  action!: string;

  @Property({ type: "uuid", nullable: true })
  consentId!: string | null;

  @Property({ type: "uuid", nullable: true })
  subjectId!: string | null;

  @Property({ type: "uuid", nullable: true })
  authorityId!: string | null;

  @Property({ type: "string", length: 1000, nullable: true })
  purpose!: string | null;

  @Property({ type: "string", length: 128, nullable: true })
  requestId!: string | null;

  /** The writing transaction's id: the sealer takes an entry once every transaction up to it has finished. */
  @Property({ type: new BigIntType("string"), defaultRaw: "((pg_current_xact_id())::text)::bigint" })
  xid!: string;
}
