import "dkfds-css";
import { documentHashes, startApp } from "@samtykke/web-kit";
import { takeCitizenFromLink } from "./app/citizen-link.js";
import { App } from "./app/App.js";
import * as documents from "./gql/graphql.js";
import { APP_TEXTS } from "./lib/i18n.js";

// Before anything else sees the address: a CPR number in its fragment is taken out of it.
takeCitizenFromLink();
await startApp(App, APP_TEXTS, { languageStorageKey: "samtykke.authority.language", documentHashes: documentHashes(documents) });
