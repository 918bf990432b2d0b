import { useMutation, useQuery, useSubscription } from "@apollo/client/react";
import { useState } from "react";
import { addToCachedList, ErrorAlert } from "@samtykke/web-kit";
import { citizenStatus, useLanguage } from "../../lib/i18n.js";
import { CONSENT_CHANGES, GIVE_CONSENT, MY_CONSENTS, type CitizenConsent } from "./operations.js";

interface MyConsentsData {
  latestConsentCursor: string;
  citizen: { id: string; name: string; cprMasked: string; consents: CitizenConsent[] };
}

/** The citizen's overview: requests awaiting an answer first, then every consent, live. */
export function MyConsents({ cpr }: { cpr: string }) {
  const { t, pick, language } = useLanguage();
  const [announcement, setAnnouncement] = useState("");
  const [notice, setNotice] = useState("");
  const { data, loading, error } = useQuery<MyConsentsData>(MY_CONSENTS, { variables: { cpr } });
  const citizen = data?.citizen;

  // Subscribed from the cursor read with the data, so no change falls between loading and listening.
  useSubscription<{ consentStatusChanged: { cursor: string; status: string; consent: CitizenConsent } }>(CONSENT_CHANGES, {
    skip: !citizen,
    variables: { citizenId: citizen?.id ?? "", after: data?.latestConsentCursor },
    onData: ({ client, data: event }) => {
      const change = event.data?.consentStatusChanged;
      if (!change || !citizen) return;
      addToCachedList(client.cache, { __typename: "Citizen", id: citizen.id }, "consents", change.consent.id);
      setAnnouncement(`${change.status === "REQUESTED" ? t("newRequest") : t("statusChanged")}: ${pick(change.consent.title)} – ${citizenStatus(change.status, language)}`);
    },
  });

  if (loading) return <p>{t("loading")}</p>;
  if (error || !citizen) return <ErrorAlert error={error} />;

  const awaiting = citizen.consents.filter((consent) => consent.status === "REQUESTED");
  const others = citizen.consents.filter((consent) => consent.status !== "REQUESTED");
  return (
    <>
      <p className="font-lead">
        {citizen.name} <span className="text-nowrap">({citizen.cprMasked})</span>
      </p>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {notice && (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{notice}</p>
          </div>
        </div>
      )}
      <h2>{t("awaitingTitle")}</h2>
      {awaiting.length === 0 ? (
        <p>{t("noneAwaiting")}</p>
      ) : (
        awaiting.map((consent) => <ConsentRequest key={consent.id} consent={consent} onGiven={() => setNotice(t("given"))} />)
      )}
      <h2>{t("allTitle")}</h2>
      {others.length === 0 ? (
        <p>{t("noConsents")}</p>
      ) : (
        <ul className="nobullet-list">
          {others.map((consent) => (
            <li key={consent.id} className="mb-5">
              <ConsentSummary consent={consent} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ConsentSummary({ consent }: { consent: CitizenConsent }) {
  const { t, pick, date, language } = useLanguage();
  return (
    <article aria-labelledby={`title-${consent.id}`}>
      <h3 id={`title-${consent.id}`} className="h4">
        {pick(consent.title)}
      </h3>
      <p className="m-0">
        <span className={`badge ${consent.status === "ACTIVE" ? "badge-success" : ""}`}>{citizenStatus(consent.status, language)}</span>
      </p>
      <p className="m-0">
        {t("from")}: {consent.authority.name}
        {consent.caseReference && (
          <>
            {" · "}
            {t("caseReference")}: {consent.caseReference}
          </>
        )}
      </p>
      {consent.status === "ACTIVE" && (
        <p className="m-0">
          {t("validUntil")}: {consent.validTo ? date(consent.validTo) : t("openEnded")}
        </p>
      )}
    </article>
  );
}

// Once given, the consent leaves the requests for the list below; the page keeps the thank-you.
function ConsentRequest({ consent, onGiven }: { consent: CitizenConsent; onGiven: () => void }) {
  const { t, pick, language } = useLanguage();
  const [give, { loading, error }] = useMutation(GIVE_CONSENT, { onCompleted: onGiven });
  return (
    <section className="card mb-5" aria-labelledby={`title-${consent.id}`}>
      <div className="card-content">
        <ConsentSummary consent={consent} />
        <p>{pick(consent.purpose)}</p>
        {error && <ErrorAlert error={error} />}
        <button type="button" className="button button-primary" disabled={loading} onClick={() => void give({ variables: { id: consent.id } }).catch(() => {})}>
          {t("give")}
        </button>
      </div>
    </section>
  );
}
