import "dkfds-css";
import { documentHashes, startApp } from "@samtykke/web-kit";
import { App } from "./app/App.js";
import * as documents from "./gql/graphql.js";
import { APP_TEXTS } from "./lib/i18n.js";

// The citizen's choice of language is kept on this device; the first time, the browser's language counts.
await startApp(App, APP_TEXTS, { languageStorageKey: "samtykke.citizen.language", documentHashes: documentHashes(documents) });
