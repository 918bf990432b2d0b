import { readFile } from "node:fs/promises";
import type { JWK } from "jose";
import { verifyDocument } from "./domain/consent-document.js";

// `npm run verify-consent -- consent.json [--jwks <url or file>]`: checks a consent document offline
// against the platform's published keys (default: the local gateway's JWKS). Exit code 0 when VALID.
const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--") && args[args.indexOf(arg) - 1] !== "--jwks");
const jwksSource = args.includes("--jwks") ? args[args.indexOf("--jwks") + 1]! : "http://127.0.0.1:4000/.well-known/jwks.json";
if (!file) {
  console.error("usage: npm run verify-consent -- <consent-document.json> [--jwks <url or file>]");
  process.exit(2);
}
const jwks = (
  /^https?:\/\//.test(jwksSource) ? await (await fetch(jwksSource)).json() : JSON.parse(await readFile(jwksSource, "utf8"))
) as { keys: JWK[] };
const verification = await verifyDocument(JSON.parse(await readFile(file, "utf8")), jwks.keys);
console.log(`${verification.verdict}: ${verification.why}${verification.kid ? ` (key ${verification.kid})` : ""}`);
process.exitCode = verification.verdict === "VALID" ? 0 : 1;
