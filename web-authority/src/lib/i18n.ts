import { createUseLanguage } from "@samtykke/web-kit";

export const TEXTS = {
  appTitle: { da: "Samtykker – sagsbehandler", en: "Consents – caseworker" },
  testLoginTitle: { da: "Testlogin – ikke myndighedens login", en: "Test login – not the authority's login" },
  authorityLabel: { da: "Myndighed", en: "Authority" },
  loading: { da: "Henter …", en: "Loading …" },
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
  status: { da: "Status", en: "Status" },
  requested: { da: "Anmodet", en: "Requested" },
  validTo: { da: "Gyldigt til", en: "Valid until" },
  statusChanged: { da: "Status opdateret", en: "Status updated" },
} as const;

export const useLanguage = createUseLanguage(TEXTS);
