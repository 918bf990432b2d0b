import { createUseLanguage, statusLabel, type Language } from "@samtykke/web-kit";

export const TEXTS = {
  appTitle: { da: "Mine samtykker", en: "My consents" },
  testLoginTitle: { da: "Testlogin – ikke MitID", en: "Test login – not MitID" },
  testLoginHelp: {
    da: "Dette er et testmiljø. Log ind med et demo-CPR-nummer, fx 0101804321 (Karen Jensen).",
    en: "This is a test environment. Log in with a demo CPR number, e.g. 0101804321 (Karen Jensen).",
  },
  cprLabel: { da: "CPR-nummer", en: "CPR number" },
  logIn: { da: "Log ind (test)", en: "Log in (test)" },
  logOut: { da: "Log ud", en: "Log out" },
  loading: { da: "Henter …", en: "Loading …" },
  awaitingTitle: { da: "Anmodninger, der venter på dit svar", en: "Requests awaiting your answer" },
  noneAwaiting: { da: "Du har ingen anmodninger, der venter.", en: "You have no requests waiting." },
  allTitle: { da: "Dine samtykker", en: "Your consents" },
  noConsents: { da: "Du har ingen samtykker.", en: "You have no consents." },
  give: { da: "Giv samtykke", en: "Give consent" },
  from: { da: "Fra", en: "From" },
  caseReference: { da: "Sagsnummer", en: "Case reference" },
  validUntil: { da: "Gyldigt til", en: "Valid until" },
  openEnded: { da: "indtil du trækker det tilbage", en: "until you withdraw it" },
  requested: { da: "Anmodet", en: "Requested" },
  statusChanged: { da: "Status opdateret", en: "Status updated" },
  newRequest: { da: "Ny anmodning om samtykke", en: "New request for consent" },
  given: { da: "Tak. Dit samtykke er givet.", en: "Thank you. Your consent has been given." },
} as const;

export const useLanguage = createUseLanguage(TEXTS);

// To the citizen a pending request is something waiting for them.
const CITIZEN_STATUS = { REQUESTED: { da: "Afventer dit svar", en: "Awaiting your answer" } };

export const citizenStatus = (status: string, language: Language) => statusLabel(status, language, CITIZEN_STATUS);
