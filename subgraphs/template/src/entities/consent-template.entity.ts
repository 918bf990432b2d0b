import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { AssuranceLevel, DeclarationKind, Signers, TemplateStatus, type TemplateContent } from "../domain/template.js";

@Entity({ tableName: "consent_template" })
@Unique({ properties: ["key", "version"] })
@Index({ properties: ["authorityId", "status"] })
export class ConsentTemplateEntity {
  [OptionalProps]?: "id" | "createdAt" | "publishedAt" | "singleUse" | "fixedValidTo" | "boundToCase" | "signers" | "signingLevel" | "thirdPartyId" | "readabilityReason" | "reminderAfterDays" | "followUpAfterDays" | "informCustodyHolders";

  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** Stable across versions; what case systems name in a consent check. */
  @Property({ type: "string", length: 100 })
  key!: string;

  @Property({ type: "integer" })
  version!: number;

  @Enum({ items: () => TemplateStatus, nativeEnumName: "template_status" })
  status!: TemplateStatus;

  @Enum({ items: () => DeclarationKind, nativeEnumName: "declaration_kind" })
  kind!: DeclarationKind;

  @Property({ type: "uuid" })
  authorityId!: string;

  @Property({ type: "json" })
  content!: TemplateContent;

  @Property({ type: "integer", nullable: true })
  defaultValidityDays?: number | null;

  /** A consent on it may be acted on once; then it is USED. */
  @Property({ type: "boolean", default: false })
  singleUse: boolean = false;

  /** A fixed end for every consent on the version, instead of a duration. */
  @Property({ type: "datetime", nullable: true })
  fixedValidTo?: Date | null;

  /** A request must name a case, and the consent ends when that case is closed. */
  @Property({ type: "boolean", default: false })
  boundToCase: boolean = false;

  /** Days after a request before the citizen is reminded by letter, if they have not answered. */
  @Property({ type: "integer", nullable: true })
  reminderAfterDays?: number | null;

  /** Days after a request before the caseworker gets a task to follow it up, if it is still unanswered. */
  @Property({ type: "integer", nullable: true })
  followUpAfterDays?: number | null;

  /** Days a consent's personal data is kept after it ends (domain/retention.ts: within what the kind's legal basis allows). */
  @Property({ type: "integer" })
  retentionDays!: number;

  @Enum({ items: () => Signers, nativeEnumName: "template_signers", default: Signers.CITIZEN })
  signers: Signers = Signers.CITIZEN;

  /** When a young person of 15-17 answers alone: their custody holders get a letter that they have answered (never what). */
  @Property({ type: "boolean", default: false })
  informCustodyHolders: boolean = false;

  /** The lowest login assurance a signature on it may be made with. */
  @Enum({ items: () => AssuranceLevel, nativeEnumName: "assurance_level", default: AssuranceLevel.SUBSTANTIAL })
  signingLevel: AssuranceLevel = AssuranceLevel.SUBSTANTIAL;

  /** A third party the authority shares the data onward with, when there is one. */
  @Property({ type: "uuid", nullable: true })
  thirdPartyId?: string | null;

  @Property({ type: "datetime", nullable: true })
  publishedAt?: Date | null;

  /** Why a Danish text over LIX 55 was published as it stands, recorded with the version at publishing. */
  @Property({ type: "text", nullable: true })
  readabilityReason?: string | null;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
