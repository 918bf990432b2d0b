import { Layout, useAuth } from "@samtykke/web-kit";
import { MyConsents } from "../features/consents/MyConsents.js";
import { SignIn } from "../features/login/SignIn.js";
import { useLanguage } from "../lib/i18n.js";

export function App() {
  const { t } = useLanguage();
  const { session, logOut } = useAuth();
  const logOutButton = session && (
    <button type="button" className="button button-secondary ml-5" onClick={logOut}>
      {t("logOut")}
    </button>
  );
  return <Layout actions={logOutButton}>{session ? <MyConsents /> : <SignIn />}</Layout>;
}
