import { useState } from "react";
import { MyConsents } from "../features/consents/MyConsents.js";
import { TestLogin } from "../features/login/TestLogin.js";
import { useLanguage } from "../lib/i18n.js";

export function App() {
  const { t, language, setLanguage } = useLanguage();
  const [cpr, setCpr] = useState<string | null>(null);
  return (
    <>
      <a className="skipnav" href="#main-content">
        {t("skipToContent")}
      </a>
      <header className="header">
        <div className="portal-header">
          <div className="container portal-header-inner">
            <span className="h3 m-0">{t("appTitle")}</span>
            <div className="portal-info">
              <button type="button" className="button button-secondary" lang={language === "da" ? "en" : "da"} onClick={() => setLanguage(language === "da" ? "en" : "da")}>
                {t("switchLanguage")}
              </button>
              {cpr && (
                <button type="button" className="button button-secondary ml-3" onClick={() => setCpr(null)}>
                  {t("logOut")}
                </button>
              )}
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" className="container page-container">
        <h1>{t("appTitle")}</h1>
        {cpr ? <MyConsents cpr={cpr} /> : <TestLogin onLogin={setCpr} />}
      </main>
    </>
  );
}
