import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Browser, type Page, type WebSocketRoute } from "playwright-core";
import { DEMO } from "@samtykke/server-kit";
import { collectPageErrors, launchChromium } from "./support/browser.js";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// The two SPAs in Debian's Chromium against the real gateway: what a caseworker and a citizen see.

const DATA_SHARING = "Samtykke til indhentning og/eller videregivelse af personoplysninger";
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;

let platform: TestPlatform;
let odense: Caller;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];
const urlOf = (name: string) => platform.parts.find((part) => part.name === name)!.url;

beforeAll(async () => {
  platform = await startTestPlatform({ serveWeb: true });
  odense = await platform.caseworker("odense");
  browser = await launchChromium();
});
afterEach(() => {
  // An uncaught exception in any page fails the test it happened in.
  expect(pageErrors.splice(0)).toEqual([]);
});
afterAll(async () => {
  await Promise.all(pages.map((page) => page.close()));
  await browser?.close();
  await platform?.stop();
});

async function newPage(): Promise<Page> {
  // A Danish browser: the citizen app speaks the browser's language the first time.
  const page = await browser.newPage({ locale: "da-DK" });
  // Fail with the locator that did not appear, well inside the test's own timeout.
  page.setDefaultTimeout(8_000);
  await collectPageErrors(page, pageErrors);
  pages.push(page);
  return page;
}

/** Marks the page's window; the function returned answers false once the page has been reloaded or left. */
async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return () => page.evaluate(() => "notReloaded" in window);
}

/** Through the development login page, as a tester would: it says it is not MitID, then back to the app. */
async function signInOnLoginPage(page: Page, person: RegExp | string) {
  await page.getByText("TESTLOGIN – dette er ikke MitID", { exact: false }).waitFor();
  await page.getByRole("radio", { name: person }).check();
  await page.getByRole("button", { name: "Log ind / Sign in" }).click();
}

/** The caseworker app on its request page, signed in as Odense's caseworker. */
async function openAuthority(): Promise<Page> {
  const page = await newPage();
  await page.goto(new URL("/anmod", urlOf("authority SPA")).href);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await signInOnLoginPage(page, "Mette Sagsbehandler, Odense Kommune");
  await page.getByText("Logget ind som: Mette Sagsbehandler").waitFor();
  await expect.poll(() => page.getByLabel("Skabelon", { exact: true }).locator("option").count()).toBeGreaterThan(0);
  return page;
}

async function logIn(cpr: string, page?: Page): Promise<Page> {
  page ??= await newPage();
  await page.goto(urlOf("citizen SPA"));
  expect(await page.locator("html").getAttribute("lang")).toBe("da");
  await page.getByRole("button", { name: "Log ind med MitID" }).click();
  await signInOnLoginPage(page, new RegExp(`\\(${cpr.slice(0, 6)}-${cpr.slice(6)}\\)`));
  await page.getByRole("heading", { name: "Anmodninger, der venter på dit svar" }).waitFor();
  return page;
}

describe("the web apps", () => {
  it("let a caseworker request consent and a citizen give it, with both pages updating live", async () => {
    const authority = await openAuthority();
    expect(await authority.locator("html").getAttribute("lang")).toBe("da");
    const sameAuthorityPage = await markPage(authority);
    await authority.getByLabel("Skabelon", { exact: true }).selectOption({ label: `${DATA_SHARING} (v1)` });
    await authority.getByLabel("CPR-nummer").fill("2508920147");
    await authority.getByLabel("Sagsnummer (valgfrit)").fill("ODE-TEST-1");
    await authority.getByRole("button", { name: "Fortsæt" }).click();
    await authority.getByText("Anmodningen sendes til: Sofie Hansen (250892-xxxx)").waitFor();
    await authority.getByRole("button", { name: "Send anmodning" }).click();
    await authority.getByRole("status").filter({ hasText: "Anmodningen er sendt til Sofie Hansen." }).waitFor();
    await expect.poll(() => authority.getByLabel("CPR-nummer").inputValue()).toBe("");

    // In the list, which from now on follows every change by subscription, not by reloading.
    await authority.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Find samtykker" }).click();
    const row = authority.getByRole("row").filter({ hasText: "Sofie Hansen" });
    await row.getByRole("cell", { name: "Anmodet", exact: true }).waitFor();
    expect(await row.textContent()).toContain("ODE-TEST-1");
    expect(await row.textContent()).toContain(`${DATA_SHARING} (v1)`);

    const citizen = await logIn("2508920147");
    await citizen.getByText("Sofie Hansen (250892-xxxx)").waitFor();
    const listed = citizen.getByRole("article", { name: DATA_SHARING });
    await listed.getByText("Afventer dit svar").waitFor();
    await listed.getByText("Kommunen vil indhente og/eller videregive oplysninger om dig", { exact: false }).waitFor();
    await listed.getByText("Hvem spørger: Odense Kommune", { exact: false }).waitFor();
    await listed.getByRole("link", { name: DATA_SHARING }).click();
    const request = citizen.getByRole("main");
    // What a yes and a no mean is on the page before the citizen answers.
    await request.getByText("Din sag behandles på de oplysninger, kommunen allerede har.", { exact: false }).waitFor();
    await request.getByRole("button", { name: "Jeg vil svare ja – videre til mine valg" }).click();

    // Nothing is pre-ticked: going on without answering is refused with the first choice named.
    expect(await request.getByRole("radio", { checked: true }).count()).toBe(0);
    await request.getByRole("button", { name: "Videre til opsummering" }).click();
    await request.getByRole("alert").filter({ hasText: 'Svar ja eller nej til "Din arbejdsgiver"' }).waitFor();

    const obtainFrom = request.getByRole("group", { name: "Kommunen må indhente oplysninger fra" });
    await obtainFrom.getByRole("group", { name: "Din egen læge" }).getByRole("radio", { name: "Ja" }).check();
    for (const group of await request.getByRole("group").all()) {
      const yes = group.getByRole("radio", { name: "Ja" });
      if ((await yes.count()) === 1 && !(await yes.isChecked())) await group.getByRole("radio", { name: "Nej" }).check();
    }
    await request.getByRole("button", { name: "Videre til opsummering" }).click();
    await request.getByRole("button", { name: "Underskriv og giv samtykke" }).click();

    // Giving is signing: a MitID signing step for the signed-in citizen, apart from the login.
    await citizen.getByRole("heading", { name: "Underskriv med MitID" }).waitFor();
    await citizen.getByText("Du underskriver som Sofie Hansen", { exact: false }).waitFor();
    expect(citizen.url()).not.toContain("2508920147");
    await citizen.getByRole("button", { name: "Underskriv / Sign" }).click();

    await citizen.getByRole("heading", { name: "Kvittering: Du har givet samtykke" }).waitFor();
    await citizen.getByRole("link", { name: "Se samtykket" }).click();
    await citizen.getByRole("main").getByText("Aktivt", { exact: true }).waitFor();
    // The receipt for professionals: the sealed document, which the platform verifies as it was downloaded.
    await citizen.getByText("For fagfolk").click();
    const [download] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("button", { name: "Hent kvittering (forseglet dokument)" }).click()]);
    const receipt = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(receipt.format).toBe("samtykke.consent-document/1");
    const verified = await platform.graphql(`query($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict } }`, { document: receipt });
    expect(verified.data.verifyConsentDocument.verdict).toBe("VALID");
    // The same consent as an ISO/IEC TS 27560 receipt around its record.
    const [iso] = await Promise.all([citizen.waitForEvent("download"), citizen.getByRole("button", { name: "Hent som ISO 27560-kvittering" }).click()]);
    const isoReceipt = JSON.parse(await readFile((await iso.path())!, "utf8"));
    expect(isoReceipt.content.event.map((event: { event_state: string }) => event.event_state)).toEqual(["requested", "given"]);
    // The consent's page keeps the answers as given.
    const answer = (choice: string) => citizen.locator(".summary-list > div").filter({ has: citizen.getByRole("term").filter({ hasText: choice }) }).getByRole("definition");
    expect(await answer("Kommunen må indhente oplysninger fra: Din egen læge").textContent()).toBe("Ja");
    expect(await answer("Kommunen må videregive oplysninger til: Din egen læge").textContent()).toBe("Nej");
    const consentPage = citizen.url();
    const menu = citizen.getByRole("navigation", { name: "Hovedmenu" });
    await menu.getByRole("link", { name: "Forside" }).click();
    await citizen.getByText("Du har ingen anmodninger, der venter.").waitFor();

    // The request and the receipt reach the citizen's Digital Post, each a letter with the whole consent as a PDF.
    await menu.getByRole("link", { name: "Postkasse" }).click();
    const mailbox = citizen.getByRole("list", { name: "Din digitale post om samtykker" });
    await mailbox.getByText(`Anmodning om samtykke: ${DATA_SHARING}`).waitFor();
    const receiptLetter = mailbox.getByRole("listitem").filter({ hasText: `Kvittering: samtykke givet: ${DATA_SHARING}` });
    await receiptLetter.getByText("ulæst", { exact: false }).waitFor();
    const [letter] = await Promise.all([citizen.waitForEvent("download"), receiptLetter.getByRole("button", { name: /^Hent brevet \(PDF\)/ }).click()]);
    expect((await readFile((await letter.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
    await expect.poll(() => receiptLetter.textContent()).not.toContain("ulæst");

    // The caseworker's page was not touched: the subscription brought the change.
    await row.getByRole("cell", { name: "Aktivt", exact: true }).waitFor();
    expect(await authority.getByRole("row").filter({ hasText: "Sofie Hansen" }).count()).toBe(1);
    expect(await sameAuthorityPage()).toBe(true);
    // Announced to screen readers too.
    await authority.getByRole("status").filter({ hasText: "Status ændret: Sofie Hansen" }).waitFor({ state: "attached" });

    // The citizen sees who has used the consent: the request came from Odense's caseworker.
    await menu.getByRole("link", { name: "Hvem har brugt mine data" }).click();
    const used = citizen.getByRole("list", { name: "Hvem har brugt dine samtykker" });
    await used.getByText(`Odense Kommune bad om samtykket "${DATA_SHARING}"`, { exact: false }).waitFor();

    const consents = await odense.graphql(`{ citizen(cpr: "2508920147") { consents { status caseReference } } }`);
    expect(consents.data.citizen.consents).toEqual([{ status: "ACTIVE", caseReference: "ODE-TEST-1" }]);

    // Odense's case system checks the consent before it acts, so it must later confirm any stop.
    const odenseSystem = await platform.caseSystem("odense");
    const { id: consentId, templateKey } = (await odense.graphql(`{ citizen(cpr: "2508920147") { consents { id templateKey } } }`)).data.citizen.consents[0];
    expect((await odenseSystem.graphql(`query($key: String!) { consentCheck(cpr: "2508920147", templateKey: $key) { valid } }`, { key: templateKey })).data.consentCheck.valid).toBe(true);

    // Withdrawing: one button on the consent's page and a confirmation that says what it means; it reaches the caseworker live.
    await citizen.goto(consentPage);
    const given = citizen.getByRole("main");
    await citizen.getByRole("button", { name: "Træk samtykke tilbage" }).click();
    await citizen.getByRole("dialog", { name: "Vil du trække samtykket tilbage?" }).getByRole("button", { name: "Ja, træk samtykket tilbage" }).click();
    await citizen.getByRole("status").filter({ hasText: "Dit samtykke er trukket tilbage." }).waitFor();
    await given.getByText("Trukket tilbage", { exact: true }).first().waitFor();
    expect(await citizen.getByRole("button", { name: "Træk samtykke tilbage" }).count()).toBe(0);
    await row.getByRole("cell", { name: /^Trukket tilbage/ }).waitFor();

    // Both see that the case system has not yet confirmed it stopped; its confirmation reaches both live.
    const stops = citizen.getByRole("region", { name: "Er brugen stoppet?" });
    await stops.getByText("Endnu ikke bekræftet af Odense Børne- og Ungeforvaltningens sagssystem").waitFor();
    await row.getByText("Ikke bekræftet stoppet af: Odense Børne- og Ungeforvaltningens sagssystem").waitFor();
    expect((await odenseSystem.graphql(`mutation($id: ID!) { confirmConsentStopped(id: $id) { confirmedAt } }`, { id: consentId })).errors).toBeUndefined();
    await stops.getByText(/^Stoppet af Odense Børne- og Ungeforvaltningens sagssystem, /).waitFor();
    await row.getByText("Alle systemer har bekræftet, at de er stoppet").waitFor();
    expect(await sameAuthorityPage()).toBe(true);
  });

  it("lets a parent decline a request for their child, which declines it for both parents", async () => {
    await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: "0304214912" } });
    const parent = await logIn("0101804321");
    const request = parent.getByRole("article", { name: "Forældresamtykke til ergo- og fysioterapi for dit barn" });
    await request.getByText("Gælder: Emil Nielsen").waitFor();
    await request.getByRole("link", { name: "Forældresamtykke til ergo- og fysioterapi for dit barn" }).click();
    await parent.getByRole("button", { name: "Afvis" }).click();
    await parent.getByRole("dialog", { name: "Vil du afvise anmodningen?" }).getByRole("button", { name: "Ja, afvis anmodningen" }).click();
    await parent.getByRole("status").filter({ hasText: "Du har afvist anmodningen" }).waitFor();
    await parent.getByRole("link", { name: "Tilbage til forsiden" }).click();
    await parent.getByRole("article", { name: "Forældresamtykke til ergo- og fysioterapi for dit barn" }).getByText("Afvist", { exact: true }).waitFor();
    const consents = await odense.graphql(`{ citizen(cpr: "0304214912") { consents { status } } }`);
    expect(consents.data.citizen.consents).toEqual([{ status: "DECLINED" }]);
    await parent.close();
  });

  it("shows a parent a new request for their child the moment it is made, and speaks English on request", async () => {
    const citizen = await logIn("1203755678");
    await citizen.getByText("Du har ingen anmodninger, der venter.").waitFor();
    const sameCitizenPage = await markPage(citizen);

    await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: "0304214912" } });
    // Among the requests that wait (an earlier, declined one is in the history further down).
    const request = citizen.getByRole("region", { name: "Anmodninger, der venter på dit svar" }).getByRole("article", { name: "Forældresamtykke til ergo- og fysioterapi for dit barn" });
    await request.getByText("Afventer dit svar").waitFor();
    await citizen.getByRole("status").filter({ hasText: "Ny anmodning om samtykke" }).waitFor({ state: "attached" });
    expect(await sameCitizenPage()).toBe(true);

    await citizen.getByRole("button", { name: "English" }).click();
    expect(await citizen.locator("html").getAttribute("lang")).toBe("en");
    const english = citizen.getByRole("region", { name: "Requests awaiting your answer" }).getByRole("article", { name: "Parental consent to occupational and physiotherapy for your child" });
    await english.getByText("Awaiting your answer").waitFor();
    await english.getByText("Who is asking: Odense Kommune").waitFor();
    await citizen.getByRole("heading", { name: "Requests awaiting your answer" }).waitFor();
    expect(await citizen.getByText("Afventer dit svar").count()).toBe(0);

    await citizen.getByRole("button", { name: "Dansk" }).click();
    expect(await citizen.locator("html").getAttribute("lang")).toBe("da");
    await request.waitFor();
  });

  it("catches up after the live connection drops, resuming after the last event it saw", async () => {
    const citizen = await newPage();
    // Between the page and the gateway: forwards everything, and records what the page subscribes with.
    const sockets: WebSocketRoute[] = [];
    const subscribes: { socket: number; after: unknown }[] = [];
    await citizen.routeWebSocket(/\/graphql$/, (page) => {
      const socket = sockets.push(page) - 1;
      const gateway = page.connectToServer();
      page.onMessage((message) => {
        const parsed = JSON.parse(String(message));
        if (parsed.type === "subscribe") subscribes.push({ socket, after: parsed.payload.variables?.after });
        gateway.send(message);
      });
      page.onClose(() => gateway.close());
    });
    await logIn("1710681239", citizen);
    await citizen.getByText("Du har ingen anmodninger, der venter.").waitFor();
    await expect.poll(() => subscribes.length).toBe(1);
    const sameCitizenPage = await markPage(citizen);

    const requested = await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id history { cursor } } }`, { input: { templateId: DEMO.templates.dataSharing, cpr: "1710681239" } });
    await citizen.getByRole("article", { name: DATA_SHARING }).waitFor();
    // The last event the page saw: the request's.
    const lastSeen = requested.data.requestConsent.history.at(-1).cursor;

    // The connection drops; a request is made before the page is back (graphql-ws waits > 1 s to retry).
    await sockets[0]!.close({ code: 1001, reason: "dropped" });
    await (await platform.caseworker("skattestyrelsen")).graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } });

    await citizen.getByRole("article", { name: "Samtykke til deling af skatteoplysninger med din arbejdsgiver (søfarende)" }).waitFor({ timeout: 10_000 });
    expect(sockets.length).toBe(2);
    expect(subscribes.filter((subscribe) => subscribe.socket === 1).map((subscribe) => subscribe.after)).toContain(lastSeen);
    expect(await citizen.getByRole("article", { name: DATA_SHARING }).count()).toBe(1);
    expect(await sameCitizenPage()).toBe(true);
  });
  it("tells a citizen whose login ran out while the page was open to sign in again, and hides what was personal", async () => {
    const shortLived = await startTestPlatform({ serveWeb: true, tokenLifetimeSeconds: 8 });
    try {
      const page = await newPage();
      await page.goto(shortLived.parts.find((part) => part.name === "citizen SPA")!.url);
      await page.getByRole("button", { name: "Log ind med MitID" }).click();
      await signInOnLoginPage(page, /\(250892-0147\)/);
      await page.getByText("Sofie Hansen (250892-xxxx)").waitFor();
      await page.getByRole("alert").filter({ hasText: "Dit login er udløbet. Log ind igen for at fortsætte." }).waitFor({ timeout: 15_000 });
      await page.getByRole("button", { name: "Log ind med MitID" }).waitFor();
      expect(await page.getByText("Sofie Hansen (250892-xxxx)").count()).toBe(0);
    } finally {
      await shortLived.stop();
    }
  }, 60_000);

  it("serves both apps with headers that forbid framing and anything foreign, and the gateway lets in only the apps' origins", async () => {
    for (const name of ["citizen SPA", "authority SPA"]) {
      const app = await fetch(urlOf(name));
      const policy = app.headers.get("content-security-policy") ?? "";
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain(`connect-src 'self' ${new URL(platform.gatewayUrl).origin} ${platform.gatewayUrl.replace(/^http/, "ws").replace(/\/graphql$/, "")}`);
      expect(policy).not.toContain("unsafe");
      expect(app.headers.get("x-frame-options")).toBe("DENY");
      expect(app.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(app.headers.get("referrer-policy")).toBe("no-referrer");
      expect(app.headers.get("x-content-type-options")).toBe("nosniff");
      // HSTS only where the browser came over TLS, through a proxy that says so.
      expect(app.headers.get("strict-transport-security")).toBeNull();
      const behindTls = await fetch(urlOf(name), { headers: { "x-forwarded-proto": "https" } });
      expect(behindTls.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
      expect((await fetch(new URL("/config.json", urlOf(name)))).headers.get("content-security-policy")).toBe(policy);

      const preflight = (origin: string) =>
        fetch(platform.gatewayUrl, { method: "OPTIONS", headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" } });
      const appOrigin = new URL(urlOf(name)).origin;
      const allowed = await preflight(appOrigin);
      expect(allowed.headers.get("access-control-allow-origin")).toBe(appOrigin);
      expect(allowed.headers.get("access-control-allow-credentials")).toBeNull();
    }
    // Any other page: no CORS header, so the browser keeps the answer from it (before, any origin was reflected, with credentials).
    const foreign = await fetch(platform.gatewayUrl, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "POST" } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const foreignPost = await fetch(platform.gatewayUrl, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ query: "{ templates(first: 1) { id } }" }),
    });
    expect(foreignPost.headers.get("access-control-allow-origin")).toBeNull();

    // The policy refuses what it should in a real browser: a script from elsewhere does not run.
    const page = await newPage();
    await page.goto(urlOf("citizen SPA"));
    await page.getByRole("button", { name: "Log ind med MitID" }).waitFor();
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.injected = true";
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return "injected" in window;
    });
    expect(ran).toBe(false);
    expect(pageErrors.splice(0)).toEqual([expect.stringContaining("Content-Security-Policy refused inline (script-src")]);
  });
});
