import { fileURLToPath } from "node:url";
import { buildFederatedSchema, type SubgraphDefinition } from "@samtykke/server-kit";
import { Authority } from "./entities/authority.entity.js";
import { CaseSystem } from "./entities/case-system.entity.js";
import { Caseworker } from "./entities/caseworker.entity.js";
import { Custody, PowerOfAttorney } from "./entities/relations.entity.js";
import { ThirdParty } from "./entities/third-party.entity.js";
import { Citizen } from "./entities/citizen.entity.js";
import { CitizenLookUp } from "./entities/citizen-look-up.entity.js";
import { LifeEvent } from "./entities/life-event.entity.js";
import { referenceResolvers } from "./federation/reference-resolvers.js";
import { AuthorityResolver } from "./resolvers/authority.resolver.js";
import { CitizenResolver } from "./resolvers/citizen.resolver.js";
import { LifeEventResolver } from "./resolvers/life-event.resolver.js";
import { LookUpResolver } from "./resolvers/look-up.resolver.js";
import { RepresentationResolver } from "./resolvers/representation.resolver.js";

export const partySubgraph: SubgraphDefinition = {
  name: "party",
  entities: [Authority, Caseworker, CaseSystem, Citizen, CitizenLookUp, Custody, LifeEvent, PowerOfAttorney, ThirdParty],
  migrationsPath: fileURLToPath(new URL("./migrations", import.meta.url)),
  buildSchema: () => buildFederatedSchema({ resolvers: [CitizenResolver, AuthorityResolver, RepresentationResolver, LookUpResolver, LifeEventResolver] }, referenceResolvers),
};
