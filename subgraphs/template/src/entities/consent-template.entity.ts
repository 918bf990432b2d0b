import { randomUUID } from "node:crypto";
import { OptionalProps } from "@mikro-orm/core";
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from "@mikro-orm/decorators/legacy";
import { DeclarationKind, TemplateStatus, type TemplateContent } from "../domain/template.js";

@Entity({ tableName: "consent_template" })
@Unique({ properties: ["key", "version"] })
@Index({ properties: ["authorityId", "status"] })
export class ConsentTemplateEntity {
  [OptionalProps]?: "id" | "createdAt" | "publishedAt" | "singleUse";

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

  @Property({ type: "datetime", nullable: true })
  publishedAt?: Date | null;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
