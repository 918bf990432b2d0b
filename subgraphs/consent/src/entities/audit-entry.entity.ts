import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * One read or write of a consent: who, for which authority, what, when and why. Append-only (the
 * database refuses updates and deletes) and chained: each entry's hash covers the one before it.
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
export class AuditEntryEntity {
  [OptionalProps]?: "id";

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

  @Property({ type: "string", length: 64 })
  previousHash!: string;

  @Property({ type: "string", length: 64 })
  hash!: string;
}
