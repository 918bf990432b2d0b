import { pino, type DestinationStream, type Logger } from "pino";
import { traceIds } from "./tracing.js";

export type { DestinationStream, Logger };

// A CPR number is six digits of birth date and four more, with or without the dash.
// Anything that looks like one is blanked before a line is written, wherever it hides.
const CPR_PATTERN = /(?<!\d)(\d{6})-?(\d{4})(?!\d)/g;

/** Replaces every CPR-like number in a string with a mask that keeps no digit of it. */
export function redactCpr(text: string): string {
  return text.replace(CPR_PATTERN, "[CPR]");
}

function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactCpr(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) {
    return { type: value.name, message: redactCpr(value.message), stack: value.stack && redactCpr(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactDeep(item, depth + 1)]));
}

/** The platform's structured JSON logger; every part names itself in `service`. Writes to stdout unless given a destination. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? "info", destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every line written inside a traced request names its trace, so logs and traces meet.
      mixin: traceIds,
      redact: { paths: ["cpr", "*.cpr", "req.headers.authorization", "headers.authorization"], censor: "[REDACTED]" },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((arg) => redactDeep(arg)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? process.stdout,
  );
}
