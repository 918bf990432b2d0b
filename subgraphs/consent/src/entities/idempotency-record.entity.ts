import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * The first answer to a mutation sent with an idempotency key, so that a case system's retry gets
 * that answer again instead of a second consent. Keys are per authority.
 */
@Entity({ tableName: "idempotency_record" })
export class IdempotencyRecordEntity {
  @PrimaryKey({ type: "uuid" })
  authorityId!: string;

  @PrimaryKey({ type: "string", length: 200 })
  key!: string;

  @Property({ type: "string", length: 50 })
  operation!: string;

  /** Hash of what was asked, to refuse the same key for a different request. */
  @Property({ type: "string", length: 64 })
  requestHash!: string;

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
