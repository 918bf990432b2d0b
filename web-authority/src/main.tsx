import "dkfds-css";
import { startApp } from "@samtykke/web-kit";
import { App } from "./app/App.js";
import { APP_TEXTS } from "./lib/i18n.js";

await startApp(App, APP_TEXTS, { languageStorageKey: "samtykke.authority.language" });
