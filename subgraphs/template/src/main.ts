// First: tracing must be set up before anything loads `pg`.
import "@samtykke/server-kit/trace-this-process";
import "reflect-metadata";
import { runAlone } from "@samtykke/server-kit";
import { startTemplate } from "./index.js";

await runAlone("template", 4002, startTemplate);
