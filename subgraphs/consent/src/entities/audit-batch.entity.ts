import { BigIntType } from "@mikro-orm/core";
import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * A sealed batch of the audit log (see domain/audit-seal.ts): the entries of every transaction in
 * [previousHorizon, horizon), their leaf hashes and Merkle root, and a head chained to the batch
 * before. Append-only, like the entries.
 */
@Entity({
  tableName: "consent_audit_batch",
  triggers: [
    {
      name: "append_only",
      timing: "before",
      events: ["update", "delete"],
      forEach: "statement",
      body: "raise exception 'consent_audit_batch is append-only';",
    },
  ],
})
export class AuditBatchEntity {
  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  @Property({ type: new BigIntType("string"), unique: true })
  previousHorizon!: string;

  @Property({ type: new BigIntType("string"), unique: true })
  horizon!: string;

  @Property({ type: "integer" })
  size!: number;

  @Property({ type: "text" })
  leaves!: string;

  @Property({ type: "string", length: 64 })
  root!: string;

  @Property({ type: "string", length: 64 })
  previousHead!: string;

  @Property({ type: "string", length: 64 })
  head!: string;

  @Property({ type: "datetime" })
  sealedAt!: Date;
}
