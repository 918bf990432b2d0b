import { Entity, ManyToOne, PrimaryKey, Property } from "@mikro-orm/decorators/legacy";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { Authority } from "./authority.entity.js";

@ObjectType({ description: "An authority's own IT system (fagsystem), integrating over the API as a client of that authority." })
@Directive('@key(fields: "id")')
@Entity({ tableName: "case_system" })
export class CaseSystem {
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
