import type { ApolloCache, Reference, TypedDocumentNode } from "@apollo/client";
import { useSubscription } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { onConnected } from "./apollo.js";
import type { ConsentStatus } from "./i18n.js";

export interface ConsentEvent<TConsent> {
  cursor: string;
  status: ConsentStatus;
  consent: TConsent;
}

type Variables = { after?: string | null };
/** Where a new consent is put: a field of an entity, or a root query field (`owner: "ROOT_QUERY"`). */
type List = { owner: { __typename: string; id: string } | "ROOT_QUERY"; field: string };

const RETRY_AFTER_ERROR_MS = 5_000;
const SEEN_KEPT = 5_000;

/**
 * Follows `consentStatusChanged`: every event after `startAfter` (a cursor read together with the
 * list, so nothing falls between loading and listening), then live. Each event's consent lands in
 * Apollo's normalised cache, which updates it in place wherever it is shown; one not yet in the list
 * `list.field` of `list.owner`, when a list is given, is put at its top.
 *
 * The newest cursor seen is kept. When the WebSocket is back after a drop, or the subscription ended
 * in an error, it starts again after that cursor: nothing that happened meanwhile is missed, and an
 * event already seen (by its cursor, which the client does not otherwise read) is never applied twice.
 */
export function useConsentEvents<TConsent extends { id: string }, TVariables extends Variables>(
  subscription: TypedDocumentNode<{ consentStatusChanged: ConsentEvent<TConsent> }, TVariables>,
  options: { variables: Omit<TVariables, "after">; startAfter: string | undefined; list?: List; onEvent?: (event: ConsentEvent<TConsent>) => void },
): void {
  const lastSeen = useRef<string | undefined>(undefined);
  const seen = useRef(new Set<string>());
  const [resumeAfter, setResumeAfter] = useState<string>();
  const [failed, setFailed] = useState(false);
  const after = resumeAfter ?? options.startAfter;

  useEffect(
    () =>
      onConnected(() => {
        if (lastSeen.current !== undefined) setResumeAfter(lastSeen.current);
      }),
    [],
  );
  useEffect(() => {
    if (!failed) return;
    const timer = setTimeout(() => {
      if (lastSeen.current !== undefined) setResumeAfter(lastSeen.current);
      setFailed(false);
    }, RETRY_AFTER_ERROR_MS);
    return () => clearTimeout(timer);
  }, [failed]);

  useSubscription(subscription, {
    skip: after === undefined || failed,
    variables: { ...options.variables, after } as TVariables,
    ignoreResults: true,
    onData: ({ client, data }) => {
      const event = data.data?.consentStatusChanged;
      if (!event) return;
      if (seen.current.has(event.cursor)) return;
      seen.current.add(event.cursor);
      // Repeats come only around a resumption, so the newest few thousand are enough to know them.
      if (seen.current.size > SEEN_KEPT) seen.current.delete(seen.current.values().next().value!);
      lastSeen.current = event.cursor;
      if (options.list) addToList(client.cache, options.list, event.consent.id);
      options.onEvent?.(event);
    },
    onError: () => setFailed(true),
  });
}

function addToList(cache: ApolloCache, list: List, consentId: string): void {
  cache.modify({
    id: list.owner === "ROOT_QUERY" ? "ROOT_QUERY" : cache.identify(list.owner),
    fields: {
      [list.field]: (existing: readonly Reference[] = [], { toReference }) => {
        const consent = toReference({ __typename: "Consent", id: consentId });
        return !consent || existing.some((item) => item.__ref === consent.__ref) ? existing : [consent, ...existing];
      },
    },
  });
}
