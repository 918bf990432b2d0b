import "dkfds-css";
import { ApolloProvider } from "@apollo/client/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient, LanguageProvider } from "@samtykke/web-kit";
import { App } from "./app/App.js";

const client = await createApolloClient();
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </ApolloProvider>
  </StrictMode>,
);
