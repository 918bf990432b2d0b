import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link } from "react-router";
import { ErrorAlert, Page } from "@samtykke/web-kit";
import { cursorPage, CursorPager, PAGE_SIZE, useCursorParams } from "../../lib/Pager.js";
import { useLanguage } from "../../lib/i18n.js";
import { MY_MAILBOX, useLettersAfterChange, useOpenLetter, type Letter } from "./letters.js";

/** The citizen's Digital Post about consents, newest first, ten at a time all the way back: each a PDF with the whole consent. */
export function MailboxPage() {
  const { t, pick, dateTime } = useLanguage();
  const cursors = useCursorParams();
  const { data, error, refetch } = useQuery(MY_MAILBOX, { variables: { first: PAGE_SIZE + 1, after: cursors.after, before: cursors.before }, fetchPolicy: "network-only" });
  const open = useOpenLetter();
  const [failure, setFailure] = useState<unknown>();

  useLettersAfterChange(refetch);

  const { items: letters, ...pager } = cursorPage(data?.myMailbox ?? [], cursors);
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
            <li key={letter.id} data-cursor={letter.cursor}>
              <p className="m-0">
                {letter.readAt ? pick(letter.title) : <strong>{pick(letter.title)}</strong>}
                {!letter.readAt && ` · ${t("unread")}`}
              </p>
              <p className="m-0 form-hint">{dateTime(letter.sentAt)}</p>
              <button type="button" className="function-link mr-5" onClick={() => read(letter)} aria-label={`${t("openLetter")}: ${pick(letter.title)}`}>
                {t("openLetter")}
              </button>
              <LetterLink letter={letter} />
            </li>
          ))}
        </ul>
      )}
      {data && <CursorPager {...pager} />}
    </Page>
  );
}

/** Where the letter leads in the app: a request still waiting is answered on its own page; anything else is seen on the consent's. */
function LetterLink({ letter }: { letter: Letter }) {
  const { t, pick } = useLanguage();
  if (!letter.consent) return null;
  const answer = letter.consent.status === "REQUESTED" && (letter.kind === "REQUEST" || letter.kind === "REMINDER");
  const label = t(answer ? "openRequest" : "seeConsent");
  return (
    <Link to={`/${answer ? "anmodninger" : "samtykker"}/${letter.consent.id}`} aria-label={`${label}: ${pick(letter.title)}`}>
      {label}
    </Link>
  );
}
