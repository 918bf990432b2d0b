import type { ServerResponse } from "node:http";
import { DPV_CONTEXT, templateAsDpv, type RegisterTemplate } from "@samtykke/template/dpv";

/**
 * The public register's machine-readable side: each published template version (and the list of
 * them) as JSON-LD in the W3C Data Privacy Vocabulary, for anyone, with caching headers. The data
 * comes through the supergraph as an anonymous caller would ask for it, so a draft is never shown.
 */
const LIST_PATH = "/register/templates.jsonld";
const ONE_PATH = /^\/register\/templates\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.jsonld$/;
const ORGANISATION = "id name cvr";
const FIELDS = `id key version status kind publishedAt defaultValidityDays fixedValidTo retentionDays title { da en } purpose { da en } dataCovered { da en } partiesCovered { da en } howToWithdraw { da en } authority { ${ORGANISATION} } thirdParty { ${ORGANISATION} }`;
const ONE = `query RegisterTemplateJsonLd($id: ID!) { template(id: $id) { ${FIELDS} } }`;
const LIST = `query RegisterTemplatesJsonLd { templates(first: 100) { ${FIELDS} } }`;
/** Public and the same for everyone: caches may keep it five minutes. */
const CACHE = "public, max-age=300";

export function isRegisterPath(path: string | undefined): boolean {
  return path === LIST_PATH || ONE_PATH.test(path ?? "");
}

type Ask = (query: string, variables: Record<string, unknown>) => Promise<{ data?: Record<string, unknown> | null; errors?: unknown[] }>;

/** Answers a GET of the register's JSON-LD; a template that is not public (or not there) is a 404. */
export async function serveRegister(path: string, response: ServerResponse, ask: Ask): Promise<void> {
  const id = ONE_PATH.exec(path)?.[1];
  const result = id ? await ask(ONE, { id }) : await ask(LIST, {});
  const found = id ? (result.data?.template as RegisterTemplate | undefined) : undefined;
  if (id && (!found || result.errors?.length)) {
    response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
    return;
  }
  if (!id && (result.errors?.length || !result.data)) {
    response.writeHead(503, { "content-type": "application/json" }).end(JSON.stringify({ error: "unavailable" }));
    return;
  }
  const body = found
    ? templateAsDpv(found)
    : { "@context": DPV_CONTEXT, "@graph": (result.data!.templates as RegisterTemplate[]).map((template) => withoutContext(templateAsDpv(template))) };
  response.writeHead(200, { "content-type": "application/ld+json; charset=utf-8", "cache-control": CACHE }).end(JSON.stringify(body));
}

function withoutContext(node: Record<string, unknown>) {
  const { "@context": _context, ...rest } = node;
  return rest;
}

/** The runtime asked from inside the gateway as an anonymous caller, at `url`, with `headers` (the gateway's own marks). */
export function askRuntime(runtime: { fetch: (url: string, init: RequestInit) => Promise<Response> | Response }, url: string, headers: Record<string, string>): Ask {
  return async (query, variables) => {
    const answer = await runtime.fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await answer.json()) as Awaited<ReturnType<Ask>>;
  };
}
