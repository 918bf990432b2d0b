import { generateSealKey } from "@samtykke/consent";

// Prints a new sealing key as CONSENT_SEAL_KEYS takes it. To rotate, put the new key first and keep
// the old ones after it, so documents they sealed still verify.
const key = await generateSealKey();
process.stdout.write(`${JSON.stringify([{ kid: key.kid, ...key.privateJwk }])}\n`);
