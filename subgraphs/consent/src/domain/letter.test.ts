import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { ChoiceKind, SignatureMethod, type ConsentBody } from "./declaration.js";
import { informedOf, letterContent, letterKindFor, letterLink, letterRecipients, LetterKind, type LetterConsent } from "./letter.js";

const text = (da: string, en: string) => ({ da, en });
const body: ConsentBody = {
  title: text("Indhentning af skatteoplysninger", "Obtaining tax data"),
  purpose: text("Vi behandler din sag", "We process your case"),
  dataCovered: text("Dine skatteoplysninger", "Your tax data"),
  partiesCovered: text("Skattestyrelsen", "The Danish Tax Agency"),
  consequencesOfYes: text("Sagen går hurtigere", "The case is quicker"),
  consequencesOfNo: text("Sagen tager længere tid", "The case takes longer"),
  howToWithdraw: text("Under Mine samtykker", "Under My consents"),
  choices: [
    { key: "employer", kind: ChoiceKind.CHECKBOX, group: text("Indhente fra", "Obtain from"), label: text("Din arbejdsgiver", "Your employer"), required: false, maxLength: null },
    { key: "doctor", kind: ChoiceKind.CHECKBOX, group: text("Indhente fra", "Obtain from"), label: text("Din læge", "Your doctor"), required: false, maxLength: null },
    { key: "others", kind: ChoiceKind.TEXT, group: null, label: text("Andre", "Others"), required: false, maxLength: 200 },
  ],
};
const consent: LetterConsent = {
  id: "c-1",
  subjectId: "kid",
  requiredSignerIds: ["mum", "dad"],
  body,
  answers: [
    { key: "employer", checked: true, text: null },
    { key: "doctor", checked: false, text: null },
    { key: "others", checked: null, text: "Min tandlæge" },
  ],
  signatures: [{ signerId: "mum", method: SignatureMethod.DIGITAL, attestedBy: null, contentHash: "ab".repeat(32), signedAt: "2026-11-23T10:00:00.000Z" }],
  caseReference: "SKAT-1",
  validFrom: new Date("2026-11-23T10:00:00Z"),
  validTo: null,
};
const event = { id: "7", action: "give", status: ConsentStatus.ACTIVE, occurredAt: new Date("2026-11-23T10:00:00Z") };
const names = { authority: "Skattestyrelsen", formatDate: (date: Date) => date.toISOString().slice(0, 10) };

describe("letters to the citizen's mailbox", () => {
  it("sends a request, and a receipt for every outcome: given, declined, withdrawn, expired, ended — nothing for other changes", () => {
    expect(letterKindFor({ action: "request", status: ConsentStatus.REQUESTED })).toBe(LetterKind.REQUEST);
    for (const action of ["give", "register", "deliver", "upload"]) expect(letterKindFor({ action, status: ConsentStatus.ACTIVE })).toBe(LetterKind.GIVEN);
    expect(letterKindFor({ action: "decline", status: ConsentStatus.DECLINED })).toBe(LetterKind.DECLINED);
    expect(letterKindFor({ action: "withdraw", status: ConsentStatus.WITHDRAWN })).toBe(LetterKind.WITHDRAWN);
    expect(letterKindFor({ action: "expire", status: ConsentStatus.EXPIRED })).toBe(LetterKind.EXPIRED);
    expect(letterKindFor({ action: "closeCase", status: ConsentStatus.CLOSED })).toBe(LetterKind.ENDED);
    expect(letterKindFor({ action: "markUsed", status: ConsentStatus.USED })).toBe(LetterKind.ENDED);
    // The first of two parents signing changes nothing yet; pausing, reading and confirmations are no receipts.
    for (const action of ["sign", "pause", "resume", "confirmStop", "handOver", "cancel"]) {
      expect(letterKindFor({ action, status: ConsentStatus.REQUESTED })).toBeNull();
    }
  });

  it("goes to those who answer for the consent: a child's custody holders until the handover, then the young person", () => {
    expect(letterRecipients(consent)).toEqual(["mum", "dad"]);
    expect(letterRecipients({ ...consent, handedOverAt: new Date() })).toEqual(["kid"]);
    expect(letterRecipients({ subjectId: "me", requiredSignerIds: [], signatures: [] })).toEqual(["me"]);
  });

  it("names the child in letters to the custody holders, and no one in a letter to the person it concerns", () => {
    const childs = { ...consent, subjectName: "Emil Nielsen" };
    const lines = (letter: LetterConsent, language: "da" | "en") => letterContent(LetterKind.REQUEST, letter, event, names, language).sections[0]!.lines;
    expect(lines(childs, "da")).toContain("Gælder: Emil Nielsen");
    expect(lines(childs, "en")).toContain("Concerns: Emil Nielsen");
    // Handed over at 18, the letters go to the young person themselves.
    expect(lines({ ...childs, handedOverAt: new Date() }, "da").some((line) => line.startsWith("Gælder"))).toBe(false);
    expect(lines({ ...childs, subjectId: "me", requiredSignerIds: ["me"] }, "da").some((line) => line.startsWith("Gælder"))).toBe(false);
    // A consent from before names were kept: the letter goes out without the line.
    expect(lines(consent, "da").some((line) => line.startsWith("Gælder"))).toBe(false);
  });

  it("reminds only the givers who have not answered, and only of a request", () => {
    expect(letterKindFor({ action: "remind", status: ConsentStatus.REQUESTED })).toBe(LetterKind.REMINDER);
    const oneSigned = { ...consent, signatures: [{ ...consent.signatures[0]!, signerId: "mum" }] };
    expect(letterRecipients(oneSigned, LetterKind.REMINDER)).toEqual(["dad"]);
    expect(letterRecipients(oneSigned, LetterKind.REQUEST)).toEqual(["mum", "dad"]);
    const da = letterContent(LetterKind.REMINDER, consent, event, names, "da");
    expect(da.title).toBe("Påmindelse: anmodning om samtykke: Indhentning af skatteoplysninger");
    expect(da.sections.flatMap((section) => section.lines)).toContain("Du svarer under Mine samtykker på borger.dk. Intet er valgt på forhånd.");
  });

  it("brings the authority's own words with a request and its reminder, not with a receipt", () => {
    const withMessage = { ...consent, message: "Ring til mig, hvis du har spørgsmål. Hilsen Mette" };
    for (const kind of [LetterKind.REQUEST, LetterKind.REMINDER]) {
      const section = letterContent(kind, withMessage, event, names, "da").sections.find((candidate) => candidate.heading.startsWith("Besked fra"));
      expect(section?.lines).toEqual(["Ring til mig, hvis du har spørgsmål. Hilsen Mette"]);
    }
    expect(letterContent(LetterKind.GIVEN, withMessage, event, names, "da").sections.some((section) => section.heading.startsWith("Besked"))).toBe(false);
  });

  it("holds the full texts, every choice with its answer, validity and the signed content's hash, in Danish and in English", () => {
    const da = letterContent(LetterKind.GIVEN, consent, event, names, "da");
    expect(da.title).toBe("Kvittering: samtykke givet: Indhentning af skatteoplysninger");
    const lines = da.sections.flatMap((section) => [section.heading, ...section.lines]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "Fra: Skattestyrelsen",
        "Sagsnummer: SKAT-1",
        "Vi behandler din sag",
        "Dine skatteoplysninger",
        "Sagen tager længere tid",
        "Indhente fra: Din arbejdsgiver: Ja",
        "Indhente fra: Din læge: Nej",
        "Andre: Min tandlæge",
        "Gyldigt til: indtil det trækkes tilbage",
        `digitalt med MitID, underskrevet 2026-11-23; indholdets SHA-256 ${"ab".repeat(32)}`,
      ]),
    );
    const en = letterContent(LetterKind.GIVEN, consent, event, names, "en").sections.flatMap((section) => section.lines);
    expect(en).toEqual(expect.arrayContaining(["Obtain from: Your employer: Yes", "Obtain from: Your doctor: No", "We process your case"]));
  });

  it("links a request to its page in the citizen app to answer it, and a receipt to the consent's page, in both languages", () => {
    const app = { ...names, citizenApp: "https://samtykke.example.dk/borger" };
    const linkOf = (kind: LetterKind, language: "da" | "en") => letterContent(kind, consent, event, app, language).sections.find((section) => section.link)?.link;
    expect(linkOf(LetterKind.REQUEST, "da")).toEqual({ label: "Svar på anmodningen her", url: "https://samtykke.example.dk/borger/anmodninger/c-1" });
    expect(linkOf(LetterKind.REMINDER, "en")).toEqual({ label: "Answer the request here", url: "https://samtykke.example.dk/borger/anmodninger/c-1" });
    for (const kind of [LetterKind.GIVEN, LetterKind.WITHDRAWN, LetterKind.EXPIRED]) {
      expect(linkOf(kind, "da")).toEqual({ label: "Se samtykket her", url: "https://samtykke.example.dk/borger/samtykker/c-1" });
    }
    // An id is a path segment however it is spelt; with no app address given, the letter has no link.
    expect(letterLink(LetterKind.REQUEST, "a/../b?c", "https://samtykke.example.dk/")).toBe("https://samtykke.example.dk/anmodninger/a%2F..%2Fb%3Fc");
    expect(letterContent(LetterKind.REQUEST, consent, event, names, "da").sections.some((section) => section.link)).toBe(false);
  });

  it("asks without answers in a request", () => {
    const lines = letterContent(LetterKind.REQUEST, { ...consent, answers: null, signatures: [] }, { ...event, action: "request" }, names, "da").sections.flatMap((section) => section.lines);
    expect(lines).toContain("Indhente fra: Din arbejdsgiver");
    expect(lines.some((line) => line.endsWith(": Ja") || line.endsWith(": Nej"))).toBe(false);
    expect(lines).toContain("Du svarer under Mine samtykker på borger.dk. Intet er valgt på forhånd.");
  });
});

describe("telling custody holders that a young person answered alone", () => {
  const text = { da: "Samtykke til psykolog", en: "Consent to a psychologist" };
  const body = { title: text, purpose: text, dataCovered: text, partiesCovered: text, consequencesOfYes: text, consequencesOfNo: text, howToWithdraw: text, choices: [{ key: "journal", kind: ChoiceKind.CHECKBOX, group: null, label: { da: "Journal", en: "Record" }, required: false, maxLength: null }] };
  const consent = { id: "k1", subjectId: "kid", subjectName: "Emil", requiredSignerIds: ["kid"], informOnAnswerIds: ["mum", "dad"], body, answers: [{ key: "journal", checked: true, text: null }], signatures: [] };
  const given = { id: "9", action: "give", status: ConsentStatus.ACTIVE, occurredAt: new Date("2026-05-12T10:00:00Z") };

  it("goes to the holders the template names once the young person gives or declines, never while the holders answer", () => {
    expect(informedOf(given, consent)).toEqual(["mum", "dad"]);
    expect(informedOf({ ...given, action: "decline", status: ConsentStatus.DECLINED }, consent)).toEqual(["mum", "dad"]);
    expect(informedOf({ ...given, action: "withdraw", status: ConsentStatus.WITHDRAWN }, consent)).toEqual([]);
    expect(informedOf(given, { ...consent, requiredSignerIds: ["mum", "dad"] })).toEqual([]);
    expect(informedOf(given, { ...consent, informOnAnswerIds: [] })).toEqual([]);
  });

  it("says that the young person answered, never what nor the choices", () => {
    const letter = letterContent(LetterKind.INFORMED, consent, given, { authority: "Odense Kommune", formatDate: (date) => date.toISOString() }, "da");
    const words = JSON.stringify(letter);
    expect(letter.title).toBe("Orientering: den unge har svaret: Samtykke til psykolog");
    expect(words).toContain("Emil");
    expect(words).toContain("sundhedsloven § 17");
    expect(words).not.toContain("Journal");
    expect(words).not.toMatch(/\bJa\b|givet/);
  });
});
