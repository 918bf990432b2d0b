import { createHash } from "node:crypto";

/** The key of a trusted document: the SHA-256 of its exact text, as GraphQL Code Generator writes it. */
export function documentHash(text: string): string {
  return `sha256:${createHash("sha256").update(text).digest("hex")}`;
}
