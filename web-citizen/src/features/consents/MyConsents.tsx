import { useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useRef, useState } from "react";
import { ErrorAlert, Icon, useAuth, useConsentEvents } from "@samtykke/web-kit";
import { useLanguage, type Language } from "../../lib/i18n.js";
import { Mailbox } from "../mailbox/Mailbox.js";
import { AccessLog } from "./AccessLog.js";
import { ConsentRequest, GivenConsent, type Answer, type PendingGive } from "./ConsentCard.js";
import { GIVE_CONSENT, MY_CONSENT_CHANGES, MY_CONSENTS } from "./operations.js";

// A signature is used once, even if the page renders twice before it has been sent.
const usedSignatures = new Set<string>();

/** On the way back from signing: gives the consent with the signing token, then confirms it. */
function useFinishSigning(onGiven: () => void) {
  const { signature } = useAuth();
  const [give, result] = useMutation(GIVE_CONSENT, { onCompleted: onGiven });
  useEffect(() => {
    if (!signature || usedSignatures.has(signature.token)) return;
    usedSignatures.add(signature.token);
    const intent = signature.intent as PendingGive;
    give({
      variables: { id: intent.consentId, answers: intent.answers },
      context: { headers: { authorization: `Bearer ${signature.token}` } },
    }).catch(() => {});
  }, [signature, give]);
  return result;
}

/** The citizen's overview, live: requests awaiting an answer first, then every other consent. */
export function MyConsents() {
  const { t, pick, status, language } = useLanguage();
  // Announced in the language it was made in; a switch of language leaves no stale text behind.
  const [announcement, setAnnouncement] = useState<{ text: string; language: Language }>();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [changes, setChanges] = useState(0);
  const thanksRef = useRef<HTMLDivElement>(null);
  // Always from the server: the cursor read with the list must be as new as the list.
  const signing = useFinishSigning(() => setAnswer("given"));
  const { data, loading, error } = useQuery(MY_CONSENTS, { fetchPolicy: "network-only" });
  const citizen = data?.me;

  useConsentEvents(MY_CONSENT_CHANGES, {
    variables: {},
    startAfter: citizen ? data.latestConsentCursor : undefined,
    list: { owner: "ROOT_QUERY", field: "myConsents" },
    onEvent: (event) => {
      const what = event.status === "REQUESTED" ? t("newRequest") : t("statusChanged");
      setAnnouncement({ text: `${what}: ${pick(event.consent.title)} – ${status(event.status)}`, language });
      setChanges((count) => count + 1);
    },
  });

  // The answered consent moves, or loses its button, and focus with it: focus the confirmation instead.
  useEffect(() => {
    if (answer) thanksRef.current?.focus();
  }, [answer]);

  if (loading) return <p role="status">{t("loading")}</p>;
  if (error || !citizen) return <ErrorAlert error={error} />;

  const awaiting = data.myConsents.filter((consent) => consent.status === "REQUESTED");
  const others = data.myConsents.filter((consent) => consent.status !== "REQUESTED");
  return (
    <>
      <p className="font-lead">
        {citizen.name} ({citizen.cprMasked})
      </p>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement?.language === language && announcement.text}
      </p>
      {signing.error && <ErrorAlert error={signing.error} />}
      {answer && (
        <div ref={thanksRef} tabIndex={-1} className="alert alert-success" role="status">
          <Icon name="success" className="alert-icon" />
          <div className="alert-body">
            <p className="alert-text">{t(answer)}</p>
          </div>
        </div>
      )}

      <h2>{t("awaitingTitle")}</h2>
      {awaiting.length === 0 ? (
        <p>{t("noneAwaiting")}</p>
      ) : (
        awaiting.map((consent) => <ConsentRequest key={consent.id} consent={consent} meId={citizen.id} onAnswered={setAnswer} />)
      )}

      <h2>{t("othersTitle")}</h2>
      {others.length === 0 ? (
        <p>{t("noOthers")}</p>
      ) : (
        <ul className="nobullet-list">
          {others.map((consent) => (
            <li key={consent.id} className="mb-5">
              <GivenConsent consent={consent} meId={citizen.id} onWithdrawn={() => setAnswer("withdrawn")} />
            </li>
          ))}
        </ul>
      )}
      <Mailbox changes={changes} />
      <AccessLog />
    </>
  );
}
