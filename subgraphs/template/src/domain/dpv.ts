/**
 * A published template version as JSON-LD in the W3C Data Privacy Vocabulary (DPV 2): what an
 * authority asks consent for, why, on which legal basis, about which data, who receives it and for
 * how long the consent lasts and its data is kept, in Danish and English. Plain data in, a plain object out, so the
 * gateway's public register and a test that expands it with a JSON-LD processor use the same rule.
 */

export interface RegisterOrganisation {
  id: string;
  name: string;
  cvr: string;
}

interface Text {
  da: string;
  en: string;
}

/** What the register tells about one template version. */
export interface RegisterTemplate {
  id: string;
  key: string;
  version: number;
  status: string;
  /** CONSENT, OBJECTION or POWER_OF_ATTORNEY. */
  kind: string;
  title: Text;
  purpose: Text;
  dataCovered: Text;
  partiesCovered: Text;
  howToWithdraw: Text;
  publishedAt: Date | string | null;
  defaultValidityDays: number | null;
  fixedValidTo: Date | string | null;
  /** Days a consent's personal data is kept after it ends. */
  retentionDays: number;
  authority: RegisterOrganisation;
  thirdParty: RegisterOrganisation | null;
}

export const DPV_CONTEXT = {
  dpv: "https://w3id.org/dpv#",
  "eu-gdpr": "https://w3id.org/dpv/legal/eu/gdpr#",
  dct: "http://purl.org/dc/terms/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  time: "http://www.w3.org/2006/time#",
} as const;

/**
 * The legal basis each kind of declaration rests on (GDPR art. 6(1)): a consent is (a); an objection
 * is made against processing the authority does in the public interest or as public authority (e);
 * a power of attorney lets another act for the citizen, which the citizen consents to (a).
 */
const LEGAL_BASIS: Record<string, string> = {
  CONSENT: "eu-gdpr:A6-1-a",
  OBJECTION: "eu-gdpr:A6-1-e",
  POWER_OF_ATTORNEY: "eu-gdpr:A6-1-a",
};

const texts = (text: Text) => [
  { "@value": text.da, "@language": "da" },
  { "@value": text.en, "@language": "en" },
];

const organisation = (party: RegisterOrganisation, type: string) => ({
  "@id": `urn:cvr:${party.cvr}`,
  "@type": type,
  "dct:title": party.name,
  "dct:identifier": party.cvr,
});

const isoDate = (date: Date | string) => new Date(date).toISOString();

/** How long a consent on the version lasts: a number of days, until a fixed date, or until it is withdrawn. */
function duration(template: Pick<RegisterTemplate, "defaultValidityDays" | "fixedValidTo">) {
  if (template.defaultValidityDays) return { "@type": "dpv:TemporalDuration", "rdf:value": { "@value": `P${template.defaultValidityDays}D`, "@type": "xsd:duration" } };
  if (template.fixedValidTo) return { "@type": "dpv:UntilTimeDuration", "time:hasEnd": { "@value": isoDate(template.fixedValidTo), "@type": "xsd:dateTime" } };
  return { "@type": "dpv:UntilEventDuration", "dct:description": texts({ da: "Indtil samtykket trækkes tilbage", en: "Until the consent is withdrawn" }) };
}

/** One template version as a DPV notice, with its own `@context`. */
export function templateAsDpv(template: RegisterTemplate): Record<string, unknown> {
  const controller = organisation(template.authority, "dpv:DataController");
  return {
    "@context": DPV_CONTEXT,
    "@id": `urn:samtykke:template:${template.id}`,
    "@type": template.kind === "CONSENT" ? "dpv:ConsentNotice" : "dpv:PrivacyNotice",
    "dct:identifier": template.key,
    "dct:hasVersion": template.version,
    "dct:title": texts(template.title),
    ...(template.publishedAt ? { "dct:issued": { "@value": isoDate(template.publishedAt), "@type": "xsd:dateTime" } } : {}),
    "dpv:hasStatus": template.status,
    "dpv:hasPurpose": { "@type": "dpv:Purpose", "dct:description": texts(template.purpose) },
    "dpv:hasLegalBasis": { "@id": LEGAL_BASIS[template.kind] ?? LEGAL_BASIS.CONSENT },
    "dpv:hasPersonalData": { "@type": "dpv:PersonalData", "dct:description": texts(template.dataCovered) },
    "dpv:hasDataSubject": { "@type": "dpv:Citizen" },
    "dpv:hasDataController": controller,
    "dpv:hasRecipient": [
      controller,
      ...(template.thirdParty ? [organisation(template.thirdParty, "dpv:ThirdParty")] : []),
      { "@type": "dpv:Recipient", "dct:description": texts(template.partiesCovered) },
    ],
    "dpv:hasDuration": duration(template),
    // GDPR art. 5(1)(e): after the consent ends, its personal data is kept this long, then erased.
    "dpv:hasStorageCondition": {
      "@type": "dpv:StorageDuration",
      "rdf:value": { "@value": `P${template.retentionDays}D`, "@type": "xsd:duration" },
      "dct:description": texts({
        da: `Oplysningerne om et samtykke slettes ${template.retentionDays} dage efter, at det er ophørt; kun anonyme tal bliver tilbage.`,
        en: `The data of a consent is erased ${template.retentionDays} days after it has ended; only anonymous counts remain.`,
      }),
    },
    // GDPR art. 7(3): consent may be withdrawn as easily as it was given; how is in the template's own words.
    "dpv:hasRight": { "@id": "eu-gdpr:A7-3", "dct:description": texts(template.howToWithdraw) },
  };
}
