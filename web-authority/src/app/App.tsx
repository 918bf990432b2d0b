import { BrowserRouter, Route, Routes } from "react-router";
import { FocusOnNavigate, Layout, MainMenu, NotFound, useAuth } from "@samtykke/web-kit";
import { ConsentPage } from "../features/consent/ConsentPage.js";
import { FindPage } from "../features/find/FindPage.js";
import { SignIn } from "../features/login/SignIn.js";
import { OverviewPage } from "../features/overview/OverviewPage.js";
import { RegisterConsentForm } from "../features/register/RegisterConsentForm.js";
import { RequestConsentForm } from "../features/request/RequestConsentForm.js";
import { NewTemplatePage, TemplatePage } from "../features/templates/TemplatePage.js";
import { TemplatesPage } from "../features/templates/TemplatesPage.js";
import { StatisticsPage } from "../features/statistics/StatisticsPage.js";
import { useLanguage } from "../lib/i18n.js";
import { OpenCitizenFromLink } from "./citizen-link.js";
import { AuthorityLiveProvider } from "./live.js";

function Navigation() {
  const { t } = useLanguage();
  return (
    <MainMenu
      label={t("navMain")}
      items={[
        { to: "/", label: t("navOverview"), end: true },
        { to: "/samtykker", label: t("navFind") },
        { to: "/anmod", label: t("navRequest") },
        { to: "/registrer", label: t("navRegister") },
        { to: "/skabeloner", label: t("navTemplates") },
        { to: "/statistik", label: t("navStatistics") },
      ]}
    />
  );
}

function SignedInRoutes({ authorityId }: { authorityId: string }) {
  return (
    <AuthorityLiveProvider authorityId={authorityId}>
      <FocusOnNavigate />
      <OpenCitizenFromLink />
      <Routes>
        <Route path="/" element={<OverviewPage />} />
        <Route path="/samtykker" element={<FindPage />} />
        <Route path="/samtykker/:id" element={<ConsentPage />} />
        <Route path="/anmod" element={<RequestConsentForm />} />
        <Route path="/registrer" element={<RegisterConsentForm />} />
        <Route path="/skabeloner" element={<TemplatesPage />} />
        <Route path="/skabeloner/ny" element={<NewTemplatePage />} />
        <Route path="/skabeloner/:id" element={<TemplatePage />} />
        <Route path="/statistik" element={<StatisticsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </AuthorityLiveProvider>
  );
}

export function App() {
  const { t } = useLanguage();
  const { session, logOut } = useAuth();
  // The authority comes from the caseworker's token; the subgraphs refuse any other authority's data.
  const authorityId = session?.role === "caseworker" ? session.authorityId : null;
  const actions = session && (
    <>
      <span className="mx-5 d-none d-md-inline">
        {t("signedInAs")}: {session.name}
      </span>
      <button type="button" className="button button-secondary ml-5" onClick={logOut}>
        {t("logOut")}
      </button>
    </>
  );
  // Signed out, every address shows the sign-in, which brings the caseworker back to that address.
  return (
    <BrowserRouter>
      <Layout actions={actions} navigation={authorityId && <Navigation />} heading={authorityId ? null : undefined}>
        {authorityId ? <SignedInRoutes authorityId={authorityId} /> : <SignIn />}
      </Layout>
    </BrowserRouter>
  );
}
