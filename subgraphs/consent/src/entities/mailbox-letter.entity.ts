import { BigIntType, OptionalProps } from "@mikro-orm/core";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import type { LocalizedText } from "../domain/declaration.js";
import type { LetterKind } from "../domain/letter.js";

/**
 * A letter in a citizen's mailbox (the platform's stand-in for Digital Post): a request for consent
 * or a receipt, with the full consent as a PDF. One per event and recipient, however often delivered.
 */
@Entity({ tableName: "mailbox_letter" })
@Unique({ properties: ["eventId", "recipientId"] })
@Index({ properties: ["recipientId", "sentAt"] })
// A consent's letters are erased with it (services/retention.ts).
@Index({ properties: ["consentId"] })
export class MailboxLetterEntity {
  [OptionalProps]?: "readAt";

  /** The letter's own id, made from the event and the recipient, so a repeat delivery is the same letter. */
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: new BigIntType("string") })
  eventId!: string;

  /** The citizen it is addressed to. */
  @Property({ type: "uuid" })
  recipientId!: string;

  @Property({ type: "uuid" })
  consentId!: string;

  @Property({ type: "string", length: 20 })
  kind!: LetterKind;

  @Property({ type: "json" })
  title!: LocalizedText;

  @Property({ type: "datetime" })
  sentAt!: Date;

  @Property({ type: "datetime", nullable: true })
  readAt?: Date | null;

  @Property({ type: "blob", lazy: true })
  pdf!: Buffer;

  @Property({ type: "string", length: 64 })
  pdfSha256!: string;
}

/** How far the letters have been sent: the last event turned into letters. One row, locked while sending. */
@Entity({ tableName: "mailbox_cursor" })
export class MailboxCursorEntity {
  @PrimaryKey({ type: "string", length: 30 })
  name!: string;

  @Property({ type: "string", length: 41 })
  cursor!: string;
}
