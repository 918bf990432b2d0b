import { ApolloArmor, EnvelopArmor } from "@escape.tech/graphql-armor";
import { ApolloServerCharacterLimitPlugin, characterLimitPlugin } from "@escape.tech/graphql-armor-character-limit";

/**
 * The limits every GraphQL endpoint enforces, set explicitly (graphql-armor's defaults are where they
 * started). The SPAs' deepest operation (a subscription's consent with its choices' group texts) is
 * 5 deep and a few hundred tokens; the gateway's query plans add `_entities` and a fragment, so the
 * subgraphs allow two levels more than the gateway.
 */
export const GRAPHQL_LIMITS = {
  gateway: { depth: 6, aliases: 15, directives: 50, tokens: 1000, cost: 5000, characters: 15000 },
  subgraph: { depth: 8, aliases: 15, directives: 50, tokens: 2000, cost: 10000, characters: 30000 },
} as const;

type Limits = (typeof GRAPHQL_LIMITS)[keyof typeof GRAPHQL_LIMITS];

function armorConfig(limits: Limits, production: boolean) {
  return {
    maxDepth: { n: limits.depth },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    maxTokens: { n: limits.tokens },
    costLimit: { maxCost: limits.cost },
    // "Did you mean …" helps while building a client, and maps the schema for an attacker.
    blockFieldSuggestion: { enabled: production },
  };
}

/** graphql-armor for a subgraph's Apollo Server: plugins and validation rules. */
export function apolloArmor(production: boolean) {
  const limits = GRAPHQL_LIMITS.subgraph;
  const { plugins, validationRules } = new ApolloArmor(armorConfig(limits, production)).protect();
  return { plugins: [...plugins, ApolloServerCharacterLimitPlugin({ maxLength: limits.characters })], validationRules };
}

/** graphql-armor for the gateway (an Envelop runtime). */
export function envelopArmor(production: boolean) {
  const limits = GRAPHQL_LIMITS.gateway;
  return [...new EnvelopArmor(armorConfig(limits, production)).protect().plugins, characterLimitPlugin({ maxLength: limits.characters })];
}
