import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import type { RecipientKind } from "../domain/stop-confirmation.js";

/**
 * One system that must stop acting on a consent that was withdrawn or expired, and when it said it
 * had. Made pending in the ending's own transaction; confirmed by the system (mutation or webhook answer).
 */
@Entity({ tableName: "consent_stop_confirmation" })
@Unique({ properties: ["consentId", "systemId"] })
@Index({ properties: ["organisationId", "confirmedAt"] })
export class StopConfirmationEntity {
  [OptionalProps]?: "id" | "confirmedAt" | "confirmedVia";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "string", length: 20 })
  recipientKind!: RecipientKind;

  /** The case system, or the third party's system. */
  @Property({ type: "uuid" })
  systemId!: string;

  /** The authority the case system belongs to, or the third party's organisation. */
  @Property({ type: "uuid" })
  organisationId!: string;

  /** When the consent ended. */
  @Property({ type: "datetime" })
  endedAt!: Date;

  @Property({ type: "datetime", nullable: true })
  confirmedAt?: Date | null;

  /** API (the confirmConsentStopped mutation) or WEBHOOK (the answer to the ending's delivery). */
  @Property({ type: "string", length: 10, nullable: true })
  confirmedVia?: string | null;
}
