import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * A consent erased a moment ago, held for a few minutes (services/retention.ts): a request that read
 * it just before it went writes its audit entry after, and a letter may be on its way; each run of
 * the erasure erases those too, then forgets the consent and its person.
 */
@Entity({ tableName: "erasure_sweep" })
export class ErasureSweepEntity {
  @PrimaryKey({ type: "uuid" })
  consentId!: string;

  @Property({ type: "uuid" })
  subjectId!: string;

  @Property({ type: "datetime" })
  until!: Date;
}
