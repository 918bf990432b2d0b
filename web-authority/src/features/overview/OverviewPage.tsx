import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import { Link } from "react-router";
import { ErrorAlert, Page, StatusBadge } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { useLanguage } from "../../lib/i18n.js";
import { OVERVIEW, type AuthorityConsent } from "../consents/operations.js";

const DAY_MS = 86_400_000;

function ConsentLinks<T extends AuthorityConsent>({ consents, detail }: { consents: T[]; detail: (consent: T) => string }) {
  const { pick } = useLanguage();
  return (
    <ul className="nobullet-list">
      {consents.map((consent) => (
        <li key={consent.id} className="mb-3">
          <Link to={`/samtykker/${consent.id}`}>
            {consent.subject.name}: {pick(consent.title)}
          </Link>
          <span className="d-block form-hint">
            {consent.caseReference ? `${consent.caseReference} · ` : ""}
            {detail(consent)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The caseworker's front page: how the authority's consents stand, and what needs attention, live. */
export function OverviewPage() {
  const { t, status, date } = useLanguage();
  const { changes } = useAuthorityLive();
  // "Expiring within 30 days" counts from when the page was opened; a reload moves it on.
  const expiresBefore = useMemo(() => new Date(Date.now() + 30 * DAY_MS).toISOString(), []);
  const { data, error, refetch } = useQuery(OVERVIEW, { variables: { expiresBefore }, fetchPolicy: "cache-and-network" });
  useEffect(() => {
    if (changes) void refetch();
  }, [changes, refetch]);

  const daysSince = (iso: string) => Math.max(0, Math.floor((Date.now() - new Date(iso).getTime()) / DAY_MS));
  const seeAll = (n: number, to: string) =>
    n > 5 && (
      <Link to={to} className="function-link">
        {t("seeAll").replace("{n}", String(n))}
      </Link>
    );
  return (
    <Page title={t("overviewTitle")}>
      {error && <ErrorAlert error={error} />}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {data && (
        <div className="row">
          <section className="col-12 col-lg-6 mb-6" aria-labelledby="waiting-title">
            <h2 id="waiting-title" className="h3">
              {t("waitingTitle")} ({data.waiting.totalCount})
            </h2>
            {data.waiting.totalCount === 0 && <p>{t("waitingNone")}</p>}
            <ConsentLinks
              consents={data.waiting.edges.map((edge) => edge.node)}
              detail={(consent) => t("waitingSince").replace("{date}", date(consent.requestedAt)).replace("{days}", String(daysSince(consent.requestedAt)))}
            />
            {seeAll(data.waiting.totalCount, "/samtykker?status=REQUESTED&orden=aeldste")}
          </section>
          <section className="col-12 col-lg-6 mb-6" aria-labelledby="follow-up-title">
            <h2 id="follow-up-title" className="h3">
              {t("followUpTitle")} ({data.followUps.totalCount})
            </h2>
            {data.followUps.totalCount === 0 && <p>{t("followUpNone")}</p>}
            <ConsentLinks
              consents={data.followUps.edges.map((edge) => edge.node)}
              detail={(consent) => t("followUpSince").replace("{date}", date(consent.requestedAt)).replace("{since}", consent.followUp.taskOpenedAt ? date(consent.followUp.taskOpenedAt) : "–")}
            />
            {seeAll(data.followUps.totalCount, "/samtykker?opfoelgning=1&orden=aeldste")}
          </section>
          <section className="col-12 col-lg-6 mb-6" aria-labelledby="expiring-title">
            <h2 id="expiring-title" className="h3">
              {t("expiringTitle")} ({data.expiring.totalCount})
            </h2>
            {data.expiring.totalCount === 0 && <p>{t("expiringNone")}</p>}
            <ConsentLinks consents={data.expiring.edges.map((edge) => edge.node)} detail={(consent) => t("expiresOn").replace("{date}", date(consent.validTo!))} />
            {seeAll(data.expiring.totalCount, "/samtykker?udloeber=30")}
          </section>
          <section className="col-12 col-lg-6 mb-6" aria-labelledby="stops-title">
            <h2 id="stops-title" className="h3">
              {t("stopsTitle")} ({data.unconfirmed.totalCount})
            </h2>
            {data.unconfirmed.totalCount === 0 && <p>{t("stopsNone")}</p>}
            <ConsentLinks
              consents={data.unconfirmed.edges.map((edge) => edge.node)}
              detail={(consent) =>
                `${t("stopNotConfirmed")}: ${consent.stopConfirmations
                  .filter((stop) => !stop.confirmedAt)
                  .map((stop) => stop.caseSystem?.name ?? stop.thirdParty?.name)
                  .join(", ")}`
              }
            />
            {seeAll(data.unconfirmed.totalCount, "/samtykker?ubekraeftet=1")}
          </section>
          <section className="col-12 col-lg-6 mb-6" aria-labelledby="counts-title">
            <h2 id="counts-title" className="h3">
              {t("countsTitle")}
            </h2>
            <table className="table table--compact" aria-label={t("countsTable")}>
              <thead>
                <tr>
                  <th scope="col">{t("status")}</th>
                  <th scope="col" className="text-align-right">
                    {t("count")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.consentStatusCounts
                  .filter((row) => row.count > 0)
                  .map((row) => (
                    <tr key={row.status}>
                      <th scope="row">
                        <Link to={`/samtykker?status=${row.status}`} aria-label={`${status(row.status)}: ${row.count}`}>
                          <StatusBadge status={row.status} />
                        </Link>
                      </th>
                      <td className="text-align-right">{row.count}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </Page>
  );
}
