import { useQuery } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { ErrorAlert } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";
import { ACCESS_LOG, AccessEntries } from "./access-entries.js";

const USED_BY_SHOWN = 5;

/** Who else used the consent lately, in the access log's words, and the way to the whole of it. */
export function UsedBy({ consentId, status }: { consentId: string; status: string }) {
  const { t } = useLanguage();
  const { data, error, refetch } = useQuery(ACCESS_LOG, { variables: { first: USED_BY_SHOWN + 1, consentId }, fetchPolicy: "network-only" });
  // A change arriving live (a caseworker's withdrawal, say) is on the log too; the first load needs no second ask.
  const shownFor = useRef(status);
  useEffect(() => {
    if (shownFor.current === status) return;
    shownFor.current = status;
    void refetch().catch(() => {});
  }, [status, refetch]);
  const entries = data?.myConsentAccessLog ?? [];
  return (
    <section aria-labelledby="used-by-title">
      <h2 id="used-by-title" className="h3">
        {t("usedByTitle")}
      </h2>
      {error && <ErrorAlert error={error} />}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {data && entries.length === 0 && <p>{t("usedByNone")}</p>}
      {entries.length > 0 && <AccessEntries entries={entries.slice(0, USED_BY_SHOWN)} label={t("usedByTitle")} />}
      {entries.length > USED_BY_SHOWN && <Link to={`/adgangslog?samtykke=${encodeURIComponent(consentId)}`}>{t("usedByAll")}</Link>}
    </section>
  );
}
