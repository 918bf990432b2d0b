import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { GraphQLWsLink } from "@apollo/client/link/subscriptions";
import { OperationTypeNode } from "graphql";
import { createClient } from "graphql-ws";

/** The gateway address comes from /config.json at run time, so one build serves every deployment. */
export async function createApolloClient(): Promise<ApolloClient> {
  const { gatewayUrl } = (await (await fetch("/config.json")).json()) as { gatewayUrl: string };
  const ws = new GraphQLWsLink(createClient({ url: gatewayUrl.replace(/^http/, "ws"), lazy: true, retryAttempts: Infinity }));
  return new ApolloClient({
    link: ApolloLink.split((operation) => operation.operationType === OperationTypeNode.SUBSCRIPTION, ws, new HttpLink({ uri: gatewayUrl })),
    cache: new InMemoryCache(),
  });
}
