import { z } from "zod";

// `npm run dev` of a web app: Vite's dev servers, which a gateway outside production lets in unless told otherwise.
const VITE_DEV_ORIGINS = ["http://127.0.0.1:5173", "http://localhost:5173", "http://127.0.0.1:5174", "http://localhost:5174"];

/** `GATEWAY_CORS_ORIGINS`: comma-separated origins whose pages may call the gateway from a browser. */
export const corsOriginsEnv = {
  GATEWAY_CORS_ORIGINS: z
    .string()
    .optional()
    .transform((text) => text?.split(",").map((origin) => origin.trim()).filter(Boolean)),
};

/** The origins a gateway run alone lets in: those configured, else Vite's outside production. */
export function corsOriginsOf(configured: string[] | undefined, production: boolean): string[] {
  return configured ?? (production ? [] : VITE_DEV_ORIGINS);
}

/**
 * CORS for the runtime, asked per request: only an allowed origin's page may read answers in a
 * browser, any other gets no CORS headers. A caller outside a browser needs none. The apps send
 * their token in a header, never a cookie, so no credentials are allowed.
 */
export function corsFor(allowed: () => readonly string[]) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    return origin && allowed().includes(origin) ? { origin: [origin], methods: ["GET", "POST"], credentials: false, maxAge: 600 } : false;
  };
}
