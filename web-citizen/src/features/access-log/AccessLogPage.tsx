import { useQuery } from "@apollo/client/react";
import { Link, useSearchParams } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { cursorPage, CursorPager, PAGE_SIZE, useCursorParams } from "../../lib/Pager.js";
import { useLanguage } from "../../lib/i18n.js";
import { ACCESS_LOG, AccessEntries } from "./access-entries.js";
import { LookUps } from "./LookUps.js";

/**
 * Seed 004's promise: the citizen sees who has looked at or used their consents, in plain words, ten
 * at a time, all the way back; `?samtykke=<id>` narrows it to one consent (from the consent's page).
 * Below, when an authority looked the citizen up in the person register.
 */
export function AccessLogPage() {
  const { t, pick } = useLanguage();
  const [params] = useSearchParams();
  const consentId = params.get("samtykke");
  const cursors = useCursorParams();
  const { data, error } = useQuery(ACCESS_LOG, { variables: { first: PAGE_SIZE + 1, after: cursors.after, before: cursors.before, consentId }, fetchPolicy: "network-only" });
  const { items: entries, ...pager } = cursorPage(data?.myConsentAccessLog ?? [], cursors);
  const about = entries.find((entry) => entry.consent)?.consent;
  return (
    <Page title={t("accessPage")}>
      <p>{t("accessHelp")}</p>
      {consentId && (
        <p>
          {t("accessOnlyConsent")}
          {about && ` "${pick(about.title)}"`}. <Link to="/adgangslog">{t("accessShowAll")}</Link>
        </p>
      )}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {error && <ErrorAlert error={error} />}
      {data && entries.length === 0 && <p>{t("accessNone")}</p>}
      {entries.length > 0 && <AccessEntries entries={entries} label={t("accessTitle")} />}
      {data && <CursorPager {...pager} />}
      {!consentId && <LookUps />}
    </Page>
  );
}
