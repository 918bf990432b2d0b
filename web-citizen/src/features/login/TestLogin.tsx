import { useState, type FormEvent } from "react";
import { Icon } from "@samtykke/web-kit";
import { useLanguage } from "../../lib/i18n.js";

/** Stand-in for MitID until real login lands: clearly marked, for demo people only. */
export function TestLogin({ onLogin }: { onLogin: (cpr: string) => void }) {
  const { t } = useLanguage();
  const [cpr, setCpr] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(!cpr.trim());
    if (cpr.trim()) onLogin(cpr.trim());
  };
  return (
    <section className="alert alert-warning" aria-labelledby="test-login-title">
      <Icon name="warning" className="alert-icon" />
      <div className="alert-body">
        <h2 id="test-login-title" className="alert-heading">
          {t("testLoginTitle")}
        </h2>
        <p className="alert-text">{t("testLoginHelp")}</p>
        <form onSubmit={submit} noValidate className="mt-4">
          <div className={`form-group${missing ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="login-cpr">
              {t("cprLabel")}
            </label>
            {missing && (
              <span className="form-error-message" id="login-cpr-error">
                {t("cprMissing")}
              </span>
            )}
            <input
              id="login-cpr"
              className="form-input input-width-s"
              inputMode="numeric"
              autoComplete="off"
              value={cpr}
              aria-invalid={missing}
              aria-describedby={missing ? "login-cpr-error" : undefined}
              onChange={(event) => setCpr(event.target.value)}
            />
          </div>
          <button type="submit" className="button button-primary mt-5">
            {t("logIn")}
          </button>
        </form>
      </div>
    </section>
  );
}
