import { useEffect, useRef } from "react";
import { BrowserRouter, Link, Route, Routes, useLocation } from "react-router";
import { Layout, useAuth } from "@samtykke/web-kit";
import { ConsentPage } from "../features/consent/ConsentPage.js";
import { AccessLogPage } from "../features/access-log/AccessLogPage.js";
import { FrontPage } from "../features/front/FrontPage.js";
import { SignIn } from "../features/login/SignIn.js";
import { MailboxPage } from "../features/mailbox/MailboxPage.js";
import { RequestPage } from "../features/request/RequestPage.js";
import { Page } from "../lib/Page.js";
import { useLanguage } from "../lib/i18n.js";
import { CitizenDataProvider } from "./citizen-data.js";
import { Navigation } from "./Navigation.js";
import "./citizen.css";

/** After a move to another page of the app, focus its heading, so a screen reader starts there. */
function FocusOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [pathname]);
  return null;
}

function NotFound() {
  const { t } = useLanguage();
  return (
    <Page title={t("notFoundTitle")}>
      <p>{t("notFound")}</p>
      <Link to="/">{t("backToFront")}</Link>
    </Page>
  );
}

function SignedInRoutes() {
  return (
    <CitizenDataProvider>
      <FocusOnNavigate />
      <Routes>
        <Route path="/" element={<FrontPage />} />
        <Route path="/anmodninger/:id" element={<RequestPage />} />
        <Route path="/samtykker/:id" element={<ConsentPage />} />
        <Route path="/postkasse" element={<MailboxPage />} />
        <Route path="/adgangslog" element={<AccessLogPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </CitizenDataProvider>
  );
}

export function App() {
  const { t } = useLanguage();
  const { session, logOut } = useAuth();
  const logOutButton = session && (
    <button type="button" className="button button-secondary ml-5" onClick={logOut}>
      {t("logOut")}
    </button>
  );
  // Signed out, every address shows the sign-in, which brings the citizen back to that address.
  return (
    <BrowserRouter>
      <Layout actions={logOutButton} navigation={session && <Navigation />} heading={null}>
        {session ? <SignedInRoutes /> : <SignIn />}
      </Layout>
    </BrowserRouter>
  );
}
