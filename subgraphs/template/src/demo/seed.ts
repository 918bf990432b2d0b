import type { EntityManager } from "@mikro-orm/postgresql";
import { DEMO } from "@samtykke/server-kit";
import { ChoiceKind, DeclarationKind, Signers, TemplateStatus, type Choice, type LocalizedText, type TemplateContent } from "../domain/template.js";
import { retentionRuleFor } from "../domain/retention.js";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";

const checkbox = (key: string, group: LocalizedText | null, da: string, en: string, required = false): Choice => ({
  key,
  kind: ChoiceKind.CHECKBOX,
  group,
  label: { da, en },
  required,
  maxLength: null,
});

// The parties of the paper form "Samtykke til indhentning og/eller videregivelse af personoplysninger".
const FORM_PARTIES: [string, string, string][] = [
  ["employer", "Din arbejdsgiver", "Your employer"],
  ["municipality", "Tidligere eller ny kommune", "Your former or new municipality"],
  ["unemployment-fund", "Din a-kasse", "Your unemployment fund"],
  ["provider", "Behandler eller leverandør", "Treatment provider or supplier"],
  ["other-departments", "Andre afdelinger i kommunen", "Other departments of the municipality"],
  ["own-doctor", "Din egen læge", "Your own doctor"],
];
const OBTAIN_FROM = { da: "Kommunen må indhente oplysninger fra", en: "The municipality may obtain information from" };
const DISCLOSE_TO = { da: "Kommunen må videregive oplysninger til", en: "The municipality may disclose information to" };

/** The texts and choices of the demo templates; tests answer them as a citizen would. */
export const DEMO_TEMPLATE_CONTENT: Record<string, TemplateContent> = {
  [DEMO.templates.dataSharing]: {
    title: {
      da: "Samtykke til indhentning og/eller videregivelse af personoplysninger",
      en: "Consent to obtain and/or disclose personal data",
    },
    purpose: {
      da: "Kommunen vil indhente og/eller videregive oplysninger om dig for at kunne behandle din sag.",
      en: "The municipality wants to obtain and/or disclose information about you in order to process your case.",
    },
    dataCovered: {
      da: "Oplysninger om dit helbred, din arbejdsevne og din økonomi, som er nødvendige for din sag.",
      en: "Information about your health, your ability to work and your finances that your case needs.",
    },
    partiesCovered: {
      da: "De parter, du sætter kryds ved nedenfor, og eventuelt andre, du selv skriver på.",
      en: "The parties you tick below, and any others you add yourself.",
    },
    consequencesOfYes: {
      da: "Kommunen kan behandle din sag hurtigere, fordi vi selv kan hente oplysningerne.",
      en: "The municipality can process your case faster, because it can obtain the information itself.",
    },
    consequencesOfNo: {
      da: "Din sag behandles på de oplysninger, kommunen allerede har. Det kan betyde, at sagen tager længere tid.",
      en: "Your case is processed on the information the municipality already has. It may take longer.",
    },
    howToWithdraw: {
      da: "Du kan til enhver tid trække samtykket helt eller delvist tilbage under Mine samtykker eller ved at kontakte kommunen.",
      en: "You can withdraw the consent in full or in part at any time under My consents or by contacting the municipality.",
    },
    choices: [
      ...FORM_PARTIES.map(([key, da, en]) => checkbox(`obtain-from-${key}`, OBTAIN_FROM, da, en)),
      ...FORM_PARTIES.map(([key, da, en]) => checkbox(`disclose-to-${key}`, DISCLOSE_TO, da, en)),
      {
        key: "other-parties",
        kind: ChoiceKind.TEXT,
        group: null,
        label: { da: "Andre (navn, telefon, adresse)", en: "Others (name, phone, address)" },
        required: false,
        maxLength: 500,
      },
    ],
  },
  [DEMO.templates.childTherapy]: {
    title: {
      da: "Forældresamtykke til ergo- og fysioterapi for dit barn",
      en: "Parental consent to occupational and physiotherapy for your child",
    },
    purpose: {
      da: "Odense Kommune vil give dit barn ergo- og/eller fysioterapi og dele de nødvendige oplysninger med terapeuten.",
      en: "Odense Municipality wants to give your child occupational and/or physiotherapy and share the necessary information with the therapist.",
    },
    dataCovered: {
      da: "Oplysninger om barnets motorik, trivsel og helbred, som terapeuten har brug for.",
      en: "Information about the child's motor skills, well-being and health that the therapist needs.",
    },
    partiesCovered: {
      da: "Odense Kommunes børneterapi og barnets daginstitution eller skole.",
      en: "Odense Municipality's child therapy service and the child's day care or school.",
    },
    consequencesOfYes: {
      da: "Barnet kan begynde i terapi. Begge forældre med forældremyndighed skal give samtykke.",
      en: "The child can start therapy. Both parents with custody must consent.",
    },
    consequencesOfNo: {
      da: "Barnet får ikke terapi gennem kommunen.",
      en: "The child does not receive therapy through the municipality.",
    },
    howToWithdraw: {
      da: "Hver forælder kan trække samtykket tilbage når som helst; så stopper terapien.",
      en: "Either parent can withdraw the consent at any time; therapy then stops.",
    },
    choices: [
      checkbox("occupational-therapy", null, "Ergoterapi", "Occupational therapy"),
      checkbox("physiotherapy", null, "Fysioterapi", "Physiotherapy"),
    ],
  },
  [DEMO.templates.seafarerTax]: {
    title: {
      da: "Samtykke til deling af skatteoplysninger med din arbejdsgiver (søfarende)",
      en: "Consent to share tax data with your employer (seafarers)",
    },
    purpose: {
      da: "Skattestyrelsen må give din rederi-arbejdsgiver adgang til dine skatteoplysninger til brug for nettolønsordningen.",
      en: "The Danish Tax Agency may give your shipping employer access to your tax data for the net wage scheme.",
    },
    dataCovered: {
      da: "Dine indkomst- og skatteoplysninger for indeværende og forrige indkomstår.",
      en: "Your income and tax data for the current and the previous income year.",
    },
    partiesCovered: { da: "Skattestyrelsen og dit rederi.", en: "The Danish Tax Agency and your shipping company." },
    consequencesOfYes: {
      da: "Rederiet kan beregne din nettoløn korrekt uden at bede dig om papirer.",
      en: "The shipping company can calculate your net wage correctly without asking you for papers.",
    },
    consequencesOfNo: {
      da: "Du skal selv give rederiet de oplysninger, det har brug for.",
      en: "You must give the shipping company the information it needs yourself.",
    },
    howToWithdraw: {
      da: "Du kan trække samtykket tilbage under Mine samtykker; rederiet får så ikke flere oplysninger.",
      en: "You can withdraw the consent under My consents; the shipping company then gets no more data.",
    },
    choices: [checkbox("income-data", null, "Indkomstoplysninger", "Income data", true), checkbox("tax-assessment", null, "Årsopgørelse", "Annual tax assessment")],
  },
};

/** Seeds the demo templates once; a database that has any template is left alone. */
export async function seedTemplateDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(ConsentTemplateEntity)) > 0) return false;
  const publishedAt = new Date();
  const common = { version: 1, status: TemplateStatus.PUBLISHED, kind: DeclarationKind.CONSENT, publishedAt, retentionDays: retentionRuleFor(DeclarationKind.CONSENT).defaultDays };
  em.create(ConsentTemplateEntity, {
    ...common,
    id: DEMO.templates.dataSharing,
    key: "indhentning-videregivelse-oplysninger",
    authorityId: DEMO.authorities.odense,
    defaultValidityDays: 365,
    boundToCase: false,
    content: DEMO_TEMPLATE_CONTENT[DEMO.templates.dataSharing]!,
  });
  em.create(ConsentTemplateEntity, {
    ...common,
    id: DEMO.templates.childTherapy,
    key: "odense-boern-terapi",
    authorityId: DEMO.authorities.odense,
    defaultValidityDays: 180,
    signers: Signers.CUSTODY_HOLDERS,
    content: DEMO_TEMPLATE_CONTENT[DEMO.templates.childTherapy]!,
  });
  em.create(ConsentTemplateEntity, {
    ...common,
    id: DEMO.templates.seafarerTax,
    key: "soefarende-skattedata-tredjepart",
    authorityId: DEMO.authorities.skattestyrelsen,
    defaultValidityDays: 90,
    // The net wage scheme is settled by income year: a year after it ends, nothing is left to show.
    retentionDays: 365,
    thirdPartyId: DEMO.thirdParties.shippingCompany,
    content: DEMO_TEMPLATE_CONTENT[DEMO.templates.seafarerTax]!,
  });
  await em.flush();
  return true;
}

/** Answers to every choice of a demo template, as a citizen ticking each box one way would give them. */
export function demoAnswers(templateId: string, checked = true): { key: string; checked: boolean | null; text: string | null }[] {
  const content = DEMO_TEMPLATE_CONTENT[templateId];
  if (!content) throw new Error(`not a demo template: ${templateId}`);
  return content.choices.map((choice) =>
    choice.kind === ChoiceKind.CHECKBOX ? { key: choice.key, checked: checked || choice.required, text: null } : { key: choice.key, checked: null, text: null },
  );
}
