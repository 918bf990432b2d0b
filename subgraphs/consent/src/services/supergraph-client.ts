import {
  DomainError,
  NotFoundError,
  UpstreamError,
  ValidationError,
  type LocalizedMessage,
} from "@samtykke/server-kit";
import type { TemplateSnapshot } from "../domain/consent.js";
import { TEXT_FIELDS } from "../domain/declaration.js";

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; message?: LocalizedMessage } & Record<string, unknown> }[];
}

const ERROR_BY_CODE: Record<string, new (messages: LocalizedMessage, details?: Record<string, unknown>) => DomainError> = {
  BAD_USER_INPUT: ValidationError,
  NOT_FOUND: NotFoundError,
};

/**
 * How the consent subgraph asks the rest of the platform for what it does not own (a template
 * version to snapshot, the citizen behind a CPR number): through the supergraph, never the other
 * subgraphs' tables.
 */
export class SupergraphClient {
  constructor(private readonly url: () => string) {}

  private async request<T>(query: string, variables: Record<string, unknown>, requestId: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url(), {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new UpstreamError({ da: "Platformen svarer ikke lige nu.", en: "The platform is not answering right now." });
    }
    const result = (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
    const error = result.errors?.[0];
    if (error) {
      const { code, message, ...details } = error.extensions ?? {};
      const ErrorClass = (code && ERROR_BY_CODE[code]) || UpstreamError;
      const { path: _path, ...rest } = details as Record<string, unknown>;
      throw new ErrorClass(message ?? { da: "Platformen svarede med en fejl.", en: error.message }, rest);
    }
    if (!result.data) throw new UpstreamError({ da: "Platformen svarede ikke.", en: "The platform gave no answer." });
    return result.data;
  }

  async citizenIdByCpr(cpr: string, requestId: string): Promise<string> {
    const data = await this.request<{ citizen: { id: string } }>(
      /* GraphQL */ `query ConsentCitizenByCpr($cpr: String!) { citizen(cpr: $cpr) { id } }`,
      { cpr },
      requestId,
    );
    return data.citizen.id;
  }

  async template(id: string, requestId: string): Promise<TemplateSnapshot> {
    const text = "{ da en }";
    const data = await this.request<{
      template: Omit<TemplateSnapshot, "authorityId" | "thirdPartyId" | "fixedValidTo"> & {
        authority: { id: string };
        thirdParty: { id: string } | null;
        fixedValidTo: string | null;
      };
    }>(
      /* GraphQL */ `
        query ConsentTemplateSnapshot($id: ID!) {
          template(id: $id) {
            id key version status kind defaultValidityDays fixedValidTo singleUse boundToCase signers signingLevel
            authority { id }
            thirdParty { id }
            ${TEXT_FIELDS.map((field) => `${field} ${text}`).join("\n")}
            choices { key kind group ${text} label ${text} required maxLength }
          }
        }
      `,
      { id },
      requestId,
    );
    const { authority, thirdParty, fixedValidTo, ...template } = data.template;
    return { ...template, authorityId: authority.id, thirdPartyId: thirdParty?.id ?? null, fixedValidTo: fixedValidTo ? new Date(fixedValidTo) : null };
  }
}
