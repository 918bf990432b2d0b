import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { pageSize } from "@samtykke/server-kit";
import { requireOwnAuthority } from "../domain/access.js";
import { followUpOpen } from "../domain/follow-up.js";
import { completeFollowUp, remindConsentRequest } from "../services/act-on-consent.js";
import { accessLogOfConsent } from "../services/access-log.js";
import type { ConsentContext } from "../context.js";
import { toConsent } from "./consent.mapper.js";
import { Consent, ConsentAccess, RequestFollowUp } from "./consent.type.js";

/**
 * What an authority does after asking: reminding a citizen who has not answered, following up a
 * request the template's follow-up has put on its task list, and seeing who has used the consent.
 */
@Resolver(() => Consent)
export class ConsentFollowUpResolver {
  @Mutation(() => Consent, {
    description:
      "Remind the givers who have not answered a request: each gets the request again as a letter. The authority's caseworker only, at most once a day (CONFLICT otherwise).",
  })
  async remindConsentRequest(@Arg("id", () => ID) id: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    return toConsent(await remindConsentRequest(ctx, id));
  }

  @Mutation(() => Consent, {
    description:
      "Mark the follow-up task of an unanswered request done, saying what was done (a call, a meeting, a paper form sent); the note goes on the history. The authority's caseworker only; CONFLICT when no task is open.",
  })
  async completeFollowUp(@Arg("id", () => ID) id: string, @Arg("note", () => String) note: string, @Ctx() ctx: ConsentContext): Promise<Consent> {
    return toConsent(await completeFollowUp(ctx, id, note));
  }

  @FieldResolver(() => RequestFollowUp, {
    description: "For the authority that holds the consent: the reminder and the caseworker's task its template sets for a request nobody answers.",
  })
  followUp(@Root() consent: Consent, @Ctx() ctx: ConsentContext): RequestFollowUp {
    requireOwnAuthority(ctx.caller, { id: consent.id, authorityId: consent.authority.id });
    const state = consent.followUpState;
    return {
      reminderDueAt: state.reminderDueAt ?? null,
      taskDueAt: state.followUpDueAt ?? null,
      taskOpenedAt: state.followUpOpenedAt ?? null,
      taskDoneAt: state.followUpDoneAt ?? null,
      taskOpen: followUpOpen(state),
    };
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
