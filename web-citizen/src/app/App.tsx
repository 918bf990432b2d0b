import { AppShell } from "@samtykke/web-kit";
import { useState } from "react";
import { MyConsents } from "../features/consents/MyConsents.js";
import { TestLogin } from "../features/login/TestLogin.js";
import { useLanguage } from "../lib/i18n.js";

export function App() {
  const { t } = useLanguage();
  const [cpr, setCpr] = useState<string | null>(null);
  const logOut = cpr && (
    <button type="button" className="button button-secondary ml-3" onClick={() => setCpr(null)}>
      {t("logOut")}
    </button>
  );
  return (
    <AppShell title={t("appTitle")} actions={logOut}>
      {cpr ? <MyConsents cpr={cpr} /> : <TestLogin onLogin={setCpr} />}
    </AppShell>
  );
}
