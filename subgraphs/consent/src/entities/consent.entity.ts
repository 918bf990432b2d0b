import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { ConsentStatus } from "../domain/consent-state.js";
import { Channel, type Attestation } from "../domain/consent.js";
import type { ChoiceAnswer, ConsentBody, Signature } from "../domain/declaration.js";

@Entity({ tableName: "consent" })
@Index({ properties: ["subjectId", "templateKey"] })
@Index({ properties: ["authorityId", "requestedAt"] })
@Index({ properties: ["authorityId", "caseReference"] })
// What time makes due (services/due-changes.ts), asked every 30 s: small partial indexes, so that
// the question never reads the whole table.
@Index({ name: "consent_expiry_due_index", expression: "create index consent_expiry_due_index on consent (valid_to) where status in ('ACTIVE', 'PAUSED')" })
@Index({ name: "consent_answer_due_index", expression: "create index consent_answer_due_index on consent (answer_by) where status = 'REQUESTED'" })
@Index({
  name: "consent_reminder_due_index",
  expression: "create index consent_reminder_due_index on consent (reminder_due_at) where status = 'REQUESTED' and reminder_due_at is not null",
})
@Index({
  name: "consent_follow_up_due_index",
  expression: "create index consent_follow_up_due_index on consent (follow_up_due_at) where status = 'REQUESTED' and follow_up_due_at is not null",
})
// The caseworkers' open follow-up tasks, per authority in the order of the requests.
@Index({
  name: "consent_follow_up_open_index",
  expression:
    "create index consent_follow_up_open_index on consent (authority_id, requested_at) where status = 'REQUESTED' and follow_up_opened_at is not null and follow_up_done_at is null",
})
@Index({
  name: "consent_hand_over_due_index",
  expression: "create index consent_hand_over_due_index on consent (subject_comes_of_age_on) where handed_over_at is null and subject_comes_of_age_on is not null",
})
// The public register's count of consents in force per template version.
@Index({
  name: "consent_template_in_force_index",
  expression: "create index consent_template_in_force_index on consent (template_id) where status in ('ACTIVE', 'PAUSED')",
})
// Ended consents whose personal data is due to be erased (services/retention.ts).
@Index({ name: "consent_erase_due_index", expression: "create index consent_erase_due_index on consent (erase_at) where erase_at is not null" })
@Index({
  name: "consent_fifteen_due_index",
  expression: "create index consent_fifteen_due_index on consent (subject_turns_fifteen_on) where status = 'REQUESTED' and subject_turns_fifteen_on is not null",
})
export class ConsentEntity {
  [OptionalProps]?: "id" | "channel" | "attestation" | "singleUse" | "answerBy" | "answeredAt" | "validFrom" | "validTo" | "endedAt" | "caseReference" | "version" | "updatedAt" | "kind" | "thirdPartyId" | "fixedValidTo" | "signers" | "signingLevel" | "answers" | "signatures" | "replacesConsentId" | "requiredSignerIds" | "subjectComesOfAgeOn" | "handedOverAt" | "message" | "returnUrl" | "reminderDueAt" | "followUpDueAt" | "followUpOpenedAt" | "followUpDoneAt" | "subjectTurnsFifteenOn" | "informOnAnswerIds" | "remindedAt" | "eraseAt";

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

  /**
   * Their name as the register gave it when the consent was asked for or registered: letters to
   * a child's custody holders say whom they are about. Null for consents from before it was kept.
   */
  @Property({ type: "string", length: 200, nullable: true })
  subjectName?: string | null;

  /** CONSENT, OBJECTION or POWER_OF_ATTORNEY, from the template version. */
  @Property({ type: "string", length: 20, default: "CONSENT" })
  kind: string = "CONSENT";

  /** A third party the recipient shares the data onward with. */
  @Property({ type: "uuid", nullable: true })
  thirdPartyId?: string | null;

  /** Who must sign (CITIZEN, CUSTODY_HOLDERS, or by age from 15) and at what assurance level, from the template version. */
  @Property({ type: "string", length: 40, default: "CITIZEN" })
  signers: string = "CITIZEN";

  @Property({ type: "string", length: 20, default: "SUBSTANTIAL" })
  signingLevel: string = "SUBSTANTIAL";

  /** The citizens whose signatures make it ACTIVE: the subject, or a child's custody holders when asked. */
  @Property({ type: "json", default: "[]" })
  requiredSignerIds: string[] = [];

  /** For a consent the custody holders give for a child: the child's 18th birthday, when it is handed over to them. */
  @Property({ type: "date", nullable: true })
  subjectComesOfAgeOn?: string | null;

  /** For a request to the custody holders of a child under 15 whom the template lets answer from 15: their 15th birthday, when it moves to them. */
  @Property({ type: "date", nullable: true })
  subjectTurnsFifteenOn?: string | null;

  /** Custody holders told by letter (never what) when a young person of 15-17 answers alone, as the template says. */
  @Property({ type: "json", default: "[]" })
  informOnAnswerIds: string[] = [];

  /** When it was handed over to the young person, who was asked to confirm it; the custody holders no longer see it. */
  @Property({ type: "datetime", nullable: true })
  handedOverAt?: Date | null;

  /** When this is a re-consent request: the consent on an older template version it would replace. */
  @Property({ type: "uuid", nullable: true, index: true })
  replacesConsentId?: string | null;

  @Property({ type: "string", length: 100, nullable: true })
  caseReference?: string | null;

  /** The authority's own words to the citizen with the request (not signed: the texts are). */
  @Property({ type: "text", nullable: true })
  message?: string | null;

  /** Where the citizen goes back to after answering; checked against the authority's registered addresses. */
  @Property({ type: "text", nullable: true })
  returnUrl?: string | null;

  @Property({ type: "json" })
  body!: ConsentBody;

  /** The answers to the body's choices; null until given. */
  @Property({ type: "json", nullable: true })
  answers?: ChoiceAnswer[] | null;

  /** Who signed exactly which content (its canonical hash), and how. */
  @Property({ type: "json", default: "[]" })
  signatures: Signature[] = [];

  @Property({ type: "integer", nullable: true })
  validityDays!: number | null;

  /** A fixed end from the template version, instead of a duration. */
  @Property({ type: "datetime", nullable: true })
  fixedValidTo?: Date | null;

  /** From the template version: once used, the consent is USED. */
  @Property({ type: "boolean", default: false })
  singleUse: boolean = false;

  @Property({ type: "datetime" })
  requestedAt!: Date;

  /** Unanswered by then, the request lapses as UNANSWERED. */
  @Property({ type: "datetime", nullable: true })
  answerBy?: Date | null;

  /** When those who had not answered were last reminded, by the caseworker or as the template says. */
  @Property({ type: "datetime", nullable: true })
  remindedAt?: Date | null;

  /** When those who have not answered get a reminder letter (from the template); null once sent, or for none. */
  @Property({ type: "datetime", nullable: true })
  reminderDueAt?: Date | null;

  /** When the caseworker gets a task to follow the unanswered request up; null once opened, or for none. */
  @Property({ type: "datetime", nullable: true })
  followUpDueAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  followUpOpenedAt?: Date | null;

  /** When a caseworker marked the task done (what they did is on the history). */
  @Property({ type: "datetime", nullable: true })
  followUpDoneAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  answeredAt?: Date | null;

  @Property({ type: "datetime", nullable: true })
  validFrom?: Date | null;

  @Property({ type: "datetime", nullable: true })
  validTo?: Date | null;

  /** When it stopped being in force or answerable: declined, withdrawn, expired, used, closed, cancelled. */
  @Property({ type: "datetime", nullable: true })
  endedAt?: Date | null;

  /** Days its personal data is kept after it ends, from the template version (GDPR art. 5(1)(e)). */
  @Property({ type: "integer" })
  retentionDays!: number;

  /** When it ended plus `retentionDays`: then everything personal about it is erased (services/retention.ts). Null while it has not ended. */
  @Property({ type: "datetime", nullable: true })
  eraseAt?: Date | null;

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
