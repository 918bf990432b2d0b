import { ForbiddenError, FORBIDDEN_MESSAGE } from "@samtykke/server-kit";
import type { Representation } from "./access.js";

/**
 * Whose copy a signed-in citizen may ask for: their own, or a child's in their custody (the
 * person register says so at the moment of asking). Anyone else's is refused.
 */
export function requireExportScope(representation: Representation, subjectId: string | null | undefined): { subjectId: string; relation: "SELF" | "CHILD" } {
  const wanted = subjectId ?? representation.citizenId;
  if (wanted === representation.citizenId) return { subjectId: wanted, relation: "SELF" };
  if (representation.childIds.includes(wanted)) return { subjectId: wanted, relation: "CHILD" };
  throw new ForbiddenError(FORBIDDEN_MESSAGE, { reason: "NOT_YOURS", field: "citizenId" });
}

/** What the archive holds, said in Danish (and English) in its README. */
export function exportReadme(input: { name: string; createdAt: Date; consents: number; letters: number; accesses: number }): string {
  const date = input.createdAt.toLocaleString("da-DK", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Copenhagen" });
  return `LÆS MIG – din kopi af dine samtykker

Denne mappe er en kopi af alt, hvad samtykkeløsningen har om ${input.name}, lavet ${date}.
Du har ret til den efter databeskyttelsesforordningens artikel 15 og 20.

Indhold
- samtykker/<id>/samtykke.json: samtykket, som du blev spurgt og svarede: teksterne på dansk og
  engelsk, valgene og dine svar, hvem der skulle give det, gyldighed og hele historikken.
- samtykker/<id>/forseglet-dokument.json: samtykket forseglet af platformen. Det kan kontrolleres
  med platformens offentlige nøgler (npm run verify-consent eller verifyConsentDocument).
- breve/<id>.pdf og breve.json: brevene i din postkasse (anmodninger, påmindelser og kvitteringer).
- adgangslog.json: hvem der har læst, tjekket eller ændret samtykkerne, og hvornår.

Antal: ${input.consents} samtykker og anmodninger, ${input.letters} breve, ${input.accesses} registreringer i adgangsloggen.

README in English: this is a copy of everything the consent platform holds about ${input.name}
(GDPR articles 15 and 20): each consent as JSON and as the platform sealed it, your letters as PDF,
and the access log.
`;
}
