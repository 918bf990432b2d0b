import { errorMessage } from "./errors.js";
import { useSharedLanguage } from "./i18n.js";
import { Icon } from "./Icon.js";

/** An API error in the reader's language, announced at once to screen readers. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { language } = useSharedLanguage();
  return (
    <div className="alert alert-error" role="alert">
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-text">{errorMessage(error, language)}</p>
      </div>
    </div>
  );
}
