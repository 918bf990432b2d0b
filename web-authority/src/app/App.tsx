import { useState } from "react";
import { Layout } from "@samtykke/web-kit";
import { AuthorityConsents } from "../features/consents/AuthorityConsents.js";
import { TestLogin } from "../features/login/TestLogin.js";
import { RequestConsentForm } from "../features/request/RequestConsentForm.js";

export function App() {
  // Until the authority's own login lands, the authority chosen in the test login is who the caseworker works for.
  const [authorityId, setAuthorityId] = useState<string | null>(null);
  return (
    <Layout>
      <TestLogin authorityId={authorityId} onChange={setAuthorityId} />
      {authorityId && (
        // Keyed: another authority is a fresh form and a fresh table with its own live cursor.
        <div key={authorityId}>
          <RequestConsentForm authorityId={authorityId} />
          <AuthorityConsents authorityId={authorityId} />
        </div>
      )}
    </Layout>
  );
}
