import { Arg, Ctx, Directive, Field, FieldResolver, ID, Mutation, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import type { ConsentContext } from "../context.js";
import type { RecipientKind } from "../domain/stop-confirmation.js";
import type { StopConfirmationEntity } from "../entities/stop-confirmation.entity.js";
import { confirmConsentStopped } from "../services/confirm-stopped.js";
import { stopConfirmationsOf } from "../services/stop-confirmations.js";
import { Consent, ThirdParty } from "./consent.type.js";

enum StopRecipientKind {
  CASE_SYSTEM = "CASE_SYSTEM",
  THIRD_PARTY = "THIRD_PARTY",
}
registerEnumType(StopRecipientKind, { name: "StopRecipientKind", description: "The authority's own case system, or a third party's system the consent named." });

@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class CaseSystem {
  @Field(() => ID)
  id!: string;
}

@ObjectType({
  description: "One system that knew of a withdrawn or expired consent, and whether it has confirmed that it stopped acting on it.",
})
export class StopConfirmation {
  @Field(() => StopRecipientKind)
  recipientKind!: RecipientKind;

  @Field(() => CaseSystem, { nullable: true, description: "The authority's case system; null for a third party." })
  caseSystem!: CaseSystem | null;

  @Field(() => ThirdParty, { nullable: true, description: "The third party whose system received the consent; null for a case system." })
  thirdParty!: ThirdParty | null;

  @Field(() => Date, { description: "When the consent ended." })
  endedAt!: Date;

  @Field(() => Date, { nullable: true, description: "When the system said it had stopped; null: not yet confirmed." })
  confirmedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "API (the confirmConsentStopped mutation) or WEBHOOK (its answer to the ending's delivery)." })
  confirmedVia!: string | null;
}

function toStopConfirmation(row: StopConfirmationEntity): StopConfirmation {
  return {
    recipientKind: row.recipientKind,
    caseSystem: row.recipientKind === "CASE_SYSTEM" ? { id: row.systemId } : null,
    thirdParty: row.recipientKind === "THIRD_PARTY" ? { id: row.organisationId } : null,
    endedAt: row.endedAt,
    confirmedAt: row.confirmedAt ?? null,
    confirmedVia: row.confirmedVia ?? null,
  };
}

@Resolver(() => Consent)
export class StopConfirmationResolver {
  @FieldResolver(() => [StopConfirmation], {
    description: "After a withdrawal or expiry: each system that knew of the consent and whether it has confirmed that it stopped; unconfirmed first.",
  })
  async stopConfirmations(@Root() consent: Consent, @Ctx() { em }: ConsentContext): Promise<StopConfirmation[]> {
    return (await stopConfirmationsOf(em, consent.id)).map(toStopConfirmation);
  }

  @Mutation(() => StopConfirmation, {
    description:
      "A case system of the consent's authority, or a system of the third party it names, confirms that it has stopped acting on the withdrawn or expired consent. Repeating it answers the first confirmation.",
  })
  async confirmConsentStopped(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<StopConfirmation> {
    return toStopConfirmation(await confirmConsentStopped(ctx, id));
  }
}
