import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { StrictMode, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient } from "./apollo.js";
import { AuthProvider, completeLogin, currentSession, takeSignature } from "./auth.js";
import { loadConfig } from "./config.js";
import { LanguageContext, type AppTexts, type Language } from "./i18n.js";

/** Everything the features rely on: the API client and the chosen language (Danish first). */
function AppProvider({ client, texts, children }: { client: ApolloClient; texts: AppTexts; children: ReactNode }) {
  const [language, setLanguage] = useState<Language>("da");
  // <html lang> lets screen readers speak the right language; the title follows it.
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = texts.appTitle[language];
  }, [language, texts]);
  return (
    <ApolloProvider client={client}>
      <LanguageContext.Provider value={{ language, setLanguage, app: texts }}>{children}</LanguageContext.Provider>
    </ApolloProvider>
  );
}

/** Reads /config.json, connects to the gateway and renders the app into #root. */
export async function startApp(App: ComponentType, texts: AppTexts): Promise<void> {
  const root = document.getElementById("root")!;
  try {
    const { gatewayUrl, login } = await loadConfig();
    if (login) await completeLogin(login);
    const session = currentSession();
    const signature = takeSignature();
    createRoot(root).render(
      <StrictMode>
        <AuthProvider login={login} session={session} signature={signature}>
          <AppProvider client={createApolloClient(gatewayUrl, session?.token ?? null)} texts={texts}>
            <App />
          </AppProvider>
        </AuthProvider>
      </StrictMode>,
    );
  } catch (error) {
    console.error(error);
    root.textContent = "Tjenesten kan ikke starte lige nu. Prøv igen senere. / The service cannot start right now. Please try again later.";
  }
}
