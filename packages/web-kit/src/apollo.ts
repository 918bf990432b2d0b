import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
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

/** Queries and mutations as JSON POSTs, subscriptions over graphql-ws on the same path; each carries the user's token. */
export function createApolloClient(gatewayUrl: string, token: string | null = null): ApolloClient {
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
  return new ApolloClient({
    link: ApolloLink.split(
      (operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION,
      new GraphQLWsLink(ws),
      new HttpLink({ uri: gatewayUrl, headers: authorization }),
    ),
    cache: new InMemoryCache(),
  });
}
