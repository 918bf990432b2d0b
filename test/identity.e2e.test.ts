import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import WebSocket from "ws";
import { PLATFORM_CLIENT } from "@samtykke/dev-login";
import { AssuranceLevel, DEMO } from "@samtykke/server-kit";
import { collect, giveWithYesToAll, signedAsGateway, startTestPlatform, TEMPLATE_TEXTS, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

const OLE = "1710681239";
const SOFIE = "2508920147";
const KAREN = "0101804321";

async function requestSeafarerConsent(cpr = OLE): Promise<string> {
  const caseworker = await platform.caseworker("skattestyrelsen");
  const result = await caseworker.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
    input: { templateId: DEMO.templates.seafarerTax, cpr },
  });
  expect(result.errors).toBeUndefined();
  return result.data.requestConsent.id;
}

describe("signing in", () => {
  it("refuses a forged token at the gateway with 401 and UNAUTHENTICATED, in Danish and English", async () => {
    const response = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiY2l0aXplbiJ9.AAAA" },
      body: JSON.stringify({ query: "{ myConsents { id } }" }),
    });
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body.errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", message: { da: expect.stringContaining("login"), en: expect.stringContaining("login") } });
  });

  it("refuses an anonymous caller where a login is needed, and lets anyone read published templates", async () => {
    const mine = await platform.graphql(`{ myConsents { id } }`);
    expect(mine.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    // Whether a consent exists is not told before the caller is known.
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const operation of [`query { consent(id: "${unknown}") { id } }`, `mutation { withdrawConsent(id: "${unknown}") { id } }`, `mutation { giveConsent(id: "${unknown}", answers: []) { id } }`]) {
      expect((await platform.graphql(operation)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    }
    const templates = await platform.graphql(`{ templates { key } }`);
    expect(templates.errors).toBeUndefined();
    expect(templates.data.templates.length).toBeGreaterThan(0);
  });

  it("answers at a subgraph only what the gateway signed, over HTTP and graphql-ws, and caps what one _entities call may ask", async () => {
    const odense = await platform.caseworker("odense");
    const query = { query: `{ consents(first: 1) { edges { node { id } } } }` };
    const post = (url: string, body: object) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${odense.token}` }, body: JSON.stringify(body) });
    for (const url of [platform.subgraphs.consent.url, platform.subgraphs.party.url, platform.subgraphs.template.url]) {
      // A valid token is not enough, nor a signature of another query, nor a GET.
      for (const body of [query, { ...query, extensions: signedAsGateway(platform, { query: "{ __typename }" }).extensions }]) {
        const refused = await post(url, body);
        expect(refused.status).toBe(403);
        expect((await refused.json()).errors[0].extensions).toMatchObject({ code: "FORBIDDEN", reason: "NOT_FROM_GATEWAY", message: { da: expect.any(String), en: expect.any(String) } });
      }
      expect((await fetch(`${url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { authorization: `Bearer ${odense.token}` } })).status).toBe(403);
    }
    expect((await (await post(platform.subgraphs.consent.url, signedAsGateway(platform, query))).json()).errors).toBeUndefined();
    // Through the gateway, as always.
    expect((await odense.graphql(query.query)).errors).toBeUndefined();

    // A subscription straight at the consent subgraph, with a valid token: refused too.
    const socket = new WebSocket(platform.subgraphs.consent.url.replace(/^http/, "ws"), "graphql-transport-ws");
    const messages: any[] = [];
    socket.on("message", (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.on("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${odense.token}` } }));
    await expect.poll(() => messages.some((message) => message.type === "connection_ack")).toBe(true);
    socket.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { consentStatusChanged { cursor } }" } }));
    await expect.poll(() => messages.find((message) => message.id === "1")?.payload?.[0]?.extensions?.reason).toBe("NOT_FROM_GATEWAY");
    socket.close();

    // Signed or not, one _entities call takes at most 1,000 representations.
    const many = signedAsGateway(platform, {
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Citizen { id } } }`,
      variables: { representations: Array.from({ length: 1_001 }, () => ({ __typename: "Citizen", id: DEMO.authorities.odense })) },
    });
    const tooMany = await post(platform.subgraphs.party.url, many);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", message: { da: expect.stringContaining("1000"), en: expect.stringContaining("1000") } });
  });

  it("refuses a call straight to a subgraph without a valid token, _entities included", async () => {
    const consentId = await requestSeafarerConsent();
    const direct = (body: object, token?: string) =>
      fetch(platform.subgraphs.consent.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(signedAsGateway(platform, body as never)),
      }).then((response) => response.json());
    const entities = {
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Consent { id status } } }`,
      variables: { r: [{ __typename: "Consent", id: consentId }] },
    };
    const anonymous = await direct(entities);
    expect(anonymous.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data?._entities?.[0] ?? null).toBeNull();
    const forged = await direct(entities, "eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoic3lzdGVtIn0.AAAA");
    expect(forged.errors[0].extensions.code).toBe("UNAUTHENTICATED");
    const partyAnonymous = await fetch(platform.subgraphs.party.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(signedAsGateway(platform, { query: `{ citizen(cpr: "${OLE}") { name } }` })),
    }).then((response) => response.json());
    expect(partyAnonymous.errors[0].extensions.code).toBe("UNAUTHENTICATED");

    // A draft is its authority's own, straight at the template subgraph too.
    const odense = await platform.caseworker("odense");
    const draft = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: { authorityId: DEMO.authorities.odense, key: "odense-kladde", title: { da: "Kladde", en: "Draft" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS, defaultValidityDays: 30 },
    });
    const draftEntities = (token: string | null) =>
      fetch(platform.subgraphs.template.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(
          signedAsGateway(platform, {
            query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on ConsentTemplate { id title { da } } } }`,
            variables: { r: [{ __typename: "ConsentTemplate", id: draft.data.createTemplate.id }] },
          }),
        ),
      }).then((response) => response.json());
    const byCitizen = await draftEntities((await platform.citizen(OLE)).token);
    expect(byCitizen.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(byCitizen.data?._entities?.[0] ?? null).toBeNull();
    const byAuthor = await draftEntities(odense.token);
    expect(byAuthor.data._entities[0].title.da).toBe("Kladde");
  });

  it("issues tokens over HTTP: client credentials for a case system, refused with a wrong secret", async () => {
    const token = async (secret: string) =>
      fetch(platform.devLogin!.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO.caseSystems.skattestyrelsen, client_secret: secret }),
      });
    expect((await token("wrong")).status).toBe(401);
    const granted = await (await token(DEMO.caseSystemSecret)).json();
    const system = platform.withToken(granted.access_token);
    const check = await system.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "soefarende-skattedata-tredjepart") { valid reason } }`, { cpr: OLE });
    expect(check.errors).toBeUndefined();
    expect(check.data.consentCheck.valid).toBe(false);
  });

  it("gives the platform's own client a token that opens only what is public, refused with a wrong secret", async () => {
    const token = async (secret: string) =>
      fetch(platform.devLogin!.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: PLATFORM_CLIENT.id, client_secret: secret }),
      });
    expect((await token("wrong")).status).toBe(401);
    const own = platform.withToken((await (await token(PLATFORM_CLIENT.secret)).json()).access_token);
    const named = await own.graphql(`query($id: ID!) { authority(id: $id) { name } }`, { id: DEMO.authorities.odense });
    expect(named.data.authority.name).toBe("Odense Kommune");
    // No person and no authority: nothing about a citizen or a consent.
    expect((await own.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { name } }`, { cpr: OLE })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await own.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "soefarende-skattedata-tredjepart") { valid } }`, { cpr: OLE })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await own.graphql(`{ consents(first: 1) { edges { node { id } } } }`)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("runs the authorization code flow with PKCE that the SPAs use, and refuses a wrong verifier", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const redirectUri = "http://127.0.0.1:5999/callback";
    const params = {
      client_id: "web-citizen",
      redirect_uri: redirectUri,
      response_type: "code",
      code_challenge: challenge,
      code_challenge_method: "S256",
      state: "s1",
    };
    const page = await fetch(`${platform.devLogin!.authorizeUrl}?${new URLSearchParams(params)}`);
    expect(await page.text()).toContain("TESTLOGIN");
    const login = async () => {
      const response = await fetch(platform.devLogin!.authorizeUrl, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ ...params, person: SOFIE, level: "SUBSTANTIAL" }),
      });
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get("location")!);
      expect(location.searchParams.get("state")).toBe("s1");
      return location.searchParams.get("code")!;
    };
    const exchange = (code: string, codeVerifier: string) =>
      fetch(platform.devLogin!.tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: codeVerifier, client_id: "web-citizen", redirect_uri: redirectUri }),
      });
    expect((await exchange(await login(), "not-the-verifier")).status).toBe(400);
    const granted = await (await exchange(await login(), verifier)).json();
    const me = await platform.withToken(granted.access_token).graphql(`{ me { name } }`);
    expect(me.data.me.name).toBe("Sofie Hansen");
  });
});

describe("who may do what with a consent", () => {
  it("lets the citizen read and give their own consent, and no other citizen or authority see it", async () => {
    const id = await requestSeafarerConsent();
    const ole = await platform.citizen(OLE);
    const karen = await platform.citizen(KAREN);
    const odense = await platform.caseworker("odense");
    const read = `query($id: ID!) { consent(id: $id) { id status } }`;
    expect((await ole.graphql(read, { id })).data.consent.status).toBe("REQUESTED");
    expect((await karen.graphql(read, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await odense.graphql(read, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const give = `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status } }`;
    const answers = [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: false }];
    expect((await karen.graphql(give, { id, answers })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const given = await giveWithYesToAll(ole, id, "status signatures { method assuranceLevel loginTransactionId signer { name } }");
    expect(given.errors).toBeUndefined();
    expect(given.data.giveConsent).toMatchObject({
      status: "ACTIVE",
      signatures: [{ method: "DIGITAL", assuranceLevel: "SUBSTANTIAL", loginTransactionId: expect.any(String), signer: { name: "Ole Sømand Pedersen" } }],
    });
  });

  it("refuses to give, decline or withdraw on a login below substantial, and says which level is needed", async () => {
    const id = await requestSeafarerConsent();
    const weak = await platform.citizen(OLE, AssuranceLevel.LOW);
    const result = await giveWithYesToAll(weak, id);
    expect(result.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "ASSURANCE_LEVEL", requiredLevel: "SUBSTANTIAL" });
    const declined = await weak.graphql(`mutation($id: ID!) { declineConsent(id: $id) { status } }`, { id });
    expect(declined.errors![0]!.extensions!.reason).toBe("ASSURANCE_LEVEL");
    const still = await (await platform.citizen(OLE)).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    expect(still.data.consent.status).toBe("REQUESTED");
  });

  it("takes a signing step to give: a plain login is refused once the answers are valid, and nothing changes", async () => {
    const id = await requestSeafarerConsent();
    const loggedIn = await platform.citizen(OLE, AssuranceLevel.SUBSTANTIAL, { signing: false });
    const give = `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status } }`;
    // Wrong answers are told first, so the app never sends a citizen to sign something that fails.
    const unanswered = await loggedIn.graphql(give, { id, answers: [] });
    expect(unanswered.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const answers = [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: false }];
    const unsigned = await loggedIn.graphql(give, { id, answers });
    expect(unsigned.errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN", reason: "SIGNING_REQUIRED", message: { da: expect.stringContaining("Underskriv") } });
    expect((await loggedIn.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id })).data.consent.status).toBe("REQUESTED");
    // Declining and withdrawing take no more than the login: never harder than giving.
    const signer = await platform.citizen(OLE);
    expect((await signer.graphql(give, { id, answers })).data.giveConsent.status).toBe("ACTIVE");
    expect((await loggedIn.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id })).data.withdrawConsent.status).toBe("WITHDRAWN");
  });

  it("lets an attorney give for the grantor towards the authority the power covers, recorded as on behalf", async () => {
    const id = await requestSeafarerConsent();
    const sofie = await platform.citizen(SOFIE);
    const given = await giveWithYesToAll(sofie, id, "status signatures { signer { name } onBehalfOf { name } }");
    expect(given.errors).toBeUndefined();
    expect(given.data.giveConsent).toEqual({ status: "ACTIVE", signatures: [{ signer: { name: "Sofie Hansen" }, onBehalfOf: { name: "Ole Sømand Pedersen" } }] });
    const mine = await sofie.graphql(`{ myConsents { id subject { name } } }`);
    expect(mine.data.myConsents).toContainEqual({ id, subject: { name: "Ole Sømand Pedersen" } });
    const history = await sofie.graphql(`query($id: ID!) { consent(id: $id) { history { action actorKind onBehalfOfId channel assuranceLevel } } }`, { id });
    expect(history.data.consent.history.at(-1)).toMatchObject({ action: "give", actorKind: "CITIZEN", onBehalfOfId: expect.any(String), channel: "DIGITAL", assuranceLevel: "SUBSTANTIAL" });
  });

  it("keeps one authority from another's consents: search, check, withdraw and subscribe", async () => {
    const id = await requestSeafarerConsent();
    await giveWithYesToAll(await platform.citizen(OLE), id);
    const odense = await platform.caseworker("odense");
    const skat = await platform.caseworker("skattestyrelsen");
    const search = `query($filter: ConsentFilter) { consents(filter: $filter, first: 100) { edges { node { id } } } }`;
    const theirs = await odense.graphql(search, { filter: { cpr: OLE } });
    expect(theirs.data.consents.edges).toEqual([]);
    const foreign = await odense.graphql(search, { filter: { authorityId: DEMO.authorities.skattestyrelsen } });
    expect(foreign.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const own = await skat.graphql(search, { filter: { cpr: OLE } });
    expect(own.data.consents.edges.map((edge: any) => edge.node.id)).toContain(id);
    const check = `query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "soefarende-skattedata-tredjepart") { valid } }`;
    expect((await odense.graphql(check, { cpr: OLE })).data.consentCheck.valid).toBe(false);
    expect((await skat.graphql(check, { cpr: OLE })).data.consentCheck.valid).toBe(true);
    const withdraw = `mutation($id: ID!, $reason: String) { withdrawConsent(id: $id, reason: $reason) { status } }`;
    expect((await odense.graphql(withdraw, { id, reason: "Borgeren ringede" })).errors![0]!.extensions!.code).toBe("NOT_FOUND");

    const odenseEvents = collect(odense.wsClient(), `subscription { consentStatusChanged(after: "0") { consent { id } } }`);
    const skatEvents = collect(skat.wsClient(), `subscription($id: ID) { consentStatusChanged(consentId: $id, after: "0") { status } }`, { id });
    const withoutReason = await skat.graphql(withdraw, { id });
    expect(withoutReason.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "reason" });
    const withdrawn = await skat.graphql(withdraw, { id, reason: "Borgeren bad om det i telefonen 23/11" });
    expect(withdrawn.data.withdrawConsent.status).toBe("WITHDRAWN");
    expect((await skatEvents.next(3)).map((event) => event.data.consentStatusChanged.status)).toEqual(["REQUESTED", "ACTIVE", "WITHDRAWN"]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(odenseEvents.events.flatMap((event) => event.data?.consentStatusChanged?.consent?.id ?? [])).not.toContain(id);
  });

  it("closes a socket whose token does not verify", async () => {
    const forged = platform.withToken("eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiY2l0aXplbiJ9.AAAA");
    const events = collect(forged.wsClient(), `subscription { consentStatusChanged { status } }`);
    await expect(events.next(1, 3_000)).rejects.toThrow(/4403|Forbidden/);
  });

  it("closes a live subscription when its token expires, with a code the client can act on", async () => {
    const staff = DEMO.staff.find((member) => member.authority === DEMO.authorities.odense)!;
    const shortLived = platform.withToken(await platform.devLogin!.issue({ role: "caseworker", caseworkerId: staff.caseworker, authorityId: staff.authority, lifetimeSeconds: 3 }));
    const socketsBefore = platform.gateway.openSockets();
    const outcome = new Promise<unknown>((resolve) => {
      shortLived.wsClient().subscribe({ query: "subscription { consentStatusChanged { cursor } }" }, { next: () => {}, error: resolve, complete: () => resolve("complete") });
    });
    const started = Date.now();
    const closed = (await outcome) as { code?: number; reason?: string };
    expect(closed).toMatchObject({ code: 4401, reason: "Login expired" });
    expect(Date.now() - started).toBeGreaterThan(1_000);
    await expect.poll(() => platform.gateway.openSockets()).toBe(socketsBefore);
  });

  it("takes a token sent only in the socket's upgrade header as the socket's login: verified, and closed when it expires", async () => {
    // Browsers cannot set the header; other clients can, and such a socket once counted as anonymous
    // at the gateway while the subgraph behind it acted on the token.
    const rawSocket = (authorization: string) => {
      const ws = new WebSocket(platform.gatewayUrl.replace(/^http/, "ws"), "graphql-transport-ws", { headers: { authorization } });
      const messages: any[] = [];
      ws.on("message", (data) => messages.push(JSON.parse(String(data))));
      const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: String(reason) })));
      ws.on("open", () => ws.send(JSON.stringify({ type: "connection_init", payload: {} })));
      return { ws, messages, closed };
    };
    const forged = rawSocket("Bearer eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiY2l0aXplbiJ9.AAAA");
    expect((await forged.closed).code).toBe(4403);

    const staff = DEMO.staff.find((member) => member.authority === DEMO.authorities.odense)!;
    const token = await platform.devLogin!.issue({ role: "caseworker", caseworkerId: staff.caseworker, authorityId: staff.authority, lifetimeSeconds: 3 });
    const started = Date.now();
    const shortLived = rawSocket(`Bearer ${token}`);
    await expect.poll(() => shortLived.messages.some((message) => message.type === "connection_ack"), { timeout: 3_000 }).toBe(true);
    shortLived.ws.send(JSON.stringify({ id: "1", type: "subscribe", payload: { query: "subscription { consentStatusChanged { cursor } }" } }));
    expect(await shortLived.closed).toEqual({ code: 4401, reason: "Login expired" });
    expect(Date.now() - started).toBeGreaterThan(1_000);
    expect(shortLived.messages.filter((message) => message.type === "error")).toEqual([]);
  });
});
