import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ConsentStatus, type ConsentAction } from "../domain/consent-state.js";

/**
 * An immutable record of one change to a consent, written in the same transaction as the change.
 * Its id is the global cursor subscribers resume from.
 */
@Entity({ tableName: "consent_event" })
@Index({ properties: ["consentId", "id"] })
export class ConsentEventEntity {
  [OptionalProps]?: "id";

  // Read as a string: cursors outgrow what a JavaScript number holds exactly.
  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "string", length: 20 })
  action!: ConsentAction | "request" | "register" | "deliver" | "upload";

  @Enum({ items: () => ConsentStatus, nativeEnumName: "consent_status" })
  status!: ConsentStatus;

  // Copied from the consent so that subscribers can be filtered without a join.
  @Property({ type: "uuid" })
  authorityId!: string;

  @Property({ type: "uuid" })
  subjectId!: string;

  @Property({ type: "datetime" })
  occurredAt!: Date;
}
