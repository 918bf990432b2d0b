import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { getOperationAST, OperationTypeNode, type DocumentNode } from "graphql";
import { createClient } from "graphql-ws";

const connections = new EventTarget();

/**
 * Calls `listener` each time the WebSocket connects, so also when it is back after a drop (graphql-ws
 * then re-sends each subscription as it was first sent); returns the way to stop listening.
 */
export function onConnected(listener: () => void): () => void {
  connections.addEventListener("connected", listener);
  return () => connections.removeEventListener("connected", listener);
}

/** Operation name → the hash its document was persisted under, from an app's generated documents. */
export type DocumentHashes = ReadonlyMap<string, string>;

/**
 * The hashes of the documents GraphQL Code Generator wrote for an app (`import * as documents from
 * "./gql/graphql.js"`): each document carries its hash in `__meta__`, and is named by its operation.
 */
export function documentHashes(documents: Record<string, unknown>): DocumentHashes {
  const hashes = new Map<string, string>();
  for (const value of Object.values(documents)) {
    const hash = (value as { __meta__?: { hash?: unknown } } | null)?.__meta__?.hash;
    const name = typeof hash === "string" ? getOperationAST(value as DocumentNode)?.name?.value : undefined;
    if (name) hashes.set(name, hash as string);
  }
  return hashes;
}

/**
 * Queries and mutations as JSON POSTs, subscriptions over graphql-ws on the same path; each carries
 * the user's token. Every operation goes by the hash it was built with: over HTTP without its text
 * (the gateway holds the text), over graphql-ws with it (graphql-ws needs one), where the gateway
 * runs its own copy of that hash's text.
 */
export function createApolloClient(gatewayUrl: string, token: string | null = null, hashes: DocumentHashes = new Map()): ApolloClient {
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const wsUrl = new URL(gatewayUrl, window.location.href);
  wsUrl.protocol = wsUrl.protocol === "https:" ? "wss:" : "ws:";
  const ws = createClient({
    url: wsUrl.href,
    lazy: true,
    retryAttempts: Infinity,
    connectionParams: authorization,
    on: { connected: () => connections.dispatchEvent(new Event("connected")) },
  });
  const hashOf = (operationName: string | undefined) => (operationName ? hashes.get(operationName) : undefined);
  const subscriptionByHash = new ApolloLink((operation, forward) => {
    const sha256Hash = hashOf(operation.operationName);
    if (sha256Hash) operation.extensions = { ...operation.extensions, persistedQuery: { version: 1, sha256Hash } };
    return forward(operation);
  });
  // An operation the app was not built with (none should be) is unknown to the gateway, which then
  // asks for its text; only callers allowed their own documents get an answer to that.
  const byHash = new PersistedQueryLink({ generateHash: (document) => hashOf(getOperationAST(document)?.name?.value) ?? "" });
  const http = new HttpLink({ uri: gatewayUrl, headers: authorization });
  return new ApolloClient({
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      subscriptionByHash.concat(new GraphQLWsLink(ws)),
      hashes.size ? byHash.concat(http) : http,
    ),
    cache: new InMemoryCache(),
  });
}
