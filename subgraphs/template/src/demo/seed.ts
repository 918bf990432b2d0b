import type { EntityManager } from "@mikro-orm/postgresql";
import { DEMO } from "@samtykke/server-kit";
import { DeclarationKind, TemplateStatus } from "../domain/template.js";
import { ConsentTemplateEntity } from "../entities/consent-template.entity.js";

/** Seeds the demo templates once; a database that has any template is left alone. */
export async function seedTemplateDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(ConsentTemplateEntity)) > 0) return false;
  const publishedAt = new Date();
  em.create(ConsentTemplateEntity, {
    id: DEMO.templates.dataSharing,
    key: "indhentning-videregivelse-oplysninger",
    version: 1,
    status: TemplateStatus.PUBLISHED,
    kind: DeclarationKind.CONSENT,
    authorityId: DEMO.authorities.odense,
    defaultValidityDays: 365,
    publishedAt,
    content: {
      title: {
        da: "Samtykke til indhentning og/eller videregivelse af personoplysninger",
        en: "Consent to obtain and/or disclose personal data",
      },
      purpose: {
        da: "Kommunen vil indhente og/eller videregive oplysninger om dig for at kunne behandle din sag.",
        en: "The municipality wants to obtain and/or disclose information about you in order to process your case.",
      },
    },
  });
  em.create(ConsentTemplateEntity, {
    id: DEMO.templates.childTherapy,
    key: "odense-boern-terapi",
    version: 1,
    status: TemplateStatus.PUBLISHED,
    kind: DeclarationKind.CONSENT,
    authorityId: DEMO.authorities.odense,
    defaultValidityDays: 180,
    publishedAt,
    content: {
      title: {
        da: "Forældresamtykke til ergo- og fysioterapi for dit barn",
        en: "Parental consent to occupational and physiotherapy for your child",
      },
      purpose: {
        da: "Odense Kommune vil give dit barn ergo- og/eller fysioterapi og dele de nødvendige oplysninger med terapeuten.",
        en: "Odense Municipality wants to give your child occupational and/or physiotherapy and share the necessary information with the therapist.",
      },
    },
  });
  em.create(ConsentTemplateEntity, {
    id: DEMO.templates.seafarerTax,
    key: "soefarende-skattedata-tredjepart",
    version: 1,
    status: TemplateStatus.PUBLISHED,
    kind: DeclarationKind.CONSENT,
    authorityId: DEMO.authorities.skattestyrelsen,
    defaultValidityDays: 90,
    publishedAt,
    content: {
      title: {
        da: "Samtykke til deling af skatteoplysninger med din arbejdsgiver (søfarende)",
        en: "Consent to share tax data with your employer (seafarers)",
      },
      purpose: {
        da: "Skattestyrelsen må give din rederi-arbejdsgiver adgang til dine skatteoplysninger til brug for nettolønsordningen.",
        en: "The Danish Tax Agency may give your shipping employer access to your tax data for the net wage scheme.",
      },
    },
  });
  await em.flush();
  return true;
}
