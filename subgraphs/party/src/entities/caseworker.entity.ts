import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Authority } from "./authority.entity.js";

@ObjectType({ description: "An employee of one authority who handles consents." })
@Directive('@key(fields: "id")')
@Entity({ tableName: "caseworker" })
export class Caseworker {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Field(() => String)
  @Property({ type: "string" })
  name!: string;

  @Field(() => Authority)
  @ManyToOne({ entity: () => Authority, eager: true })
  authority!: Authority;
}
