import { ApolloArmor, EnvelopArmor } from "@escape.tech/graphql-armor";
import { ApolloServerCharacterLimitPlugin, characterLimitPlugin } from "@escape.tech/graphql-armor-character-limit";
import type { GraphQLError } from "graphql";
import type { LocalizedMessage } from "./errors.js";

/**
 * The limits every GraphQL endpoint enforces, set explicitly (graphql-armor's defaults are where they
 * started). The SPAs' deepest operation (a subscription's consent with its choices' group texts) is
 * 5 deep and a few hundred tokens; the gateway's query plans add `_entities` and a fragment, so the
 * subgraphs allow two levels more than the gateway. Cost: the costliest operation either app sends
 * costs about 13,300 as Apollo Client sends it (a published template version with its consents, in the
 * caseworker app; __typename everywhere; objects 2, scalars 1, ×1.5 per level, fragments counted where
 * they are spread), far above armor's default of 5,000; the limit leaves room for it and refuses two
 * of it in one request.
 */
export const GRAPHQL_LIMITS = {
  gateway: { depth: 6, aliases: 15, directives: 50, tokens: 1000, cost: 20000, characters: 15000 },
  subgraph: { depth: 8, aliases: 15, directives: 50, tokens: 2000, cost: 50000, characters: 30000 },
} as const;

type Limits = (typeof GRAPHQL_LIMITS)[keyof typeof GRAPHQL_LIMITS];

const LIMIT_NAMES = {
  depth: { da: "den er for dyb", en: "it is nested too deeply" },
  aliases: { da: "den har for mange aliasser", en: "it has too many aliases" },
  directives: { da: "den har for mange direktiver", en: "it has too many directives" },
  tokens: { da: "den har for mange dele", en: "it has too many tokens" },
  cost: { da: "den er for dyr at svare på", en: "it costs too much to answer" },
  characters: { da: "den er for lang", en: "it is too long" },
} satisfies Record<keyof Limits, LocalizedMessage>;

/**
 * Gives armor's refusal a code and words: GRAPHQL_VALIDATION_FAILED, which limit (`limit`), and a
 * message in Danish and English. Armor's own error carried neither.
 */
function rejectedAs(limit: keyof typeof LIMIT_NAMES) {
  return {
    onReject: [
      (_context: unknown, error: GraphQLError) =>
        Object.assign(error.extensions, {
          code: "GRAPHQL_VALIDATION_FAILED",
          limit,
          message: { da: `Forespørgslen afvises: ${LIMIT_NAMES[limit].da}.`, en: `The query is refused: ${LIMIT_NAMES[limit].en}.` },
        }),
    ],
  };
}

function armorConfig(limits: Limits, production: boolean) {
  return {
    // Fragments are followed, or a fragment would hide depth and cost.
    maxDepth: { n: limits.depth, flattenFragments: true, ...rejectedAs("depth") },
    maxAliases: { n: limits.aliases, ...rejectedAs("aliases") },
    maxDirectives: { n: limits.directives, ...rejectedAs("directives") },
    maxTokens: { n: limits.tokens, ...rejectedAs("tokens") },
    costLimit: { maxCost: limits.cost, flattenFragments: true, ...rejectedAs("cost") },
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
  return [...new EnvelopArmor(armorConfig(limits, production)).protect().plugins, characterLimitPlugin({ maxLength: limits.characters, ...rejectedAs("characters") })];
}

/**
 * How deep a request's variables may nest objects and arrays. The deepest input the API takes, a
 * consent document to verify, is about seven levels; a value thousands deep overflowed the stack of
 * every recursive walk over it (forwarding, scalar parsing).
 */
export const MAX_INPUT_DEPTH = 32;

export const INPUT_TOO_DEEP = {
  da: `Forespørgslens værdier er for dybt indlejrede (højst ${MAX_INPUT_DEPTH} niveauer).`,
  en: `The request's values are nested too deeply (at most ${MAX_INPUT_DEPTH} levels).`,
};

/** Whether `value` nests objects or arrays deeper than `limit` levels; iterative, so no depth overflows the stack. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}

/** Every list in the API returns at most this many items, whatever `first` asks for. */
export const MAX_PAGE = 100;

/** `first` as a list may honour it: 0 to MAX_PAGE. */
export function pageSize(first: number): number {
  return Math.min(Math.max(first, 0), MAX_PAGE);
}

/** The largest request the gateway takes from a caller who has not signed in: nothing open to anyone takes files. */
export const MAX_ANONYMOUS_REQUEST_BYTES = 1024 * 1024;

/** The largest request the gateway (and the consent subgraph, which takes scans) accepts: a 10 MB scan as base64, with room. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
