import { createUseLanguage, STATUS_TEXTS, type AppTexts, type ConsentStatus, type Language, type LocalizedText } from "@samtykke/web-kit";

/** Every text of the app, Danish first. */
const TEXTS = {
  appTitle: { da: "Mine samtykker", en: "My consents" },
  portalName: { da: "borger.dk", en: "borger.dk" },
  loading: { da: "Henter …", en: "Loading …" },
  signInTitle: { da: "Log ind for at se dine samtykker", en: "Sign in to see your consents" },
  signInHelp: {
    da: "Du logger ind med MitID. Her ser du alle anmodninger om samtykke, dem du har givet, og dem du giver for dine børn eller som fuldmagtshaver.",
    en: "You sign in with MitID. Here you see every request for consent, those you have given, and those you give for your children or under a power of attorney.",
  },
  logIn: { da: "Log ind med MitID", en: "Sign in with MitID" },
  logOut: { da: "Log ud", en: "Log out" },
  awaitingTitle: { da: "Anmodninger, der venter på dit svar", en: "Requests awaiting your answer" },
  noneAwaiting: { da: "Du har ingen anmodninger, der venter.", en: "You have no requests waiting." },
  othersTitle: { da: "Dine samtykker", en: "Your consents" },
  noOthers: { da: "Du har ingen andre samtykker.", en: "You have no other consents." },
  give: { da: "Giv samtykke", en: "Give consent" },
  given: { da: "Tak. Dit samtykke er givet.", en: "Thank you. Your consent has been given." },
  decline: { da: "Afvis", en: "Decline" },
  declined: { da: "Du har afvist anmodningen. Myndigheden får besked.", en: "You have declined the request. The authority is notified." },
  withdraw: { da: "Træk samtykke tilbage", en: "Withdraw consent" },
  withdrawn: { da: "Dit samtykke er trukket tilbage. Myndigheden får besked.", en: "Your consent has been withdrawn. The authority is notified." },
  from: { da: "Fra", en: "From" },
  caseReference: { da: "Sagsnummer", en: "Case reference" },
  requestedOn: { da: "Anmodet", en: "Requested" },
  validUntil: { da: "Gyldigt til", en: "Valid until" },
  openEnded: { da: "indtil du trækker det tilbage", en: "until you withdraw it" },
  newRequest: { da: "Ny anmodning om samtykke", en: "New request for consent" },
  statusChanged: { da: "Status ændret", en: "Status changed" },
  dataCovered: { da: "Hvilke oplysninger", en: "What information" },
  partiesCovered: { da: "Hvem", en: "Who" },
  consequencesOfYes: { da: "Hvis du siger ja", en: "If you say yes" },
  consequencesOfNo: { da: "Hvis du siger nej", en: "If you say no" },
  howToWithdraw: { da: "Sådan trækker du samtykket tilbage", en: "How to withdraw the consent" },
  choicesTitle: { da: "Dine valg", en: "Your choices" },
  choicesHelp: {
    da: "Svar ja eller nej til hvert punkt. Intet er valgt på forhånd.",
    en: "Answer yes or no to each item. Nothing is chosen in advance.",
  },
  requiredChoice: { da: "skal være med, for at du kan give samtykke", en: "must be included for you to give consent" },
  yourAnswers: { da: "Dine svar", en: "Your answers" },
  onBehalfOf: { da: "Gælder", en: "Concerns" },
  accessTitle: { da: "Hvem har brugt dine samtykker", en: "Who has used your consents" },
  accessNone: { da: "Ingen andre har læst eller brugt dine samtykker endnu.", en: "No one else has read or used your consents yet." },
  accessByPlatform: { da: "Samtykkeløsningen", en: "The consent service" },
  accessUnknown: { da: "En myndighed", en: "An authority" },
  accessSystem: { da: "fagsystem", en: "case system" },
  accessPurpose: { da: "Formål", en: "Purpose" },
  access_read: { da: "læste samtykket", en: "read the consent" },
  access_search: { da: "fandt samtykket i en søgning", en: "found the consent in a search" },
  access_check: { da: "tjekkede om du har givet samtykke", en: "checked whether you have given consent" },
  access_readFile: { da: "åbnede den scannede blanket til", en: "opened the scanned form of" },
  access_subscribe: { da: "begyndte at følge ændringer i dine samtykker", en: "started following changes to your consents" },
  access_request: { da: "bad om samtykket", en: "asked for the consent" },
  access_register: { da: "registrerede samtykket", en: "registered the consent" },
  access_upload: { da: "registrerede samtykket fra papir", en: "registered the consent from paper" },
  access_deliver: { da: "afleverede samtykket", en: "delivered the consent" },
  access_withdraw: { da: "trak samtykket tilbage", en: "withdrew the consent" },
  access_cancel: { da: "trak anmodningen om samtykket tilbage", en: "withdrew the request for the consent" },
  access_markUsed: { da: "brugte samtykket", en: "used the consent" },
  access_closeCase: { da: "lukkede sagen og dermed samtykket", en: "closed the case and with it the consent" },
  access_expire: { da: "lod samtykket udløbe", en: "let the consent expire" },
  access_handOver: { da: "overdrog samtykket til dig, da du fyldte 18", en: "handed the consent over to you at 18" },
  awaitingOthers: { da: "Du har givet samtykke. Det træder i kraft, når også disse har svaret:", en: "You have given consent. It takes effect when these have answered too:" },
} satisfies Record<string, LocalizedText>;

export const useLanguage = createUseLanguage(TEXTS);

// To the citizen a request is something waiting for them.
export const APP_TEXTS: AppTexts = { appTitle: TEXTS.appTitle, portalName: TEXTS.portalName, status: { ...STATUS_TEXTS, REQUESTED: { da: "Afventer dit svar", en: "Awaiting your answer" } } };

export type { ConsentStatus, Language, LocalizedText };
