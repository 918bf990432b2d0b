import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";

/**
 * A case system's endpoint for its authority's consent events: delivered at least once, in cursor
 * order, each signed with the subscription's secret.
 */
@Entity({ tableName: "webhook_subscription" })
@Index({ properties: ["leasedUntil"] })
export class WebhookSubscriptionEntity {
  [OptionalProps]?: "id" | "cursor" | "leasedUntil" | "lastDeliveryAt" | "lastError" | "failures" | "nextAttemptAt";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  authorityId!: string;

  /** The case system that registered it. */
  @Property({ type: "uuid" })
  caseSystemId!: string;

  @Property({ type: "string", length: 2000 })
  url!: string;

  /** The HMAC key, sealed (AES-256-GCM under CONSENT_SECRET_KEY); shown in clear once, when the subscription is made. */
  @Property({ type: "string", length: 200 })
  secret!: string;

  /** The last event the endpoint acknowledged. */
  @Property({ type: "string", length: 41, default: "0.0" })
  cursor: string = "0.0";

  /** One instance delivers at a time: it holds the lease until then. */
  @Property({ type: "datetime", nullable: true })
  leasedUntil?: Date | null;

  @Property({ type: "datetime", nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  lastDeliveryAt?: Date | null;

  @Property({ type: "string", length: 500, nullable: true })
  lastError?: string | null;

  /** Failed attempts since the last success; sets the back-off. */
  @Property({ type: "integer", default: 0 })
  failures: number = 0;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
