import { gql, type TypedDocumentNode } from "@apollo/client";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useEffect, useState } from "react";
import { ErrorAlert } from "@samtykke/web-kit";
import { useLanguage, type LocalizedText } from "../../lib/i18n.js";

interface Letter {
  id: string;
  kind: "REQUEST" | "GIVEN" | "WITHDRAWN" | "EXPIRED";
  title: LocalizedText;
  sentAt: string;
  readAt: string | null;
}

const MY_MAILBOX: TypedDocumentNode<{ myMailbox: Letter[] }, Record<string, never>> = gql`
  query MyMailbox {
    myMailbox(first: 50) { id kind title { da en } sentAt readAt }
  }
`;

const LETTER_PDF: TypedDocumentNode<{ mailboxLetter: { id: string; pdfBase64: string } }, { id: string }> = gql`
  query LetterPdf($id: ID!) {
    mailboxLetter(id: $id) { id pdfBase64 }
  }
`;

const MARK_READ: TypedDocumentNode<{ markLetterRead: Pick<Letter, "id" | "readAt"> }, { id: string }> = gql`
  mutation MarkLetterRead($id: ID!) {
    markLetterRead(id: $id) { id readAt }
  }
`;

// Letters are sent just after the change that caused them commits; asking again this much later finds them.
const AFTER_CHANGE_MS = 700;

/**
 * The citizen's Digital Post about consents: every request and receipt, each a PDF with the whole
 * consent. `changes` counts the consent changes seen live; each one brings the new letter in.
 */
export function Mailbox({ changes }: { changes: number }) {
  const { t, pick, dateTime } = useLanguage();
  const client = useApolloClient();
  const { data, error, refetch } = useQuery(MY_MAILBOX, { fetchPolicy: "network-only" });
  const [markRead] = useMutation(MARK_READ);
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(() => void refetch().catch(() => {}), AFTER_CHANGE_MS);
    return () => clearTimeout(timer);
  }, [changes, refetch]);

  const open = async (letter: Letter) => {
    setFailure(undefined);
    try {
      // Fetched when opened, one letter at a time: each opening is on the citizen's own log.
      const { data: pdf } = await client.query({ query: LETTER_PDF, variables: { id: letter.id }, fetchPolicy: "no-cache" });
      const base64 = pdf!.mailboxLetter.pdfBase64;
      const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([bytes], { type: "application/pdf" }));
      link.download = `samtykke-brev-${letter.sentAt.slice(0, 10)}-${letter.id.slice(0, 8)}.pdf`;
      link.click();
      URL.revokeObjectURL(link.href);
      if (!letter.readAt) await markRead({ variables: { id: letter.id } });
    } catch (caught) {
      setFailure(caught);
    }
  };

  const letters = data?.myMailbox ?? [];
  return (
    <section aria-labelledby="mailbox-title" className="mt-7">
      <h2 id="mailbox-title">{t("mailboxTitle")}</h2>
      <p className="form-hint">{t("mailboxHelp")}</p>
      {error && <ErrorAlert error={error} />}
      {failure !== undefined && <ErrorAlert error={failure} />}
      {data && letters.length === 0 && <p>{t("mailboxEmpty")}</p>}
      {letters.length > 0 && (
        <ul className="nobullet-list">
          {letters.map((letter) => (
            <li key={letter.id} className="mb-3">
              {letter.readAt ? pick(letter.title) : <strong>{pick(letter.title)}</strong>} · {dateTime(letter.sentAt)}
              {!letter.readAt && ` · ${t("unread")}`}{" "}
              <button type="button" className="function-link" onClick={() => void open(letter)} aria-label={`${t("openLetter")}: ${pick(letter.title)}`}>
                {t("openLetter")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
