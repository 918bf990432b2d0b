import { Layout, useAuth } from "@samtykke/web-kit";
import { AuthorityConsents } from "../features/consents/AuthorityConsents.js";
import { SignIn } from "../features/login/SignIn.js";
import { RegisterConsentForm } from "../features/register/RegisterConsentForm.js";
import { RequestConsentForm } from "../features/request/RequestConsentForm.js";
import { useLanguage } from "../lib/i18n.js";

export function App() {
  const { t } = useLanguage();
  const { session, logOut } = useAuth();
  // The authority comes from the caseworker's token; the subgraphs refuse any other authority's data.
  const authorityId = session?.role === "caseworker" ? session.authorityId : null;
  const logOutButton = session && (
    <button type="button" className="button button-secondary ml-5" onClick={logOut}>
      {t("logOut")}
    </button>
  );
  return (
    <Layout actions={logOutButton}>
      {authorityId ? (
        <>
          <p className="font-lead">
            {t("signedInAs")}: {session!.name}
          </p>
          <RequestConsentForm authorityId={authorityId} />
          <RegisterConsentForm authorityId={authorityId} />
          <AuthorityConsents authorityId={authorityId} />
        </>
      ) : (
        <SignIn />
      )}
    </Layout>
  );
}
