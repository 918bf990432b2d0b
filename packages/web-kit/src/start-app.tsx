import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { createContext, StrictMode, useCallback, useContext, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient, type DocumentHashes } from "./apollo.js";
import "./app.css";
import { AuthProvider, completeLogin, currentSession, takeSignature } from "./auth.js";
import { loadConfig } from "./config.js";
import { LanguageContext, PageTitleContext, type AppTexts, type Language } from "./i18n.js";

export interface StartOptions {
  /**
   * Where the user's choice of language is kept (localStorage key), so it holds across reloads and
   * logins; the first time, the browser's preferred language is used if it is Danish or English.
   * Without it the app always starts in Danish.
   */
  languageStorageKey?: string;
  /** The hashes of the app's generated documents (`documentHashes`), which it sends instead of their text. */
  documentHashes?: DocumentHashes;
}

const isLanguage = (value: unknown): value is Language => value === "da" || value === "en";

/** The saved choice, else the first of the browser's languages the app speaks, else Danish. */
function initialLanguage(storageKey: string | undefined): Language {
  if (!storageKey) return "da";
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage may be off; the browser's language still counts.
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split("-")[0];
    if (isLanguage(primary)) return primary;
    // Norwegian and Swedish readers understand Danish best.
    if (primary === "nb" || primary === "nn" || primary === "no" || primary === "sv") return "da";
  }
  return "da";
}

/** Everything the features rely on: the API client and the chosen language (Danish first). */
const GatewayUrlContext = createContext<string>("/graphql");

/** Where the gateway's GraphQL endpoint is: its origin also serves the public register's JSON-LD. */
export const useGatewayUrl = () => useContext(GatewayUrlContext);

function AppProvider({ client, gatewayUrl, texts, options, children }: { client: ApolloClient; gatewayUrl: string; texts: AppTexts; options: StartOptions; children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage(options.languageStorageKey));
  const [pageTitle, setPageTitle] = useState<string>();
  const setLanguage = useCallback(
    (chosen: Language) => {
      setLanguageState(chosen);
      if (!options.languageStorageKey) return;
      try {
        localStorage.setItem(options.languageStorageKey, chosen);
      } catch {
        // Not kept, but switched.
      }
    },
    [options.languageStorageKey],
  );
  // <html lang> lets screen readers speak the right language; the title follows it and the page.
  useEffect(() => {
    document.documentElement.lang = language;
    document.title = pageTitle ? `${pageTitle} – ${texts.appTitle[language]}` : texts.appTitle[language];
  }, [language, texts, pageTitle]);
  return (
    <ApolloProvider client={client}>
      <GatewayUrlContext.Provider value={gatewayUrl}>
        <LanguageContext.Provider value={{ language, setLanguage, app: texts }}>
          <PageTitleContext.Provider value={setPageTitle}>{children}</PageTitleContext.Provider>
        </LanguageContext.Provider>
      </GatewayUrlContext.Provider>
    </ApolloProvider>
  );
}

/** Reads /config.json, connects to the gateway and renders the app into #root. */
export async function startApp(App: ComponentType, texts: AppTexts, options: StartOptions = {}): Promise<void> {
  const root = document.getElementById("root")!;
  try {
    const { gatewayUrl, login } = await loadConfig();
    if (login) await completeLogin(login);
    const session = currentSession();
    const signature = takeSignature();
    createRoot(root).render(
      <StrictMode>
        <AuthProvider login={login} session={session} signature={signature}>
          <AppProvider client={createApolloClient(gatewayUrl, session?.token ?? null, options.documentHashes)} gatewayUrl={gatewayUrl} texts={texts} options={options}>
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
