import { Link } from "react-router";
import { SessionExpired, useAuth, Page } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";

/** Before anything personal is shown: sign in with MitID (the development login stands in for it outside production). */
export function SignIn() {
  const { t } = useLanguage();
  const { logIn } = useAuth();
  return (
    <Page title={t("signInTitle")}>
      <SessionExpired />
      <p>{t("signInHelp")}</p>
      <button type="button" className="button button-primary" onClick={logIn}>
        {t("logIn")}
      </button>
      <p className="mt-6">
        <Link to="/register">{t("registerFromSignIn")}</Link>
      </p>
    </Page>
  );
}
