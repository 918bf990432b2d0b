import { z } from "zod";
import { commonEnv, createLogger, parseEnv, port } from "@samtykke/server-kit";
import { startDevLogin } from "./index.js";

// The development login as a process of its own, for the platform in containers (compose.yaml).
const env = parseEnv({
  ...commonEnv,
  HOST: z.string().default("127.0.0.1"),
  DEV_LOGIN_PORT: port(4005),
  // The address browsers reach it at: the issuer of its tokens.
  DEV_LOGIN_PUBLIC_URL: z.string().url().optional(),
});
const logger = createLogger("dev-login", env.LOG_LEVEL);
if (env.NODE_ENV === "production") {
  logger.fatal("The development login lets anyone sign in as anyone; it does not run in production");
  process.exit(1);
}
const login = await startDevLogin({ port: env.DEV_LOGIN_PORT, host: env.HOST, logger, publicUrl: env.DEV_LOGIN_PUBLIC_URL });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void login.close().then(() => process.exit(0)));
}
