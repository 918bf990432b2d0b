import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ConsentStatus, type ConsentAction } from "../domain/consent-state.js";

export type ConsentEventAction = ConsentAction | "request" | "register" | "deliver" | "upload" | "sign" | "handOver" | "confirmStop";

/** Who made a change: a citizen, a caseworker, a case system, or the platform itself (time, a closed case elsewhere). */
export enum ActorKind {
  CITIZEN = "CITIZEN",
  CASEWORKER = "CASEWORKER",
  CASE_SYSTEM = "CASE_SYSTEM",
  /** A third party's system, named by the consent as recipient (a data-sharing body). */
  THIRD_PARTY = "THIRD_PARTY",
  PLATFORM = "PLATFORM",
}

/**
 * An immutable record of one change to a consent, written in the same transaction as the change.
 * Its transaction and id are its place in the log, the cursor subscribers resume from
 * (`domain/event-position.ts`).
 */
@Entity({ tableName: "consent_event" })
@Index({ properties: ["consentId", "id"] })
@Index({ properties: ["xid", "id"] })
@Index({ properties: ["authorityId", "xid", "id"] })
export class ConsentEventEntity {
  [OptionalProps]?: "id" | "xid" | "actorId" | "onBehalfOfId" | "channel" | "reason" | "assuranceLevel" | "loginTransactionId";

  // Read as a string: cursors outgrow what a JavaScript number holds exactly.
  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  /** The writing transaction, taken by the database; below the oldest running one, the log is final. */
  @Property({ type: new BigIntType("string"), defaultRaw: "((pg_current_xact_id())::text)::bigint" })
  xid!: string;

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "string", length: 20 })
  action!: ConsentEventAction;

  @Enum({ items: () => ConsentStatus, nativeEnumName: "consent_status" })
  status!: ConsentStatus;

  // Copied from the consent so that subscribers can be filtered without a join.
  @Property({ type: "uuid" })
  authorityId!: string;

  @Property({ type: "uuid" })
  subjectId!: string;

  @Property({ type: "datetime" })
  occurredAt!: Date;

  @Enum({ items: () => ActorKind, nativeEnumName: "consent_actor_kind", default: ActorKind.PLATFORM })
  actorKind!: ActorKind;

  /** The citizen, caseworker or case system; null for the platform. */
  @Property({ type: "uuid", nullable: true })
  actorId?: string | null;

  /** The citizen the actor acted for (an attorney's grantor, a child, the citizen a caseworker withdrew for). */
  @Property({ type: "uuid", nullable: true })
  onBehalfOfId?: string | null;

  /** DIGITAL, ON_BEHALF, PAPER or API: how the change reached the platform; null for the platform's own. */
  @Property({ type: "string", length: 20, nullable: true })
  channel?: string | null;

  /** Why: a caseworker's attestation, or what the platform did and why. */
  @Property({ type: "string", length: 1000, nullable: true })
  reason?: string | null;

  @Property({ type: "string", length: 20, nullable: true })
  assuranceLevel?: string | null;

  @Property({ type: "string", length: 200, nullable: true })
  loginTransactionId?: string | null;
}
