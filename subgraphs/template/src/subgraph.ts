import { fileURLToPath } from "node:url";
import { buildFederatedSchema, type SubgraphDefinition } from "@samtykke/server-kit";
import { ConsentTemplateEntity } from "./entities/consent-template.entity.js";
import { referenceResolvers } from "./federation/reference-resolvers.js";
import { AuthorityTemplatesResolver, ConsentTemplateResolver } from "./resolvers/consent-template.resolver.js";

export const templateSubgraph: SubgraphDefinition = {
  name: "template",
  entities: [ConsentTemplateEntity],
  migrationsPath: fileURLToPath(new URL("./migrations", import.meta.url)),
  buildSchema: () =>
    buildFederatedSchema({ resolvers: [ConsentTemplateResolver, AuthorityTemplatesResolver] }, referenceResolvers),
};
