import { BrowserRouter, Route, Routes } from "react-router";
import { FocusOnNavigate, Layout, NotFound, useAuth } from "@samtykke/web-kit";
import { ConsentPage } from "../features/consent/ConsentPage.js";
import { AccessLogPage } from "../features/access-log/AccessLogPage.js";
import { FrontPage } from "../features/front/FrontPage.js";
import { SignIn } from "../features/login/SignIn.js";
import { MailboxPage } from "../features/mailbox/MailboxPage.js";
import { MyDataPage } from "../features/my-data/MyDataPage.js";
import { RegisterPage } from "../features/register/RegisterPage.js";
import { RegisterTemplatePage } from "../features/register/RegisterTemplatePage.js";
import { RequestPage } from "../features/request/RequestPage.js";
import { useLanguage } from "../lib/i18n.js";
import { CitizenDataProvider } from "./citizen-data.js";
import { Navigation } from "./Navigation.js";
import "./citizen.css";

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
        <Route path="/mine-data" element={<MyDataPage />} />
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
  // The public register is open to anyone; signed out, every other address shows the sign-in,
  // which brings the citizen back to that address.
  return (
    <BrowserRouter>
      <Layout actions={logOutButton} navigation={session && <Navigation />} heading={null}>
        <Routes>
          <Route path="/register" element={<RegisterPage />} />
          <Route path="/register/:key" element={<RegisterTemplatePage />} />
          <Route path="*" element={session ? <SignedInRoutes /> : <SignIn />} />
        </Routes>
      </Layout>
    </BrowserRouter>
  );
}
