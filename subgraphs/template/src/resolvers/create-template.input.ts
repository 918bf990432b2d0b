import { Field, ID, InputType, Int } from "type-graphql";
import { DeclarationKind } from "../domain/template.js";

@InputType({ description: "A text in Danish and English." })
export class LocalizedTextInput {
  @Field(() => String)
  da!: string;

  @Field(() => String)
  en!: string;
}

@InputType()
export class CreateTemplateInput {
  @Field(() => ID, { description: "The authority that will ask with the template." })
  authorityId!: string;

  @Field(() => String, { description: "Stable across versions (a-z, 0-9, hyphen). An existing key of the authority gets a new version." })
  key!: string;

  @Field(() => DeclarationKind, { defaultValue: DeclarationKind.CONSENT })
  kind!: DeclarationKind;

  @Field(() => LocalizedTextInput)
  title!: LocalizedTextInput;

  @Field(() => LocalizedTextInput)
  purpose!: LocalizedTextInput;

  @Field(() => Int, { nullable: true, description: "How many days a consent lasts; none for open-ended." })
  defaultValidityDays?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: "A consent on it may be used once." })
  singleUse!: boolean;
}
