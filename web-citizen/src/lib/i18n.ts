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
  awaitingOthers: { da: "Du har givet samtykke. Det træder i kraft, når også disse har svaret:", en: "You have given consent. It takes effect when these have answered too:" },
} satisfies Record<string, LocalizedText>;

export const useLanguage = createUseLanguage(TEXTS);

// To the citizen a request is something waiting for them.
export const APP_TEXTS: AppTexts = { appTitle: TEXTS.appTitle, portalName: TEXTS.portalName, status: { ...STATUS_TEXTS, REQUESTED: { da: "Afventer dit svar", en: "Awaiting your answer" } } };

export type { ConsentStatus, Language, LocalizedText };
