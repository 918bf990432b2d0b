import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO, GRAPHQL_LIMITS, MAX_REQUEST_BYTES } from "@samtykke/server-kit";
import { readFile } from "node:fs/promises";
import { connect } from "node:net";
import { Kind, parse, print, visit } from "graphql";
import { signedAsGateway, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// The gateway's GraphQL limits (graphql-armor), each at its limit and one past it.
const LIMITS = GRAPHQL_LIMITS.gateway;
let platform: TestPlatform;
let citizen: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  citizen = await platform.citizen("0101804321");
});
afterAll(async () => {
  await platform?.stop();
});

/** null when the query ran without any error; else the error's message. */
async function refusal(caller: Caller, query: string): Promise<string | null> {
  const result = await caller.graphql(query);
  return result.errors?.map((e) => e.message).join("; ") ?? null;
}

/** `{ myConsents { subject { consents { ... id } } } }`, `depth` fields deep. */
function nested(depth: number): string {
  const path = ["myConsents", "subject", "consents", "subject", "consents", "subject", "consents", "subject"];
  const fields = path.slice(0, depth - 1);
  return `{ ${fields.map((field) => `${field} {`).join(" ")} id ${"}".repeat(fields.length)} }`;
}

describe("GraphQL limits at the gateway", () => {
  it(`accepts a query ${LIMITS.depth} deep and refuses one deeper`, async () => {
    expect(await refusal(citizen, nested(LIMITS.depth))).toBeNull();
    expect(await refusal(citizen, nested(LIMITS.depth + 1))).toMatch(/depth/i);
  });

  it(`accepts ${LIMITS.aliases} aliases and refuses more`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: templates { id }`).join(" ")} }`;
    expect(await refusal(platform, aliases(LIMITS.aliases))).toBeNull();
    expect(await refusal(platform, aliases(LIMITS.aliases + 1))).toMatch(/alias/i);
  });

  it(`accepts ${LIMITS.directives} directives and refuses more`, async () => {
    // A directive may appear once per place: one on each of n selections of the same field.
    const directives = (n: number) => `{ templates { ${"id @include(if: true) ".repeat(n)}} }`;
    expect(await refusal(platform, directives(LIMITS.directives))).toBeNull();
    expect(await refusal(platform, directives(LIMITS.directives + 1))).toMatch(/directive/i);
  });

  it(`accepts ${LIMITS.tokens} tokens and refuses more`, async () => {
    // A long list value: 19 tokens around it, one per status. (A field repeated hundreds of times
    // would be stopped by graphql-js's own overlap budget first.)
    const caseworker = await platform.caseworker("odense");
    const tokens = (n: number) => `{ consents(filter: { status: [${"ACTIVE ".repeat(n - 19)}] }) { edges { cursor } } }`;
    expect(await refusal(caseworker, tokens(LIMITS.tokens))).toBeNull();
    expect(await refusal(caseworker, tokens(LIMITS.tokens + 1))).toMatch(/token/i);
  });

  it(`accepts ${LIMITS.characters} characters and refuses more`, async () => {
    const query = "{ templates { id } }";
    const padded = (n: number) => `${query}\n#${"x".repeat(n - query.length - 2)}`;
    expect(padded(LIMITS.characters)).toHaveLength(LIMITS.characters);
    expect(await refusal(platform, padded(LIMITS.characters))).toBeNull();
    expect(await refusal(platform, padded(LIMITS.characters + 1))).toMatch(/character|length/i);
  });

  it(`accepts every query the two apps are built with and refuses two of the costliest in one request (cost over ${LIMITS.cost})`, async () => {
    // Each exactly as it leaves the browser (Apollo Client adds __typename to every selection). Sent
    // without its variables it is still measured (the limits are checked before anything runs), so
    // any error it meets is about the missing variables or who may ask, never a limit.
    const documents = (app: string) => readFile(`${app}/src/gql/persisted-documents.json`, "utf8").then((text) => Object.values(JSON.parse(text) as Record<string, string>));
    // Their mutations and subscriptions select no more than the queries that list the same things.
    const all = [...(await documents("web-citizen")), ...(await documents("web-authority"))].filter((document) => /(^|\} )query \w+/.test(document));
    expect(all.length).toBeGreaterThan(20);
    for (const document of all) expect((await refusal(citizen, document)) ?? "", document.slice(0, 80)).not.toMatch(/cost|depth|token|alias|directive|character/i);
    // The costliest: a published template version with the consents given under it (about 13,300).
    const costliest = parse(all.find((document) => /query PublishedOfKey\b/.test(document))!);
    const twice = visit(costliest, {
      OperationDefinition: (operation) => ({
        ...operation,
        selectionSet: {
          ...operation.selectionSet,
          selections: ["a", "b"].flatMap((alias) =>
            operation.selectionSet.selections.map((selection) => (selection.kind === Kind.FIELD ? { ...selection, alias: { kind: Kind.NAME, value: `${alias}_${selection.name.value}` } } : selection)),
          ),
        },
      }),
    });
    expect(await refusal(citizen, print(twice))).toMatch(/cost/i);
  });

  it("follows fragments when it measures depth", async () => {
    const deep = `fragment Deep on Citizen { consents { subject { consents { subject { id } } } } } { myConsents { subject { ...Deep } } }`;
    expect(await refusal(citizen, deep)).toMatch(/depth/i);
  });

  it("does not batch: an array of operations is refused", async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ templates { id } }" }, { query: "{ templates { id } }" }]),
    });
    expect(response.ok).toBe(false);
  });
});

describe("GraphQL limits in a subgraph, reached straight", () => {
  it(`accepts a query ${GRAPHQL_LIMITS.subgraph.depth} deep at the consent subgraph and refuses one deeper`, async () => {
    const caseworker = await platform.caseworker("odense");
    const direct = (query: string) =>
      fetch(platform.subgraphs.consent.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${caseworker.token}` },
        body: JSON.stringify(signedAsGateway(platform, { query })),
      }).then((response) => response.json() as Promise<{ errors?: { message: string }[] }>);
    const eight = `{ consents { edges { node { subject { consents { subject { consents { id } } } } } } } }`;
    const nine = `{ consents { edges { node { subject { consents { subject { consents { subject { id } } } } } } } } }`;
    expect((await direct(eight)).errors).toBeUndefined();
    expect((await direct(nine)).errors?.[0]?.message).toMatch(/depth/i);
  });
});

describe("request sizes", () => {
  const UPLOAD = `mutation($input: UploadPaperConsentInput!) { uploadPaperConsent(input: $input) { status attachments { size } } }`;
  const scan = (bytes: number) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(bytes - 8, 7)]).toString("base64");
  const input = (scanBase64: string) => ({
    templateId: DEMO.templates.seafarerTax,
    cpr: "1710681239",
    statement: "Underskrevet blanket modtaget med posten",
    answers: [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: false }],
    scanBase64,
    fileName: "blanket.png",
    signedAt: new Date(Date.now() - 60_000).toISOString(),
  });

  it("takes a 9 MB scan through the gateway, refuses an 11 MB one in words, and a body past the limit with 413", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const large = await skat.graphql(UPLOAD, { input: input(scan(9 * 1024 * 1024)) });
    expect(large.errors).toBeUndefined();
    expect(large.data.uploadPaperConsent).toEqual({ status: "ACTIVE", attachments: [{ size: 9 * 1024 * 1024 }] });
    const tooLarge = await skat.graphql(UPLOAD, { input: input(scan(11 * 1024 * 1024)) });
    expect(tooLarge.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "file", message: { da: expect.stringContaining("10 MB") } });
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${skat.token}` },
      body: JSON.stringify({ query: UPLOAD, variables: { input: input("A".repeat(MAX_REQUEST_BYTES)) } }),
    });
    expect(response.status).toBe(413);
  });

  it("answers a 30 MB upload with a 413 the caller can read, in Danish and English, not a broken connection", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const body = Buffer.from(JSON.stringify({ query: UPLOAD, variables: { input: input(scan(22 * 1024 * 1024)) } }));
    const { port } = new URL(platform.gatewayUrl);
    /** The gateway's whole answer to a raw HTTP/1.1 request: headers, then the body in `parts` with a pause between. */
    const exchange = async (headers: string, parts: Buffer[]) => {
      const socket = connect(Number(port), "127.0.0.1");
      const received: Buffer[] = [];
      socket.on("data", (chunk) => received.push(chunk));
      const closed = new Promise<Error | null>((resolve) => {
        socket.once("error", resolve);
        socket.once("close", () => resolve(null));
      });
      await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
      socket.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nauthorization: Bearer ${skat.token}\r\ncontent-length: ${body.length}\r\n${headers}\r\n`);
      for (const part of parts) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (!socket.destroyed) socket.write(part);
      }
      // As a client would: it reads the answer before it gives up the connection.
      await expect.poll(() => Buffer.concat(received).toString(), { timeout: 5_000 }).toMatch(/"errors"/);
      if (!socket.destroyed) socket.end();
      return { failure: await closed, answer: Buffer.concat(received).toString() };
    };
    const refusalIn = (answer: string) => JSON.parse(answer.slice(answer.indexOf("{"), answer.lastIndexOf("}") + 1)).errors[0].extensions;
    const refusal = { code: "PAYLOAD_TOO_LARGE", message: { da: expect.stringContaining("16 MB"), en: expect.stringContaining("16 MB") } };

    // curl's way with a large body: it asks first, and sends only when told "100 Continue". It is
    // told 413 instead, and sends nothing (once, Node said "100 Continue" before the gateway looked,
    // and the upload met a closed connection halfway: a broken pipe).
    const asked = await exchange("expect: 100-continue\r\n", []);
    expect(asked.answer).toMatch(/^HTTP\/1\.1 413/);
    expect(refusalIn(asked.answer)).toMatchObject(refusal);

    // Under the limit, such a client is told to go on, and is answered.
    const small = Buffer.from(JSON.stringify({ query: "{ templates(first: 1) { id } }" }));
    const socket = connect(Number(port), "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => (text += chunk));
    socket.write(`POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nauthorization: Bearer ${skat.token}\r\ncontent-length: ${small.length}\r\nexpect: 100-continue\r\n\r\n`);
    await expect.poll(() => text).toMatch(/^HTTP\/1\.1 100 Continue/);
    socket.write(small);
    await expect.poll(() => text).toMatch(/HTTP\/1\.1 200[\s\S]*"templates":\[\{"id"/);
    socket.destroy();

    // A client that just sends: the body is read and dropped before the answer, so it arrives whole.
    const sent = await exchange("", [body.subarray(0, 1024 * 1024), body.subarray(1024 * 1024)]);
    expect(sent.failure).toBeNull();
    expect(sent.answer).toMatch(/^HTTP\/1\.1 413/);
    expect(refusalIn(sent.answer)).toMatchObject(refusal);
  });
});

describe("refusals a client can act on", () => {
  it("says in a code and in Danish and English which limit a refused query crossed", async () => {
    const depth = await citizen.graphql(nested(LIMITS.depth + 1));
    expect(depth.errors![0]!.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "depth", message: { da: expect.stringContaining("dyb"), en: expect.stringContaining("deep") } });
    const aliases = await platform.graphql(`{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: templates { id }`).join(" ")} }`);
    expect(aliases.errors![0]!.extensions).toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED", limit: "aliases", message: { da: expect.any(String), en: expect.any(String) } });
  });
});
