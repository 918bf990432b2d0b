import { consentSubgraph } from "@samtykke/consent";
import { partySubgraph } from "@samtykke/party";
import { templateSubgraph } from "@samtykke/template";

/** Every subgraph of the supergraph, in the order they are composed and started. */
export const subgraphs = [partySubgraph, templateSubgraph, consentSubgraph];
