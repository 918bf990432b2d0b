import { useEffect } from "react";
import { useApolloClient, useMutation } from "@apollo/client/react";
import { bytesFromBase64, saveFile } from "@samtykke/web-kit";
import { useCitizen } from "../../app/citizen-data.js";
import { graphql } from "../../gql/index.js";
import type { MyMailboxQuery } from "../../gql/graphql.js";

export type Letter = MyMailboxQuery["myMailbox"][number];

/** A page of letters (all, or about one consent), newest first: older than `after`, or the ones just newer than `before`. */
export const MY_MAILBOX = graphql(`
  query MyMailbox($first: Int!, $after: String, $before: String, $consentId: ID) {
    myMailbox(first: $first, after: $after, before: $before, consentId: $consentId) { id cursor kind title { da en } sentAt readAt consent { id status } }
  }
`);

const LETTER_PDF = graphql(`
  query LetterPdf($id: ID!) {
    mailboxLetter(id: $id) { id pdfBase64 }
  }
`);

const MARK_READ = graphql(`
  mutation MarkLetterRead($id: ID!) {
    markLetterRead(id: $id) { id readAt }
  }
`);

/** Downloads a letter's PDF (fetched when opened, so each opening is on the citizen's own log) and marks it read. */
export function useOpenLetter(): (letter: Letter) => Promise<void> {
  const client = useApolloClient();
  const [markRead] = useMutation(MARK_READ);
  return async (letter) => {
    const { data: pdf } = await client.query({ query: LETTER_PDF, variables: { id: letter.id }, fetchPolicy: "no-cache" });
    saveFile(new Blob([bytesFromBase64(pdf!.mailboxLetter.pdfBase64)], { type: "application/pdf" }), `samtykke-brev-${letter.sentAt.slice(0, 10)}-${letter.id.slice(0, 8)}.pdf`);
    if (!letter.readAt) await markRead({ variables: { id: letter.id } });
  };
}

// Letters are sent just after the change that caused them commits; asking again this much later finds them.
const AFTER_CHANGE_MS = 700;

/** Asks for the letters again a moment after each live change of the citizen's consents. */
export function useLettersAfterChange(refetch: () => Promise<unknown>): void {
  const { changes } = useCitizen();
  useEffect(() => {
    if (changes === 0) return;
    const timer = setTimeout(() => void refetch().catch(() => {}), AFTER_CHANGE_MS);
    return () => clearTimeout(timer);
  }, [changes, refetch]);
}
