import { SessionExpired, useAuth } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";

/** Caseworkers sign in with their authority's login (the development login stands in for it outside production). */
export function SignIn() {
  const { t } = useLanguage();
  const { logIn } = useAuth();
  return (
    <section aria-labelledby="sign-in-title">
      <SessionExpired />
      <h2 id="sign-in-title">{t("signInTitle")}</h2>
      <p>{t("signInHelp")}</p>
      <button type="button" className="button button-primary" onClick={logIn}>
        {t("logIn")}
      </button>
    </section>
  );
}
