import { Alert } from "./Alert.js";
import { errorMessage } from "./errors.js";
import { useSharedLanguage } from "./i18n.js";

/** An API error in the reader's language, announced at once to screen readers. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { language } = useSharedLanguage();
  return (
    <Alert kind="error" role="alert">
      <p className="alert-text">{errorMessage(error, language)}</p>
    </Alert>
  );
}
