import { createUseLanguage, STATUS_TEXTS, type AppTexts, type ConsentStatus, type Language, type LocalizedText } from "@samtykke/web-kit";

/** Every text of the app, Danish first. */
const TEXTS = {
  appTitle: { da: "Samtykker – sagsbehandler", en: "Consents – caseworker" },
  portalName: { da: "virk.dk", en: "virk.dk" },
  loading: { da: "Henter …", en: "Loading …" },
  signInTitle: { da: "Log ind som sagsbehandler", en: "Sign in as a caseworker" },
  signInHelp: {
    da: "Du logger ind med din myndigheds login. Du ser og behandler kun din egen myndigheds samtykker.",
    en: "You sign in with your authority's login. You see and handle only your own authority's consents.",
  },
  logIn: { da: "Log ind", en: "Sign in" },
  logOut: { da: "Log ud", en: "Log out" },
  signedInAs: { da: "Logget ind som", en: "Signed in as" },
  requestTitle: { da: "Anmod om samtykke", en: "Request consent" },
  templateLabel: { da: "Skabelon", en: "Template" },
  cprLabel: { da: "CPR-nummer", en: "CPR number" },
  caseReferenceLabel: { da: "Sagsnummer (valgfrit)", en: "Case reference (optional)" },
  send: { da: "Send anmodning", en: "Send request" },
  sent: { da: "Anmodningen er sendt til borgeren.", en: "The request has been sent to the citizen." },
  registerTitle: { da: "Registrér et givet samtykke", en: "Register a consent given" },
  registerHelp: {
    da: "Når borgeren har givet samtykke ved et møde, i telefonen eller på en underskrevet papirblanket. Du bekræfter det med dit login.",
    en: "When the citizen gave consent at a meeting, by phone or on a signed paper form. You attest it with your login.",
  },
  howGiven: { da: "Hvordan blev samtykket givet?", en: "How was the consent given?" },
  inPerson: { da: "Ved møde eller i telefonen", en: "In person or by phone" },
  onPaper: { da: "På papir (vedhæft den scannede blanket)", en: "On paper (attach the scanned form)" },
  scanLabel: { da: "Scannet blanket (PDF, PNG eller JPEG, højst 10 MB)", en: "Scanned form (PDF, PNG or JPEG, at most 10 MB)" },
  signedAtLabel: { da: "Dato for borgerens underskrift", en: "Date the citizen signed" },
  answersTitle: { da: "Borgerens svar", en: "The citizen's answers" },
  answersHelp: { da: "Angiv ja eller nej til hvert punkt, som borgeren svarede.", en: "Give yes or no to each item, as the citizen answered." },
  requiredChoice: { da: "skal være ja", en: "must be yes" },
  statementLabel: { da: "Din bekræftelse: hvordan og hvornår gav borgeren samtykket?", en: "Your attestation: how and when did the citizen give consent?" },
  register: { da: "Registrér samtykke", en: "Register consent" },
  registered: { da: "Samtykket er registreret.", en: "The consent is registered." },
  consentsTitle: { da: "Samtykker", en: "Consents" },
  consentsTable: { da: "Tabel over samtykker", en: "Table of consents" },
  noConsents: { da: "Ingen samtykker endnu.", en: "No consents yet." },
  stopNotConfirmed: { da: "Ikke bekræftet stoppet af", en: "Stop not confirmed by" },
  stopAllConfirmed: { da: "Alle systemer har bekræftet, at de er stoppet", en: "Every system has confirmed it stopped" },
  citizen: { da: "Borger", en: "Citizen" },
  template: { da: "Skabelon", en: "Template" },
  caseReference: { da: "Sagsnummer", en: "Case reference" },
  requestedOn: { da: "Anmodet", en: "Requested" },
  status: { da: "Status", en: "Status" },
  validUntil: { da: "Gyldigt til", en: "Valid until" },
  newRequest: { da: "Ny anmodning", en: "New request" },
  statusChanged: { da: "Status ændret", en: "Status changed" },
} satisfies Record<string, LocalizedText>;

export const useLanguage = createUseLanguage(TEXTS);

export const APP_TEXTS: AppTexts = { appTitle: TEXTS.appTitle, portalName: TEXTS.portalName, status: STATUS_TEXTS };

export type { ConsentStatus, Language, LocalizedText };
