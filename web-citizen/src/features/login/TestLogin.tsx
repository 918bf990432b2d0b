import { useState, type FormEvent } from "react";
import { useLanguage } from "../../lib/i18n.js";

/** Stand-in for MitID until real login lands: clearly marked, never for real people. */
export function TestLogin({ onLogin }: { onLogin: (cpr: string) => void }) {
  const { t } = useLanguage();
  const [cpr, setCpr] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (cpr.trim()) onLogin(cpr.trim());
  };
  return (
    <section className="alert alert-warning" aria-labelledby="test-login-title">
      <div className="alert-body">
        <h2 id="test-login-title" className="alert-heading">
          {t("testLoginTitle")}
        </h2>
        <p className="alert-text">{t("testLoginHelp")}</p>
        <form onSubmit={submit}>
          <div className="form-group">
            <label className="form-label" htmlFor="cpr">
              {t("cprLabel")}
            </label>
            <input id="cpr" className="form-input input-width-s" inputMode="numeric" autoComplete="off" value={cpr} onChange={(e) => setCpr(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary">
            {t("logIn")}
          </button>
        </form>
      </div>
    </section>
  );
}
