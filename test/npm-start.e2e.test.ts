import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { DEMO } from "@samtykke/server-kit";

// `npm start` as a user runs it, on a fresh machine without DATABASE_URL: embedded PostgreSQL in a
// data directory, demo data, every part's address printed (the development login's too), Ctrl-C
// stops it, and a second start keeps the data.

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// mkdtemp makes a 0700 folder: as root, the platform must still let PostgreSQL's user reach it.
const dataDir = mkdtempSync(join(tmpdir(), "samtykke-start-"));
const ports: Record<string, number> = {};
for (const name of ["GATEWAY_PORT", "PARTY_PORT", "TEMPLATE_PORT", "CONSENT_PORT", "WEB_CITIZEN_PORT", "WEB_AUTHORITY_PORT", "DEV_LOGIN_PORT", "EMBEDDED_POSTGRES_PORT"]) {
  ports[name] = await freePort();
}
const gatewayUrl = `http://127.0.0.1:${ports.GATEWAY_PORT}/graphql`;
const loginIssuer = `http://127.0.0.1:${ports.DEV_LOGIN_PORT}`;

const started: ChildProcess[] = [];
afterAll(() => {
  for (const child of started) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

function start(): Promise<{ child: ChildProcess; output: () => string }> {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", "packages/platform/src/start.ts"], {
    // As `npm start` runs it: the development login switched on explicitly.
    env: { ...env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])), DATA_DIR: dataDir, LOG_LEVEL: "warn", DEV_LOGIN: "on" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not started in time:\n${output}`)), 90_000);
    child.stdout!.on("data", () => {
      if (output.includes("Ctrl-C stops it")) {
        clearTimeout(timer);
        setTimeout(() => resolve({ child, output: () => output }), 200);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

function interrupt(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

/** The issuer of the development login, read from the line `npm start` prints for it. */
function printedIssuer(printed: string): string {
  const line = /^  development login +(\S+)\/authorize /m.exec(printed);
  if (!line) throw new Error(`no development login line in:\n${printed}`);
  return line[1]!;
}

/**
 * Signs in as a demo person (CPR number or caseworker id) over HTTP, as a script would. The login
 * makes a new key at every start, so a token lives only as long as the run that issued it.
 */
async function signIn(issuer: string, loginHint: string): Promise<string> {
  const response = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "urn:samtykke:dev-login", login_hint: loginHint }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function graphql(token: string | null, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: unknown[] };
}

describe("npm start", () => {
  let consentId = "";

  it("brings up every part on embedded PostgreSQL with demo data and prints where each is", async () => {
    const { child, output } = await start();
    const printed = output();
    expect(printed).toContain("initialising PostgreSQL");
    expect(printed).toContain("demo data added (party, template)");
    for (const [name, address] of [
      ["PostgreSQL \\(embedded\\)", `postgres://127.0.0.1:${ports.EMBEDDED_POSTGRES_PORT}`],
      ["party subgraph", `http://127.0.0.1:${ports.PARTY_PORT}/graphql`],
      ["template subgraph", `http://127.0.0.1:${ports.TEMPLATE_PORT}/graphql`],
      ["consent subgraph", `http://127.0.0.1:${ports.CONSENT_PORT}/graphql`],
      ["gateway", gatewayUrl],
      ["citizen SPA", `http://127.0.0.1:${ports.WEB_CITIZEN_PORT}/`],
      ["authority SPA", `http://127.0.0.1:${ports.WEB_AUTHORITY_PORT}/`],
      ["development login", `${loginIssuer}/authorize (TEST ONLY`],
    ]) {
      expect(printed).toMatch(new RegExp(`^  ${name} +${address!.replace(/[.?()]/g, "\\$&")}`, "m"));
    }
    expect((await fetch(new URL("/readiness", gatewayUrl))).status).toBe(200);
    const citizenPage = await fetch(`http://127.0.0.1:${ports.WEB_CITIZEN_PORT}/`);
    expect(await citizenPage.text()).toContain('<div id="root"');
    const config = await (await fetch(`http://127.0.0.1:${ports.WEB_AUTHORITY_PORT}/config.json`)).json();
    expect(config).toEqual({ gatewayUrl, login: { authorizeUrl: `${loginIssuer}/authorize`, tokenUrl: `${loginIssuer}/token`, clientId: "web-authority" } });

    // Published templates are public; the rest needs someone signed in at the printed login. Karen
    // looks herself up, as she sees every authority's consents to her and a caseworker only their own.
    const templates = await graphql(null, `{ templates { key } }`);
    expect(templates.data.templates).toHaveLength(3);
    const caseworker = await signIn(printedIssuer(printed), DEMO.caseworkers.odense);
    const karen = await graphql(await signIn(printedIssuer(printed), "0101804321"), `{ citizen(cpr: "0101804321") { consents { status templateKey } } }`);
    expect(karen.data.citizen.consents).toEqual([{ status: "ACTIVE", templateKey: "indhentning-videregivelse-oplysninger" }]);
    // The parental consent is asked about the child it concerns.
    const emil = await graphql(caseworker, `{ citizen(cpr: "0304214912") { consents { status templateKey } custodyHolders { name } } }`);
    expect(emil.data.citizen).toEqual({
      consents: [{ status: "REQUESTED", templateKey: "odense-boern-terapi" }],
      custodyHolders: [{ name: "Karen Jensen" }, { name: "Lars Nielsen" }],
    });
    const requested = await graphql(caseworker, `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.childTherapy, cpr: "0304214912" },
    });
    expect(requested.errors).toBeUndefined();
    consentId = requested.data.requestConsent.id;

    // Ctrl-C with a live subscriber, as with a browser open on one of the apps: it once took 30 s.
    const subscriber = createClient({
      url: gatewayUrl.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${caseworker}` },
    });
    const received: unknown[] = [];
    subscriber.subscribe({ query: `subscription { consentStatusChanged(after: "0") { status } }` }, { next: (event) => received.push(event), error: () => {}, complete: () => {} });
    await expect.poll(() => received.length).toBeGreaterThan(0);
    const interrupted = performance.now();
    expect(await interrupt(child)).toBe(0);
    expect(performance.now() - interrupted).toBeLessThan(5_000);
    await subscriber.dispose();
    await expect(fetch(gatewayUrl)).rejects.toThrow();
    await expect(fetch(`${loginIssuer}/jwks.json`)).rejects.toThrow();
  }, 120_000);

  it("keeps the data on a second start and does not seed over it", async () => {
    const { child, output } = await start();
    expect(output()).not.toContain("initialising PostgreSQL");
    expect(output()).toContain("existing data kept: no demo data added");
    const caseworker = await signIn(printedIssuer(output()), DEMO.caseworkers.odense);
    const consent = await graphql(caseworker, `query($id: ID!) { consent(id: $id) { status subject { name } } }`, { id: consentId });
    expect(consent.data.consent).toEqual({ status: "REQUESTED", subject: { name: "Emil Nielsen" } });
    const templates = await graphql(null, `{ templates { key } }`);
    expect(templates.data.templates).toHaveLength(3);
    const karen = await graphql(await signIn(printedIssuer(output()), "0101804321"), `{ citizen(cpr: "0101804321") { consents { id } } }`);
    expect(karen.data.citizen.consents).toHaveLength(1);
    expect(await interrupt(child)).toBe(0);
  }, 120_000);
});
