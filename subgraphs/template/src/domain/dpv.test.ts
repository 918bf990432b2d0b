import { describe, expect, it } from "vitest";
import { templateAsDpv, type RegisterTemplate } from "./dpv.js";

const text = (word: string) => ({ da: `${word} (da)`, en: `${word} (en)` });
const template: RegisterTemplate = {
  id: "11111111-1111-4111-8111-111111111111",
  key: "odense-hjaelp",
  version: 3,
  status: "PUBLISHED",
  kind: "CONSENT",
  title: text("titel"),
  purpose: text("formål"),
  dataCovered: text("data"),
  partiesCovered: text("parter"),
  howToWithdraw: text("tilbagetræk"),
  publishedAt: "2026-05-12T08:00:00.000Z",
  defaultValidityDays: 365,
  fixedValidTo: null,
  retentionDays: 1095,
  authority: { id: "a", name: "Odense Kommune", cvr: "35209115" },
  thirdParty: null,
};

describe("a template version in the Data Privacy Vocabulary", () => {
  it("names the notice, its purpose in both languages, the controller by CVR and the legal basis of a consent", () => {
    expect(templateAsDpv(template)).toMatchObject({
      "@id": "urn:samtykke:template:11111111-1111-4111-8111-111111111111",
      "@type": "dpv:ConsentNotice",
      "dct:hasVersion": 3,
      "dpv:hasPurpose": { "dct:description": [{ "@value": "formål (da)", "@language": "da" }, { "@value": "formål (en)", "@language": "en" }] },
      "dpv:hasDataController": { "@id": "urn:cvr:35209115", "dct:title": "Odense Kommune" },
      "dpv:hasLegalBasis": { "@id": "eu-gdpr:A6-1-a" },
    });
  });

  it("says how long a consent lasts: days, until a date, or until withdrawn", () => {
    expect(templateAsDpv(template)["dpv:hasDuration"]).toEqual({ "@type": "dpv:TemporalDuration", "rdf:value": { "@value": "P365D", "@type": "xsd:duration" } });
    expect(templateAsDpv({ ...template, defaultValidityDays: null, fixedValidTo: "2027-01-01T00:00:00.000Z" })["dpv:hasDuration"]).toMatchObject({ "@type": "dpv:UntilTimeDuration" });
    expect(templateAsDpv({ ...template, defaultValidityDays: null })["dpv:hasDuration"]).toMatchObject({ "@type": "dpv:UntilEventDuration" });
  });

  it("says how long a consent's data is kept after it ends, as a storage duration", () => {
    expect(templateAsDpv({ ...template, retentionDays: 400 })["dpv:hasStorageCondition"]).toMatchObject({
      "@type": "dpv:StorageDuration",
      "rdf:value": { "@value": "P400D", "@type": "xsd:duration" },
      "dct:description": [expect.objectContaining({ "@value": expect.stringContaining("slettes 400 dage efter"), "@language": "da" }), expect.objectContaining({ "@language": "en" })],
    });
  });

  it("rests an objection on the authority's public task, and names a third party as recipient", () => {
    const objection = templateAsDpv({ ...template, kind: "OBJECTION", thirdParty: { id: "t", name: "Nordsø Rederi A/S", cvr: "12345678" } });
    expect(objection["@type"]).toBe("dpv:PrivacyNotice");
    expect(objection["dpv:hasLegalBasis"]).toEqual({ "@id": "eu-gdpr:A6-1-e" });
    expect(objection["dpv:hasRecipient"]).toContainEqual(expect.objectContaining({ "@type": "dpv:ThirdParty", "dct:title": "Nordsø Rederi A/S" }));
  });
});
