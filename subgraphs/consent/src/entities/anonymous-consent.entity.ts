import { BigIntType } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel } from "../domain/consent.js";

/**
 * What the statistics still count of a consent whose personal data was erased when its retention
 * passed (services/retention.ts): which authority asked on which template, the day it was asked, how
 * long the answer took and how it ended. No person, no answers, no id to link it back.
 */
@Entity({ tableName: "anonymous_consent" })
@Index({ properties: ["authorityId", "requestedAt"] })
export class AnonymousConsentEntity {
  @PrimaryKey({ type: new BigIntType("string"), autoincrement: true })
  id!: string;

  @Property({ type: "uuid" })
  authorityId!: string;

  @Property({ type: "string", length: 100 })
  templateKey!: string;

  /** The template's title as the consent was asked with, for the statistics' heading. */
  @Property({ type: "json" })
  title!: { da: string; en: string };

  /** The start of the day it was asked (UTC): the period it is counted in, no finer. */
  @Property({ type: "datetime" })
  requestedAt!: Date;

  @Property({ type: "integer", nullable: true })
  answeredAfterSeconds!: number | null;

  /** It was in force at some point (given), whatever ended it. */
  @Property({ type: "boolean" })
  given!: boolean;

  @Enum({ items: () => ConsentStatus, nativeEnumName: "consent_status" })
  status!: ConsentStatus;

  @Enum({ items: () => Channel, nativeEnumName: "consent_channel", nullable: true })
  channel!: Channel | null;
}
