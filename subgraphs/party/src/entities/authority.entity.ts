import { Entity, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";

@ObjectType({ description: "A public authority (myndighed): the data controller of the consents it collects." })
@Directive('@key(fields: "id")')
@Entity({ tableName: "authority" })
export class Authority {
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
}
