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
  consentsTitle: { da: "Samtykker", en: "Consents" },
  noConsents: { da: "Ingen samtykker endnu.", en: "No consents yet." },
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
