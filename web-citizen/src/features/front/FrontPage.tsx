import { Link } from "react-router";
import { StatusBadge, Page } from "@samtykke/web-kit";
import { useCitizen } from "../../app/citizen-data.js";
import { useLanguage } from "../../lib/i18n.js";
import type { CitizenConsent } from "../consents/operations.js";

const IN_FORCE = new Set(["ACTIVE", "PAUSED"]);

/** Who a consent concerns, when it is not the citizen themselves (a child, a grantor). */
function Concerns({ consent }: { consent: CitizenConsent }) {
  const { t } = useLanguage();
  const { me } = useCitizen();
  if (consent.subject.id === me.id) return null;
  return (
    <p className="m-0">
      {t("onBehalfOf")}: {consent.subject.name}
    </p>
  );
}

/** A request: what, who asks, why and by when, and the way in. Named by its title. */
function RequestItem({ consent }: { consent: CitizenConsent }) {
  const { t, pick, date } = useLanguage();
  const { me } = useCitizen();
  const signedByMe = consent.signatures.some((signature) => signature.signer.id === me.id);
  const signed = new Set(consent.signatures.map((signature) => signature.signer.id));
  return (
    <li className="card mb-5">
      <article className="card-content" aria-labelledby={`request-${consent.id}`}>
        <h3 id={`request-${consent.id}`} className="h4 mt-0 mb-2">
          <Link to={`/anmodninger/${consent.id}`}>{pick(consent.title)}</Link>
        </h3>
        <p className="m-0">
          <StatusBadge status={consent.status} />
        </p>
        <Concerns consent={consent} />
        <p className="m-0">
          {t("asks")}: {consent.authority.name}
          {consent.caseReference && ` · ${t("caseReference")}: ${consent.caseReference}`}
        </p>
        <p className="m-0">
          {t("why")}: {pick(consent.purpose)}
        </p>
        <p className="m-0">
          <strong>{consent.answerBy ? `${t("answerBy")}: ${date(consent.answerBy)}` : t("noDeadline")}</strong>
        </p>
        {signedByMe && (
          <p className="m-0">
            {t("awaitingOthersShort")} {consent.givers.filter((giver) => !signed.has(giver.id)).map((giver) => giver.name).join(", ")}
          </p>
        )}
      </article>
    </li>
  );
}

/** A given or ended consent: title as a link to its own page, status and the one date that matters. */
function ConsentItem({ consent }: { consent: CitizenConsent }) {
  const { t, pick, date } = useLanguage();
  return (
    <li className="mb-4">
      <article aria-labelledby={`consent-${consent.id}`}>
        <h3 id={`consent-${consent.id}`} className="h5 mt-0 mb-1">
          <Link to={`/samtykker/${consent.id}`}>{pick(consent.title)}</Link>
        </h3>
        <p className="m-0">
          <StatusBadge status={consent.status} /> {consent.authority.name}
        </p>
        <Concerns consent={consent} />
        {IN_FORCE.has(consent.status) ? (
          <p className="m-0">
            {t("validUntil")}: {consent.validTo ? date(consent.validTo) : t("openEnded")}
          </p>
        ) : (
          consent.endedAt && (
            <p className="m-0">
              {t("endedOn")}: {date(consent.endedAt)}
            </p>
          )
        )}
      </article>
    </li>
  );
}

/** What waits for an answer first, then what is in force, then what has ended. */
export function FrontPage() {
  const { t } = useLanguage();
  const { me, consents } = useCitizen();
  const awaiting = consents.filter((consent) => consent.status === "REQUESTED");
  const active = consents.filter((consent) => IN_FORCE.has(consent.status));
  const history = consents.filter((consent) => consent.status !== "REQUESTED" && !IN_FORCE.has(consent.status));
  return (
    <Page title={t("frontTitle")}>
      <p className="font-lead">
        {me.name} ({me.cprMasked})
      </p>
      <section aria-labelledby="awaiting-title">
        <h2 id="awaiting-title">{t("awaitingTitle")}</h2>
        {awaiting.length === 0 ? (
          <p>{t("noneAwaiting")}</p>
        ) : (
          <ul className="nobullet-list">
            {awaiting.map((consent) => (
              <RequestItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="active-title">
        <h2 id="active-title">{t("activeTitle")}</h2>
        {active.length === 0 ? (
          <p>{t("noActive")}</p>
        ) : (
          <ul className="nobullet-list">
            {active.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("historyTitle")}</h2>
        {history.length === 0 ? (
          <p>{t("noHistory")}</p>
        ) : (
          <ul className="nobullet-list">
            {history.map((consent) => (
              <ConsentItem key={consent.id} consent={consent} />
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
