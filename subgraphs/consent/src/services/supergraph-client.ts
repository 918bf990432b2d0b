import { createHmac, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";
import {
  documentHash,
  type Caller,
  DomainError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  UpstreamError,
  ValidationError,
  type LocalizedMessage,
} from "@samtykke/server-kit";
import type { Representation } from "../domain/access.js";
import type { TemplateSnapshot } from "../domain/consent.js";
import { TEXT_FIELDS } from "../domain/declaration.js";
import { PlatformCredential } from "./platform-credential.js";

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; message?: LocalizedMessage } & Record<string, unknown> }[];
}

const ERROR_BY_CODE: Record<string, new (messages: LocalizedMessage, details?: Record<string, unknown>) => DomainError> = {
  BAD_USER_INPUT: ValidationError,
  NOT_FOUND: NotFoundError,
  FORBIDDEN: ForbiddenError,
  UNAUTHENTICATED: UnauthenticatedError,
};

/** Whose behalf a call through the supergraph is made on: the caller's own token goes with it. */
export interface OnBehalf {
  requestId: string;
  authorization: string | null;
}

/** An authority or third party as anyone may look it up. */
export interface PublicOrganisation {
  id: string;
  name: string;
  cvr: string;
  address: string | null;
  contact: string | null;
}

/** The citizen a request is for, with what decides who must sign it. */
export interface RequestSubject {
  id: string;
  name: string;
  birthDate: Date;
  diedOn: Date | null;
  comesOfAgeOn: Date;
  custodyHolderIds: string[];
}

/** An event of the person register, as the party subgraph keeps it in order. */
export interface LifeEventRecord {
  cursor: string;
  kind: "DIED" | "CUSTODY_STARTED" | "CUSTODY_ENDED" | "GUARDIAN_APPOINTED" | "GUARDIAN_REMOVED" | "PROTECTION_STARTED" | "PROTECTION_ENDED";
  citizenId: string;
  otherCitizenId: string | null;
  occurredOn: Date;
}

const TEXT = "{ da en }";
const ORGANISATION = "id name cvr address contact";

/**
 * Every operation this subgraph sends through the gateway, by name. They are fixed texts, so the
 * gateway can trust them as it trusts the apps' (`npm run compose` writes them, by hash, to
 * schema/internal-documents.json).
 */
const DOCUMENTS = {
  authorityName: `query ConsentAuthorityName($id: ID!) { authority(id: $id) { name } }`,
  organisations: `query ConsentOrganisations($a: ID!) { authority(id: $a) { ${ORGANISATION} } }`,
  organisationsWithThirdParty: `query ConsentOrganisationsWithThirdParty($a: ID!, $t: ID!) { authority(id: $a) { ${ORGANISATION} } thirdParty(id: $t) { ${ORGANISATION} } }`,
  citizenIdByCpr: `query ConsentCitizenByCpr($cpr: String!) { citizenIdByCpr(cpr: $cpr) }`,
  registeredCitizenIdByCpr: `query ConsentRegisteredCitizenByCpr($cpr: String!) { registeredCitizenIdByCpr(cpr: $cpr) }`,
  requestSubject: `query ConsentRequestSubject($cpr: String!) { citizen(cpr: $cpr) { id name birthDate diedOn comesOfAgeOn custodyHolders { id } } }`,
  lifeEvents: `query ConsentLifeEvents($after: String) { lifeEvents(after: $after, first: 100) { cursor kind citizenId otherCitizenId occurredOn } }`,
  representation: `query ConsentRepresentation { me { id children { id } powersOfAttorney { grantor { id } authorityIds } } }`,
  template: `query ConsentTemplateSnapshot($id: ID!) { template(id: $id) { id key version status kind defaultValidityDays fixedValidTo retentionDays singleUse boundToCase signers informCustodyHolders signingLevel reminderAfterDays followUpAfterDays authority { id returnAddresses } thirdParty { id } ${TEXT_FIELDS.map((field) => `${field} ${TEXT}`).join(" ")} choices { key kind group ${TEXT} label ${TEXT} required maxLength } } }`,
} as const;

const HASHES = Object.fromEntries(Object.entries(DOCUMENTS).map(([name, text]) => [name, documentHash(text)])) as Record<keyof typeof DOCUMENTS, string>;

/** The texts of `DOCUMENTS`, for the gateway's trusted set. */
export const SUPERGRAPH_CLIENT_DOCUMENTS: readonly string[] = Object.values(DOCUMENTS);

/**
 * How the consent subgraph asks the rest of the platform for what it does not own (a template
 * version to snapshot, the citizen behind a CPR number): through the supergraph, never the other
 * subgraphs' tables.
 */
export class SupergraphClient {
  /**
   * CPR number -> citizen id, as the party subgraph answered it. The mapping never changes, and a
   * caseworker or case system may look up any citizen, so one look-up serves all of them: the hot
   * path (`consentCheck`) skips a round trip through the gateway. Keyed by an HMAC under a key of
   * this process alone, so the cache holds no CPR number; bounded, least recently used out.
   */
  private readonly citizenIds = new LRUCache<string, string>({ max: 200_000 });
  private readonly cacheKey = randomBytes(32);
  /**
   * Organisations' public facts (name, CVR, address), which letters and exports name: a burst of
   * letters from one authority, or an export of 100 consents, asks once. A renamed authority shows
   * within five minutes.
   */
  private readonly organisationFacts = new LRUCache<string, Promise<unknown>>({ max: 10_000, ttl: 5 * 60_000 });

  constructor(
    private readonly url: () => string,
    /** The platform's own credential, for the calls made for no caller (letters, exports' organisation look-ups). */
    private readonly platform: PlatformCredential = new PlatformCredential(null),
  ) {}

  private async request<T>(document: keyof typeof DOCUMENTS, variables: Record<string, unknown>, onBehalf: OnBehalf): Promise<T> {
    const persistedQuery = { version: 1, sha256Hash: HASHES[document] };
    // By hash: the gateway runs a citizen's or caseworker's request only as a document it trusts. A
    // gateway that does not know the hash (started without the committed documents) gets the text.
    let result = await this.post<T>({ variables, extensions: { persistedQuery } }, onBehalf);
    if (result.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND") {
      result = await this.post<T>({ query: DOCUMENTS[document], variables, extensions: { persistedQuery } }, onBehalf);
    }
    return this.dataOf(result);
  }

  private async post<T>(body: Record<string, unknown>, onBehalf: OnBehalf): Promise<GraphQLResponse<T>> {
    let response: Response;
    try {
      response = await fetch(this.url(), {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": onBehalf.requestId,
          ...(onBehalf.authorization ? { authorization: onBehalf.authorization } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      throw new UpstreamError({ da: "Platformen svarer ikke lige nu.", en: "The platform is not answering right now." });
    }
    return (await response.json().catch(() => ({}))) as GraphQLResponse<T>;
  }

  private dataOf<T>(result: GraphQLResponse<T>): T {
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

  /** An authority's name: public, asked with the platform's own credential. */
  async authorityName(id: string, requestId: string): Promise<string> {
    const data = await this.organisationLookUp<{ authority: { name: string } }>("authorityName", { id }, requestId);
    return data.authority.name;
  }

  /** The public facts of the organisations a consent record names: the authority and any third party. */
  async organisations(authorityId: string, thirdPartyId: string | null, requestId: string): Promise<{ authority: PublicOrganisation; thirdParty: PublicOrganisation | null }> {
    const data = await this.organisationLookUp<{ authority: PublicOrganisation; thirdParty?: PublicOrganisation }>(
      thirdPartyId ? "organisationsWithThirdParty" : "organisations",
      { a: authorityId, ...(thirdPartyId ? { t: thirdPartyId } : {}) },
      requestId,
    );
    return { authority: data.authority, thirdParty: data.thirdParty ?? null };
  }

  /** A look-up of public organisation facts, cached; one that fails is not kept, so the next call asks again. */
  private organisationLookUp<T>(document: "authorityName" | "organisations" | "organisationsWithThirdParty", variables: Record<string, string>, requestId: string): Promise<T> {
    const key = `${document}:${JSON.stringify(variables)}`;
    const cached = this.organisationFacts.get(key);
    if (cached) return cached as Promise<T>;
    const lookUp = this.platform.authorization().then((authorization) => this.request<T>(document, variables, { requestId, authorization }));
    this.organisationFacts.set(key, lookUp);
    lookUp.catch(() => this.organisationFacts.delete(key));
    return lookUp;
  }

  /** The citizen behind a CPR number, registered on first look-up: for an authority's caseworkers and case systems. */
  async citizenIdByCpr(cpr: string, onBehalf: OnBehalf): Promise<string> {
    const key = this.cprCacheKey(cpr);
    const cached = this.citizenIds.get(key);
    if (cached) return cached;
    const data = await this.request<{ citizenIdByCpr: string }>("citizenIdByCpr", { cpr }, onBehalf);
    this.citizenIds.set(key, data.citizenIdByCpr);
    return data.citizenIdByCpr;
  }

  /**
   * The citizen behind a CPR number if already registered, else null, asked with the platform's own
   * credential: a third party may not turn CPR numbers into ids, nor register anybody by asking.
   */
  async registeredCitizenId(cpr: string, requestId: string): Promise<string | null> {
    const key = this.cprCacheKey(cpr);
    const cached = this.citizenIds.get(key);
    if (cached) return cached;
    if (!this.platform.configured) {
      throw new UpstreamError({ da: "Platformens egen klient er ikke sat op (PLATFORM_CLIENT_ID).", en: "The platform's own client is not configured (PLATFORM_CLIENT_ID)." });
    }
    const data = await this.request<{ registeredCitizenIdByCpr: string | null }>("registeredCitizenIdByCpr", { cpr }, { requestId, authorization: await this.platform.authorization() });
    if (data.registeredCitizenIdByCpr) this.citizenIds.set(key, data.registeredCitizenIdByCpr);
    return data.registeredCitizenIdByCpr;
  }

  private cprCacheKey(cpr: string): string {
    return createHmac("sha256", this.cacheKey).update(cpr.trim().replace("-", "")).digest("base64url");
  }

  async requestSubject(cpr: string, onBehalf: OnBehalf): Promise<RequestSubject> {
    const data = await this.request<{ citizen: { id: string; name: string; birthDate: string; diedOn: string | null; comesOfAgeOn: string; custodyHolders: { id: string }[] } }>(
      "requestSubject",
      { cpr },
      onBehalf,
    );
    const { id, name, birthDate, diedOn, comesOfAgeOn, custodyHolders } = data.citizen;
    return {
      id,
      name,
      birthDate: new Date(birthDate),
      diedOn: diedOn ? new Date(diedOn) : null,
      comesOfAgeOn: new Date(comesOfAgeOn),
      custodyHolderIds: custodyHolders.map((holder) => holder.id),
    };
  }

  /** The person register's events after `after`, in order, asked with the platform's own credential. */
  async lifeEvents(after: string | null, requestId: string): Promise<LifeEventRecord[]> {
    if (!this.platform.configured) return [];
    const data = await this.request<{ lifeEvents: (Omit<LifeEventRecord, "occurredOn"> & { occurredOn: string })[] }>(
      "lifeEvents",
      { after },
      { requestId, authorization: await this.platform.authorization() },
    );
    return data.lifeEvents.map((event) => ({ ...event, occurredOn: new Date(event.occurredOn) }));
  }

  /** Whom the signed-in citizen may act for: themselves, their children, those who gave them power of attorney. */
  async representation(onBehalf: OnBehalf): Promise<Representation> {
    const data = await this.request<{
      me: { id: string; children: { id: string }[]; powersOfAttorney: { grantor: { id: string }; authorityIds: string[] }[] } | null;
    }>(
      "representation",
      {},
      onBehalf,
    );
    if (!data.me) throw new UpstreamError({ da: "Borgeren kunne ikke findes.", en: "The signed-in citizen could not be found." });
    return {
      citizenId: data.me.id,
      childIds: data.me.children.map((child) => child.id),
      grants: data.me.powersOfAttorney.map((grant) => ({ grantorId: grant.grantor.id, authorityIds: grant.authorityIds })),
    };
  }

  async template(id: string, onBehalf: OnBehalf): Promise<TemplateSnapshot> {
    const data = await this.request<{
      template: Omit<TemplateSnapshot, "authorityId" | "thirdPartyId" | "fixedValidTo"> & {
        authority: { id: string; returnAddresses: string[] };
        thirdParty: { id: string } | null;
        fixedValidTo: string | null;
      };
    }>(
      "template",
      { id },
      onBehalf,
    );
    const { authority, thirdParty, fixedValidTo, ...template } = data.template;
    return { ...template, authorityId: authority.id, authorityReturnAddresses: authority.returnAddresses, thirdPartyId: thirdParty?.id ?? null, fixedValidTo: fixedValidTo ? new Date(fixedValidTo) : null };
  }
}
