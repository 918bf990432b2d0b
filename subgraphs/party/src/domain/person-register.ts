import { createHash } from "node:crypto";
import { DEMO } from "@samtykke/server-kit";

const FIRST_NAMES = ["Anne", "Mette", "Hanne", "Peter", "Jens", "Michael", "Ida", "Freja", "Mads", "Noah", "Ella", "William"];
const LAST_NAMES = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen"];

/**
 * Stand-in for the national person register (CPR): demo people by name, and for any other valid
 * number a stable, made-up name so that a caseworker can work with it as with a real person.
 */
export function registeredName(cpr: string): string {
  const known = DEMO.citizens.find((citizen) => citizen.cpr === cpr);
  if (known) return known.name;
  const digest = createHash("sha256").update(cpr).digest();
  return `${FIRST_NAMES[digest[0]! % FIRST_NAMES.length]} ${LAST_NAMES[digest[1]! % LAST_NAMES.length]}`;
}
