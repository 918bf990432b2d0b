import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { API_MAX, firstFor, PAGE_SIZE, Pager, usePageNumber } from "../../lib/Pager.js";
import { useLanguage } from "../../lib/i18n.js";
import { MY_MAILBOX, useLettersAfterChange, useOpenLetter, type Letter } from "./letters.js";


/** The citizen's Digital Post about consents, newest first, a page at a time: each a PDF with the whole consent. */
export function MailboxPage() {
  const { t, pick, dateTime } = useLanguage();
  const page = usePageNumber();
  const first = firstFor(page);
  const { data, error, refetch } = useQuery(MY_MAILBOX, { variables: { first }, fetchPolicy: "network-only" });
  const open = useOpenLetter();
  const [failure, setFailure] = useState<unknown>();

  useLettersAfterChange(refetch);

  const all = data?.myMailbox ?? [];
  const letters = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const read = (letter: Letter) => {
    setFailure(undefined);
    open(letter).catch(setFailure);
  };
  return (
    <Page title={t("mailboxPage")}>
      <p>{t("mailboxHelp")}</p>
      {error && <ErrorAlert error={error} />}
      {failure !== undefined && <ErrorAlert error={failure} />}
      {!data && !error && <p role="status">{t("loading")}</p>}
      {data && letters.length === 0 && <p>{t("mailboxEmpty")}</p>}
      {letters.length > 0 && (
        <ul className="bordered-list" aria-label={t("mailboxTitle")}>
          {letters.map((letter) => (
            <li key={letter.id}>
              <p className="m-0">
                {letter.readAt ? pick(letter.title) : <strong>{pick(letter.title)}</strong>}
                {!letter.readAt && ` · ${t("unread")}`}
              </p>
              <p className="m-0 form-hint">{dateTime(letter.sentAt)}</p>
              <button type="button" className="function-link mr-5" onClick={() => read(letter)} aria-label={`${t("openLetter")}: ${pick(letter.title)}`}>
                {t("openLetter")}
              </button>
              {letter.consent && (
                <Link to={`/samtykker/${letter.consent.id}`} aria-label={`${t("seeConsent")}: ${pick(letter.title)}`}>
                  {t("seeConsent")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && <Pager page={page} hasNext={all.length > page * PAGE_SIZE} atLimit={first >= API_MAX && all.length >= API_MAX} />}
    </Page>
  );
}
