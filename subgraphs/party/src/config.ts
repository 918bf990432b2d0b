import { z } from "zod";
import { parseEnv } from "@samtykke/server-kit";

// Only for development and tests; production refuses to start without its own key.
export const DEVELOPMENT_CPR_KEY = "development-only-cpr-key-not-for-production-use";

/** The party subgraph's own settings: the key that protects CPR numbers at rest. */
export function partyConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv({ CPR_KEY: z.string().min(32, "must be at least 32 characters").optional() }, env);
  if (env.NODE_ENV === "production" && !parsed.CPR_KEY) throw new Error("CPR_KEY is required in production");
  return { CPR_KEY: parsed.CPR_KEY ?? DEVELOPMENT_CPR_KEY };
}
