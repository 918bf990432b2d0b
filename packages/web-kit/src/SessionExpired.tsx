import { useAuth } from "./auth.js";
import { useSharedLanguage } from "./i18n.js";
import { Alert } from "./Alert.js";

/** Says, on the sign-in page, that the login ran out while the page was open; nothing otherwise. */
export function SessionExpired() {
  const { expired } = useAuth();
  const { t } = useSharedLanguage();
  if (!expired) return null;
  return (
    <Alert kind="warning" role="alert">
      <p className="alert-text">{t("sessionExpired")}</p>
    </Alert>
  );
}
