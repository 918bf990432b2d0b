import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { pageSize } from "@samtykke/server-kit";
import { requireOwnAuthority } from "../domain/access.js";
import { remindConsentRequest } from "../services/act-on-consent.js";
import { accessLogOfConsent } from "../services/access-log.js";
import type { ConsentContext } from "../context.js";
import { toConsent } from "./consent.mapper.js";
import { Consent, ConsentAccess } from "./consent.type.js";

/** What an authority does after asking: reminding a citizen who has not answered, and seeing who has used the consent. */
@Resolver(() => Consent)
export class ConsentFollowUpResolver {
  @Mutation(() => Consent, {
    description:
      "Remind the givers who have not answered a request: each gets the request again as a letter. The authority's caseworker only, at most once a day (CONFLICT otherwise).",
  })
  async remindConsentRequest(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    return toConsent(await remindConsentRequest(ctx, id));
  }

  @FieldResolver(() => [ConsentAccess], {
    description: "For the authority that holds the consent: everyone who read, checked, changed or fetched data under it, newest first.",
  })
  async accessLog(
    @Root() consent: Consent,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most 100." }) first: number,
    @Ctx() ctx: ConsentContext,
  ): Promise<ConsentAccess[]> {
    requireOwnAuthority(ctx.caller, { id: consent.id, authorityId: consent.authority.id });
    return accessLogOfConsent(ctx.em, consent.id, pageSize(first));
  }
}
