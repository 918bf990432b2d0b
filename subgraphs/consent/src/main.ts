import "reflect-metadata";
import { z } from "zod";
import { parseEnv, runAlone } from "@samtykke/server-kit";
import { startConsent } from "./index.js";

const { GATEWAY_URL } = parseEnv({ GATEWAY_URL: z.string().url().default("http://127.0.0.1:4000/graphql") });
await runAlone("consent", 4003, (settings) => startConsent({ ...settings, gatewayUrl: () => GATEWAY_URL }));
