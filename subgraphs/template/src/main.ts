import "reflect-metadata";
import { runAlone } from "@samtykke/server-kit";
import { startTemplate } from "./index.js";

await runAlone("template", 4002, startTemplate);
