import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel, type Attestation, type ConsentBody } from "../domain/consent.js";

@Entity({ tableName: "consent" })
@Index({ properties: ["subjectId", "templateKey"] })
@Index({ properties: ["authorityId", "requestedAt"] })
@Index({ properties: ["authorityId", "caseReference"] })
export class ConsentEntity {
  [OptionalProps]?: "id" | "channel" | "attestation" | "singleUse" | "answerBy" | "answeredAt" | "validFrom" | "validTo" | "endedAt" | "caseReference" | "version" | "updatedAt";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Enum({ items: () => ConsentStatus, nativeEnumName: "consent_status" })
  status!: ConsentStatus;

  @Property({ type: "uuid" })
  templateId!: string;

  @Property({ type: "string", length: 100 })
  templateKey!: string;

  @Property({ type: "integer" })
  templateVersion!: number;

  /** The recipient: the authority that asked and is data controller of the consent. */
  @Property({ type: "uuid" })
  authorityId!: string;

  /** The citizen the consent concerns. */
  @Property({ type: "uuid" })
  subjectId!: string;

  @Property({ type: "string", length: 100, nullable: true })
  caseReference?: string | null;

  @Property({ type: "json" })
  body!: ConsentBody;

  @Property({ type: "integer", nullable: true })
  validityDays!: number | null;

  /** From the template version: once used, the consent is USED. */
  @Property({ type: "boolean", default: false })
  singleUse: boolean = false;

  @Property({ type: "datetime" })
  requestedAt!: Date;

  /** Unanswered by then, the request is cancelled. */
  @Property({ type: "datetime", nullable: true })
  answerBy?: Date | null;

  @Property({ type: "datetime", nullable: true })
  answeredAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  validFrom?: Date | null;

  @Property({ type: "datetime", nullable: true })
  validTo?: Date | null;

  /** When it stopped being in force or answerable: declined, withdrawn, expired, used, closed, cancelled. */
  @Property({ type: "datetime", nullable: true })
  endedAt?: Date | null;

  /** How it was given; null while only requested. */
  @Enum({ items: () => Channel, nativeEnumName: "consent_channel", nullable: true })
  channel?: Channel | null;

  /** Who vouches for a consent given outside the platform's own signing, and what they say. */
  @Property({ type: "json", nullable: true })
  attestation?: Attestation | null;

  /** Optimistic lock: two answers racing on one consent cannot both win. */
  @Property({ type: "integer", version: true })
  version!: number;

  @Property({ type: "datetime", onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
