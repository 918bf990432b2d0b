import { useState } from "react";
import { Layout } from "@samtykke/web-kit";
import { MyConsents } from "../features/consents/MyConsents.js";
import { TestLogin } from "../features/login/TestLogin.js";
import { useLanguage } from "../lib/i18n.js";

export function App() {
  const { t } = useLanguage();
  // Until MitID lands, the CPR number typed in the test login is who the citizen is.
  const [cpr, setCpr] = useState<string | null>(null);
  const logOut = cpr && (
    <button type="button" className="button button-secondary ml-5" onClick={() => setCpr(null)}>
      {t("logOut")}
    </button>
  );
  return <Layout actions={logOut}>{cpr ? <MyConsents cpr={cpr} onLogOut={() => setCpr(null)} /> : <TestLogin onLogin={setCpr} />}</Layout>;
}
