import "reflect-metadata";
import { runAlone } from "@samtykke/server-kit";
import { partyConfig, startParty } from "./index.js";

const { CPR_KEY } = partyConfig();
await runAlone("party", 4001, (settings) => startParty({ ...settings, cprKey: CPR_KEY }));
