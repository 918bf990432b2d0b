import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DeclarationKind, TemplateStatus } from "../domain/template.js";
import type { ConsentTemplateEntity } from "../entities/consent-template.entity.js";

registerEnumType(TemplateStatus, { name: "TemplateStatus" });
registerEnumType(DeclarationKind, { name: "DeclarationKind", description: "Consent, objection (frabedelse) or power of attorney (fuldmagt)." });

@ObjectType({ description: "A text in Danish and English." })
@Directive("@shareable")
export class LocalizedText {
  @Field(() => String)
  da!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Authority {
  @Field(() => ID)
  id!: string;
}

@ObjectType({ description: "A predefined, versioned text and set of rules an authority asks for consent with." })
@Directive('@key(fields: "id")')
export class ConsentTemplate {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stable across versions." })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => TemplateStatus)
  status!: TemplateStatus;

  @Field(() => DeclarationKind)
  kind!: DeclarationKind;

  @Field(() => Authority, { description: "The authority that asks with this template." })
  authority!: Authority;

  @Field(() => LocalizedText)
  title!: LocalizedText;

  @Field(() => LocalizedText)
  purpose!: LocalizedText;

  @Field(() => Int, { nullable: true, description: "How many days a consent given on this template lasts, when it is not open-ended." })
  defaultValidityDays?: number | null;

  @Field(() => Boolean, { description: "A consent on it may be used once; then it is USED." })
  singleUse!: boolean;

  @Field(() => Date, { nullable: true })
  publishedAt?: Date | null;

  static from(entity: ConsentTemplateEntity): ConsentTemplate {
    return Object.assign(new ConsentTemplate(), {
      id: entity.id,
      key: entity.key,
      version: entity.version,
      status: entity.status,
      kind: entity.kind,
      authority: { id: entity.authorityId },
      title: entity.content.title,
      purpose: entity.content.purpose,
      defaultValidityDays: entity.defaultValidityDays ?? null,
      singleUse: entity.singleUse,
      publishedAt: entity.publishedAt ?? null,
    });
  }
}
