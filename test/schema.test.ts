import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { composeFromCode, SCHEMA_DIR } from "@samtykke/platform";

describe("schema/", () => {
  it("holds exactly what the code produces, and the supergraph composes (run `npm run compose` after a change)", async () => {
    const { subgraphSdl, supergraphSdl } = await composeFromCode();
    for (const [name, sdl] of Object.entries(subgraphSdl)) {
      expect(await readFile(`${SCHEMA_DIR}${name}.graphql`, "utf8"), `schema/${name}.graphql is stale`).toBe(sdl);
    }
    expect(await readFile(`${SCHEMA_DIR}supergraph.graphql`, "utf8"), "schema/supergraph.graphql is stale").toBe(supergraphSdl);
  });
});

/**
 * Lists that need no `first`, each with what bounds it. Anything else that returns a list must take
 * `first` (the resolvers cap it at 100).
 */
const BOUNDED_LISTS: Record<string, string> = {
  "ConsentTemplate.choices": "at most 50, checked when the template is drafted",
  "ConsentTemplate.readability": "one per Danish text: seven, and two per choice (at most 50)",
  "Consent.choices": "the template version's choices: at most 50",
  "Consent.answers": "one per choice",
  "Consent.signatures": "one per giver",
  "Consent.givers": "the subject, or a child's custody holders (and from 15 the young person with them): the few people the person register names",
  "Consent.attachments": "the one scan of a paper consent",
  "Consent.stopConfirmations": "one per system that knew the consent: the authority's few case systems and the named third party's",
  "Citizen.custodyHolders": "at most two custody holders",
  "PowerOfAttorneyGrant.authorityIds": "the authorities one grant names",
  "CitizenLookUpEntry.fields": "the personal fields a look-up can read: six",
  "ConsentConnection.edges": "the page, bounded by the connection's own first",
  "Mutation.closeCase": "the consents of one case, every one of which the caller must be told ended",
  "Query.consentStatusCounts": "one per consent status: ten",
  "LifeEventRecord.guardianshipScope": "the matters a guardianship can cover: two",
  "Query.templateVersions": "the published and retired versions of one key: at most 100, as the resolver reads them",
  "Query.consentStatistics": "one per template key the authority asked with in the period",
  "Authority.returnAddresses": "the few addresses of the authority's own services, registered with the platform, not by callers",
  "TemplateStatistics.channels": "one per channel: four",
  "DataAccessGrant.scope": "data items of one consent: at most its 50 choices",
  "DataAccessIntrospection.scope": "data items of one consent: at most its 50 choices",
};

describe("lists in the API", () => {
  it("take `first` unless something else bounds them", async () => {
    const { buildSchema, getNamedType, getNullableType, isListType, isObjectType } = await import("graphql");
    const schema = buildSchema(await readFile(`${SCHEMA_DIR}supergraph.graphql`, "utf8"));
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith("__") || type.name.startsWith("join__") || type.name.startsWith("link__")) continue;
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (!isListType(getNullableType(field.type)) || BOUNDED_LISTS[name]) continue;
        if (!field.args.some((arg) => arg.name === "first" && getNamedType(arg.type).name === "Int")) unbounded.push(name);
      }
    }
    expect(unbounded).toEqual([]);
  });
});
