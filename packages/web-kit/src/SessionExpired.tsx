import { useAuth } from "./auth.js";
import { useSharedLanguage } from "./i18n.js";
import { Icon } from "./Icon.js";

/** Says, on the sign-in page, that the login ran out while the page was open; nothing otherwise. */
export function SessionExpired() {
  const { expired } = useAuth();
  const { t } = useSharedLanguage();
  if (!expired) return null;
  return (
    <div className="alert alert-warning" role="alert">
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-text">{t("sessionExpired")}</p>
      </div>
    </div>
  );
}
