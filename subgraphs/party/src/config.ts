import { z } from "zod";
import { parseEnv } from "@samtykke/server-kit";

// Only for development and tests; production refuses to start without its own key.
export const DEVELOPMENT_CPR_KEY = "development-only-cpr-key-not-for-production-use";

/** The client id the person register's adapter signs in with, unless told otherwise. */
export const PERSON_REGISTER_CLIENT_ID = "person-register";

/** The party subgraph's own settings: the key that protects CPR numbers at rest, and who may send the person register's events. */
export function partyConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = parseEnv(
    {
      CPR_KEY: z.string().min(32, "must be at least 32 characters").optional(),
      PERSON_REGISTER_CLIENT_ID: z.string().min(1).default(PERSON_REGISTER_CLIENT_ID),
    },
    env,
  );
  if (env.NODE_ENV === "production" && !parsed.CPR_KEY) throw new Error("CPR_KEY is required in production");
  return { CPR_KEY: parsed.CPR_KEY ?? DEVELOPMENT_CPR_KEY, PERSON_REGISTER_CLIENT_ID: parsed.PERSON_REGISTER_CLIENT_ID };
}
