// First: tracing must be set up before anything loads `pg`.
import "@samtykke/server-kit/trace-this-process";
import "reflect-metadata";
import { runAlone } from "@samtykke/server-kit";
import { partyConfig, startParty } from "./index.js";

const { CPR_KEY, PERSON_REGISTER_CLIENT_ID } = partyConfig();
await runAlone("party", 4001, (settings) => startParty({ ...settings, cprKey: CPR_KEY, personRegisterClientId: PERSON_REGISTER_CLIENT_ID }));
