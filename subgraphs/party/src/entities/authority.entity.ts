import { OptionalProps } from "@mikro-orm/core";
import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A public authority (myndighed): the data controller of the consents it collects." })
@Directive('@key(fields: "id")')
@Entity({ tableName: "authority" })
export class Authority {
  [OptionalProps]?: "returnAddresses";

  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Field(() => String)
  @Property({ type: "string" })
  name!: string;

  @Field(() => String, { description: "The authority's CVR number (8 digits)." })
  @Property({ type: "string", length: 8, unique: true })
  cvr!: string;

  @Field(() => String, { nullable: true, description: "Postal address, as consent records name the parties (ISO/IEC TS 27560)." })
  @Property({ type: "string", length: 300, nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true, description: "Where a citizen contacts the authority about a consent: an e-mail address or a web page." })
  @Property({ type: "string", length: 300, nullable: true })
  contact?: string | null;

  @Field(() => [String], {
    description: "Where the authority's own services may send a citizen back to after answering a request: a request's returnUrl must lie under one of these (same origin, path below).",
  })
  @Property({ type: "json", default: "[]" })
  returnAddresses: string[] = [];
}
