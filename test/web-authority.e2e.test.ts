import { mkdir } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { birthday, cprBornOn, DEMO } from "@samtykke/server-kit";
import { seriousAxeViolations } from "./support/axe.js";
import { brokenIcons } from "./support/icons.js";
import { collectPageErrors, launchChromium } from "./support/browser.js";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// The caseworker app's pages in Debian's Chromium against the real gateway: the overview, finding a
// consent among hundreds, a consent's own page and its actions, requesting with the citizen's name
// confirmed, registering a paper form, a case system's link; each page checked with axe-core, at
// 360 px without horizontal scrolling, and photographed.

const DATA_SHARING = "Samtykke til indhentning og/eller videregivelse af personoplysninger";
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
const SCREENSHOTS = new URL("../docs/screenshots/authority/", import.meta.url);
const SOFIE = "2508920147";

let platform: TestPlatform;
let odense: Caller;
// The consent subgraph's clock, moved only by the test of what time does to an unanswered request.
const DAY = 24 * 60 * 60 * 1000;
let offset = 0;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];
const urlOf = (name: string) => platform.parts.find((part) => part.name === name)!.url;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  // Setting up 200 consents through the API is more than a caseworker's minute allows; it is not what is tested.
  const many = 1_000_000;
  platform = await startTestPlatform({
    serveWeb: true,
    gatewayLimits: { requestsPerMinute: { caseworker: many, citizen: many } },
    consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 200 },
  });
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

async function newPage(width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "da-DK" });
  page.setDefaultTimeout(8_000);
  await collectPageErrors(page, pageErrors);
  page.on("console", (message) => process.env.DEBUG_BROWSER && console.log(message.text()));
  pages.push(page);
  return page;
}

/** A citizen of the person-register stand-in nobody else in this file uses. */
let born = 0;
const freshCpr = () => cprBornOn(new Date(Date.UTC(1971, 0, 1 + born++)), "781");

async function request(cpr: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr, ...extra } });
  expect(result.errors).toBeUndefined();
  return result.data.requestConsent.id;
}

/** Opens `path` of the caseworker app as Odense's caseworker and waits for the page's heading. */
async function openAuthority(path = "/", heading: string | RegExp = "Overblik", page?: Page): Promise<Page> {
  page ??= await newPage();
  await page.goto(new URL(path, urlOf("authority SPA")).href);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await page.getByText("TESTLOGIN – dette er ikke MitID", { exact: false }).waitFor();
  await page.getByRole("radio", { name: "Mette Sagsbehandler, Odense Kommune" }).check();
  await page.getByRole("button", { name: "Log ind / Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  return page;
}

async function openCitizen(cpr: string, path: string): Promise<Page> {
  const page = await newPage();
  await page.goto(new URL(path, urlOf("citizen SPA")).href);
  await page.getByRole("button", { name: "Log ind med MitID" }).click();
  await page.getByText("TESTLOGIN – dette er ikke MitID", { exact: false }).waitFor();
  await page.getByRole("radio", { name: new RegExp(`\\(${cpr.slice(0, 6)}-${cpr.slice(6)}\\)`) }).check();
  await page.getByRole("button", { name: "Log ind / Sign in" }).click();
  return page;
}

/** axe finds nothing serious, every icon shows, and at 360 and 1280 px the page does not scroll sideways; both widths are photographed. */
async function checkAndPhotograph(page: Page, name: string) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await brokenIcons(page)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: new URL(`${name}-360.png`, SCREENSHOTS).pathname, fullPage: true, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: new URL(`${name}-1280.png`, SCREENSHOTS).pathname, fullPage: true, animations: "disabled", caret: "hide" });
}

describe("the caseworker app", () => {
  it("finds one consent among 200, pages and filters on the server, opens it and withdraws it for the citizen, which the citizen sees live", async () => {
    // 199 requests to other citizens, and Sofie's given consent on a case of its own.
    const others = Array.from({ length: 199 }, () => freshCpr());
    for (let i = 0; i < others.length; i += 20) await Promise.all(others.slice(i, i + 20).map((cpr, j) => request(cpr, { caseReference: `ODE-MANGE-${i + j}` })));
    const sofies = await request(SOFIE, { caseReference: "ODE-FIND-1" });
    const sofie = await platform.citizen(SOFIE);
    expect((await giveWithYesToAll(sofie, sofies)).errors).toBeUndefined();

    const authority = await openAuthority();
    await authority.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Find samtykker" }).click();
    await authority.getByRole("heading", { level: 1, name: "Find samtykker" }).waitFor();
    const total = Number((await authority.getByRole("status").filter({ hasText: /samtykker fundet/ }).textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThanOrEqual(200);
    const table = authority.getByRole("region", { name: "Tabel over samtykker" });
    expect(await table.getByRole("row").count()).toBe(26);
    const pager = authority.getByRole("navigation", { name: "Sider" });
    await pager.getByText(`Side 1 af ${Math.ceil(total / 25)}`).waitFor();
    const firstRow = await table.getByRole("row").nth(1).textContent();
    await pager.getByRole("link", { name: "Næste side" }).click();
    await pager.getByText(`Side 2 af ${Math.ceil(total / 25)}`).waitFor();
    await expect.poll(() => table.getByRole("row").nth(1).textContent()).not.toBe(firstRow);
    await checkAndPhotograph(authority, "find");

    // The citizen by CPR number: looked up, then named, and the number is in no address.
    await authority.getByLabel("Borgerens CPR-nummer").fill(SOFIE);
    await authority.getByRole("checkbox", { name: "Aktivt" }).check();
    await authority.getByRole("button", { name: "Søg", exact: true }).click();
    const searchForm = authority.getByRole("form", { name: "Søg og filtrér" });
    await searchForm.getByText("Sofie Hansen (250892-xxxx)").waitFor();
    await authority.getByRole("status").filter({ hasText: "1 samtykke fundet" }).waitFor();
    expect(authority.url()).not.toContain(SOFIE);
    expect(authority.url()).toContain("status=ACTIVE");
    // The search is in the address: it holds across a reload.
    await authority.reload();
    await authority.getByRole("status").filter({ hasText: "1 samtykke fundet" }).waitFor();
    expect(await authority.getByRole("checkbox", { name: "Aktivt" }).isChecked()).toBe(true);

    await table.getByRole("link", { name: "Sofie Hansen" }).click();
    await authority.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    const history = authority.getByRole("region", { name: "Samtykkets historik" });
    await history.getByText("Givet (Aktivt)").waitFor();
    await authority.getByText("Indholdet er uændret siden underskriften.").waitFor();
    // Who asked, by name; and the sealed document checked as a recipient of it would.
    await history.getByRole("row").filter({ hasText: "Anmodning sendt" }).getByText("Sagsbehandler: Mette Sagsbehandler").waitFor();
    await authority.getByRole("button", { name: "Kontrollér det forseglede dokument" }).click();
    await authority.getByRole("status").filter({ hasText: "Dokumentet er ægte og uændret" }).waitFor();
    await checkAndPhotograph(authority, "consent");

    // The citizen has the consent's page open while the caseworker withdraws it for them.
    const citizen = await openCitizen(SOFIE, `/samtykker/${sofies}`);
    await citizen.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    await citizen.getByRole("main").getByText("Aktivt", { exact: true }).first().waitFor();

    await authority.getByRole("button", { name: "Træk tilbage for borgeren" }).click();
    const dialog = authority.getByRole("dialog", { name: "Træk samtykket tilbage for borgeren?" });
    await dialog.getByText("Samtykket holder op med at gælde med det samme.", { exact: false }).waitFor();
    expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
    // Without saying how the citizen asked, nothing is sent.
    await dialog.getByRole("button", { name: "Ja, træk samtykket tilbage" }).click();
    await dialog.getByText("Skriv, hvordan borgeren bad om det.").waitFor();
    expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: sofies })).data.consent.status).toBe("ACTIVE");
    await dialog.getByLabel("Hvordan bad borgeren om det?").fill("Borgeren ringede 2. december og bad om det.");
    await dialog.getByRole("button", { name: "Ja, træk samtykket tilbage" }).click();
    await authority.getByRole("status").filter({ hasText: "Samtykket er trukket tilbage." }).waitFor();
    await history.getByText("Trukket tilbage (Trukket tilbage)").waitFor();
    await history.getByText("Borgeren ringede 2. december og bad om det.").waitFor();
    expect(await authority.getByRole("button", { name: "Træk tilbage for borgeren" }).count()).toBe(0);

    // The citizen's page follows without a reload.
    await citizen.getByRole("main").getByText("Trukket tilbage", { exact: true }).first().waitFor();
    const stored = (await odense.graphql(`query($id: ID!) { consent(id: $id) { status history { action actorKind reason } } }`, { id: sofies })).data.consent;
    expect(stored.status).toBe("WITHDRAWN");
    expect(stored.history.at(-1)).toEqual({ action: "withdraw", actorKind: "CASEWORKER", reason: "Borgeren ringede 2. december og bad om det." });
  }, 120_000);

  it("pauses, resumes and closes a consent's case, and cancels a request, each after a dialog that says what it does", async () => {
    const cpr = freshCpr();
    const given = await request(cpr, { caseReference: "ODE-HANDLING-1" });
    const waiting = await request(freshCpr(), { caseReference: "ODE-HANDLING-2" });
    expect((await giveWithYesToAll(await platform.citizen(cpr), given)).errors).toBeUndefined();
    const authority = await openAuthority(`/samtykker/${given}`, DATA_SHARING);
    const act = async (button: string, dialogTitle: string, done: string, reason?: string) => {
      await authority.getByRole("button", { name: button, exact: true }).click();
      const dialog = authority.getByRole("dialog", { name: dialogTitle });
      await dialog.waitFor();
      expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
      if (reason) await dialog.getByLabel("Hvordan bad borgeren om det?").fill(reason);
      await dialog.getByRole("button", { name: button, exact: true }).click();
      await authority.getByRole("status").filter({ hasText: done }).waitFor();
    };
    await act("Sæt på pause", "Sæt samtykket på pause?", "Samtykket er sat på pause.", "Borgeren bad om en pause på mødet i dag.");
    expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: given })).data.consent.status).toBe("PAUSED");
    await act("Genoptag", "Genoptag samtykket?", "Samtykket er genoptaget.", "Borgeren ringede og bad om at genoptage det.");
    const history = authority.getByRole("region", { name: "Samtykkets historik" });
    await history.getByText("Borgeren bad om en pause på mødet i dag.").waitFor();
    await act("Luk sagen ODE-HANDLING-1", "Luk sagen ODE-HANDLING-1?", "Sagen er lukket.");
    await authority.getByText("Samtykket er afsluttet. Der er ingen handlinger.").waitFor();
    expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: given })).data.consent.status).toBe("CLOSED");

    await authority.goto(new URL(`/samtykker/${waiting}`, urlOf("authority SPA")).href);
    await authority.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    // A dialog that is cancelled changes nothing.
    await authority.getByRole("button", { name: "Annullér anmodningen", exact: true }).click();
    await authority.getByRole("dialog", { name: "Annullér anmodningen?" }).getByRole("button", { name: "Fortryd" }).click();
    expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: waiting })).data.consent.status).toBe("REQUESTED");
    await act("Annullér anmodningen", "Annullér anmodningen?", "Anmodningen er annulleret.");
    expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: waiting })).data.consent.status).toBe("CANCELLED");
  });

  it("shows the citizen's name and what they will see before a request is sent, so a mistyped CPR number reaches no stranger; done with the keyboard alone", async () => {
    const authority = await openAuthority("/anmod", "Anmod om samtykke");
    const countBefore = (await odense.graphql(`{ consents(filter: { cpr: "${SOFIE}" }) { totalCount } }`)).data.consents.totalCount;
    // The template is found by typing words of its title; the list narrows to it.
    await authority.getByLabel("Søg efter skabelon").focus();
    await authority.keyboard.type("videregivelse personoplysninger");
    await authority.getByRole("status").filter({ hasText: "1 skabelon passer" }).waitFor();
    expect(await authority.getByLabel("Skabelon", { exact: true }).locator("option").allTextContents()).toEqual([`${DATA_SHARING} (v1)`]);
    await authority.getByLabel("Besked til borgeren (valgfri)").focus();
    await authority.keyboard.type("Ring til mig, hvis du har spørgsmål. Hilsen Mette");
    // One digit off: someone else.
    await authority.getByLabel("CPR-nummer").focus();
    await authority.keyboard.type("2508920148");
    await authority.keyboard.press("Tab");
    await authority.keyboard.type("ODE-ANMOD-1");
    await authority.keyboard.press("Enter");
    const confirm = authority.getByRole("region", { name: "Kontrollér og send" });
    await confirm.getByText(/^Anmodningen sendes til: /).waitFor();
    expect(await confirm.getByText(/^Anmodningen sendes til: /).textContent()).not.toContain("Sofie Hansen");
    // What the citizen sees, in Danish and in English.
    const preview = authority.getByRole("region", { name: "Det ser borgeren" });
    await preview.getByText(DATA_SHARING).waitFor();
    await preview.getByRole("button", { name: "English" }).click();
    expect(await preview.locator("[lang=en]").count()).toBe(1);
    await confirm.getByText("Ring til mig, hvis du har spørgsmål. Hilsen Mette").waitFor();
    await checkAndPhotograph(authority, "request-confirm");
    // Back to correct it, with the keyboard: nothing was sent.
    await confirm.getByRole("button", { name: "Ret oplysningerne" }).focus();
    await authority.keyboard.press("Enter");
    const cpr = authority.getByLabel("CPR-nummer");
    expect(await cpr.inputValue()).toBe("2508920148");
    await cpr.fill(SOFIE);
    await cpr.press("Enter");
    await confirm.getByText("Anmodningen sendes til: Sofie Hansen (250892-xxxx)").waitFor();
    await confirm.getByRole("button", { name: "Send anmodning" }).focus();
    await authority.keyboard.press("Enter");
    const sent = authority.getByRole("status").filter({ hasText: "Anmodningen er sendt til Sofie Hansen." });
    await sent.waitFor();
    // Focus stays where the work is, not at the top of the page.
    await expect.poll(() => sent.evaluate((element) => element === document.activeElement)).toBe(true);
    const after = (await odense.graphql(`{ consents(filter: { cpr: "${SOFIE}" }) { totalCount edges { node { id caseReference message } } } }`)).data.consents;
    expect(after.totalCount).toBe(countBefore + 1);
    expect(after.edges[0].node).toMatchObject({ caseReference: "ODE-ANMOD-1", message: "Ring til mig, hvis du har spørgsmål. Hilsen Mette" });
    // The citizen reads the caseworker's words with the request.
    const citizen = await openCitizen(SOFIE, `/anmodninger/${after.edges[0].node.id}`);
    await citizen.getByText("Besked fra Odense Kommune").waitFor();
    await citizen.getByText("Ring til mig, hvis du har spørgsmål. Hilsen Mette").waitFor();
    expect(await seriousAxeViolations(citizen)).toEqual([]);
    expect(await (await odense.graphql(`{ consents(filter: { caseReference: "ODE-ANMOD-1" }) { totalCount } }`)).data.consents.totalCount).toBe(1);
  });

  it("lists every problem of a request in an error summary that takes focus and links to its field, keeping what was typed", async () => {
    const authority = await openAuthority("/anmod", "Anmod om samtykke");
    const before = (await odense.graphql(`{ consents { totalCount } }`)).data.consents.totalCount;
    await authority.getByLabel("CPR-nummer").fill("3213804321");
    await authority.getByRole("button", { name: "Fortsæt" }).click();
    const summary = authority.getByRole("alert").filter({ hasText: "Der er problemer" });
    await summary.getByRole("link", { name: "Ugyldigt CPR-nummer: de første seks cifre er ikke en gyldig dato", exact: false }).waitFor();
    await expect.poll(() => summary.evaluate((element) => element === document.activeElement)).toBe(true);
    const cpr = authority.getByLabel("CPR-nummer");
    expect(await cpr.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => cpr.evaluate((input) => document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent)).toContain("Ugyldigt CPR-nummer");
    await summary.getByRole("link").click();
    await expect.poll(() => cpr.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await cpr.inputValue()).toBe("3213804321");
    expect(await seriousAxeViolations(authority)).toEqual([]);
    expect((await odense.graphql(`{ consents { totalCount } }`)).data.consents.totalCount).toBe(before);
  });

  it("shows on the overview what waits on citizens and what is about to expire, updated live", async () => {
    const cpr = freshCpr();
    const waiting = await request(cpr, { caseReference: "ODE-OVERBLIK-1" });
    const authority = await openAuthority();
    const waitingList = authority.getByRole("region", { name: /^Venter på borgerens svar/ });
    const heading = authority.getByRole("heading", { name: /^Venter på borgerens svar \(\d+\)$/ });
    const count = async () => Number((await heading.textContent())!.match(/\((\d+)\)/)![1]);
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await authority.getByRole("region", { name: /^Udløber inden for 30 dage/ }).waitFor();
    await authority.getByRole("table", { name: "Antal samtykker efter status" }).getByRole("link", { name: /^Anmodet: \d+$/ }).waitFor();
    await checkAndPhotograph(authority, "overview");
    expect(await waitingList.count()).toBe(1);

    // The oldest-first list links to the request; its page reminds the citizen, once a day.
    await authority.goto(new URL(`/samtykker/${waiting}`, urlOf("authority SPA")).href);
    await authority.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    await authority.getByRole("button", { name: "Send en påmindelse" }).click();
    const remind = authority.getByRole("dialog", { name: "Send en påmindelse til borgeren?" });
    await remind.getByText("Du kan sende én påmindelse om dagen.", { exact: false }).waitFor();
    expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
    await remind.getByRole("button", { name: "Send en påmindelse" }).click();
    await authority.getByRole("status").filter({ hasText: "Påmindelsen er sendt." }).waitFor();
    await authority.getByRole("region", { name: "Samtykkets historik" }).getByText("Påmindelse sendt (Anmodet)").waitFor();
    await authority.getByRole("button", { name: "Send en påmindelse" }).click();
    await authority.getByRole("dialog", { name: "Send en påmindelse til borgeren?" }).getByRole("button", { name: "Send en påmindelse" }).click();
    await authority.getByRole("alert").filter({ hasText: "Borgeren har fået en påmindelse inden for det seneste døgn." }).waitFor();
    // Who has used the request: the caseworker who asked and reminded, and every read.
    const accessLog = authority.getByRole("region", { name: "Hvem har brugt samtykket" });
    await accessLog.getByRole("row").filter({ hasText: "Læste" }).first().waitFor();
    expect(await accessLog.getByRole("row").filter({ hasText: "Påmindelse sendt" }).count()).toBeGreaterThanOrEqual(1);
    await authority.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Overblik" }).click();
    await heading.waitFor();

    // The citizen answers; the count falls and the change shows at the top, with no reload.
    const citizen = await platform.citizen(cpr);
    expect((await giveWithYesToAll(citizen, waiting)).errors).toBeUndefined();
    await expect.poll(count).toBe(before - 1);
    await authority.getByText("Ændret lige nu").waitFor();
    await authority.getByRole("link", { name: "Se samtykket" }).click();
    await authority.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    expect(authority.url()).toContain(`/samtykker/${waiting}`);
  });

  it("opens on one citizen from a case system's link whose CPR number is in the fragment, which no server and no address ever sees", async () => {
    const page = await newPage();
    const requested: string[] = [];
    const operations: Record<string, unknown>[] = [];
    page.on("request", (req) => {
      requested.push(req.url());
      if (req.method() === "POST" && req.url().endsWith("/graphql")) operations.push(req.postDataJSON());
    });
    await openAuthority(`/samtykker#cpr=${SOFIE}`, "Find samtykker", page);
    await page.getByRole("form", { name: "Søg og filtrér" }).getByText("Sofie Hansen (250892-xxxx)").waitFor();
    expect(page.url()).toContain("borger=");
    expect(page.url()).not.toContain(SOFIE);
    expect(requested.filter((url) => url.includes(SOFIE) || url.includes("250892"))).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem("samtykke.authority.openCitizen"))).toBeNull();
    // The app sends its operations by the hash they were built with, never their text.
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      expect(operation).not.toHaveProperty("query");
      expect(operation).toMatchObject({ extensions: { persistedQuery: { sha256Hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) } } });
    }
  });

  it("shows no validity on a withdrawn consent, lets the table scroll by keyboard on a phone, and keeps the chosen language", async () => {
    const cpr = freshCpr();
    const id = await request(cpr, { caseReference: "ODE-TILBAGE-1" });
    const citizen = await platform.citizen(cpr);
    expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    expect((await citizen.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id })).errors).toBeUndefined();

    const authority = await openAuthority("/samtykker?sag=ODE-TILBAGE-1", "Find samtykker");
    await authority.setViewportSize({ width: 360, height: 800 });
    const row = authority.getByRole("row").filter({ hasText: "ODE-TILBAGE-1" });
    await row.getByRole("cell", { name: "Trukket tilbage", exact: true }).waitFor();
    expect(await row.getByRole("cell").last().textContent()).toBe("–");
    const table = authority.getByRole("region", { name: "Tabel over samtykker" });
    await table.focus();
    expect(await table.evaluate((element) => element === document.activeElement && element.scrollWidth > element.clientWidth)).toBe(true);
    await authority.keyboard.press("ArrowRight");
    await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await authority.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Its page says when its data is erased: the template's retention after it was withdrawn.
    await row.getByRole("link").first().click();
    await authority.getByLabel("Oplysninger om samtykket").getByText(/^\d+\. \w+ \d{4}: svar, underskrifter, scanninger, breve og koblingen til borgeren slettes/).waitFor();
    await checkAndPhotograph(authority, "consent-withdrawn-erase-date");
    await authority.goBack();
    await row.getByRole("cell", { name: "Trukket tilbage", exact: true }).waitFor();

    await authority.getByRole("button", { name: "English" }).click();
    await authority.getByRole("heading", { level: 1, name: "Find consents" }).waitFor();
    await authority.reload();
    await authority.getByRole("heading", { level: 1, name: "Find consents" }).waitFor();
    expect(await authority.locator("html").getAttribute("lang")).toBe("en");
  });

  it("authors a template in Danish and English with its readability shown, previews, publishes, and asks holders of the old version to consent again", async () => {
    const authority = await openAuthority("/skabeloner", "Skabeloner");
    await authority.getByRole("heading", { level: 2, name: DATA_SHARING }).waitFor();
    await checkAndPhotograph(authority, "templates");
    await authority.getByRole("link", { name: "Ny skabelon" }).click();
    await authority.getByRole("heading", { level: 1, name: "Ny skabelon" }).waitFor();
    const editor = authority.getByRole("form", { name: "Skabelonens tekster og regler" });
    await editor.getByLabel("Nøgle", { exact: true }).fill("odense-hjemmepleje");
    const texts: Record<string, [string, string]> = {
      Titel: ["Samtykke til hjemmepleje", "Consent to home care"],
      Formål: ["Vi vil hjælpe dig i dit hjem, når du har brug for det.", "We want to help you at home when you need it."],
      "Hvilke oplysninger": ["Dit helbred.", "Your health."],
      Hvem: ["Kommunen.", "The municipality."],
      "Hvis borgeren siger ja": ["Du får hjælp.", "You get help."],
      "Hvis borgeren siger nej": ["Du får ikke hjælp.", "You get no help."],
      "Sådan trækkes samtykket tilbage": ["Ring til os.", "Call us."],
    };
    for (const [group, [da, en]] of Object.entries(texts)) {
      const fields = editor.getByRole("group", { name: group, exact: true });
      await fields.getByLabel("På dansk").fill(da);
      await fields.getByLabel("På engelsk").fill(en);
    }
    // A hard Danish text is flagged as it is typed; a plain one is not.
    const purpose = editor.getByRole("group", { name: "Formål", exact: true }).getByLabel("På dansk");
    await purpose.fill("Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning");
    await editor.getByRole("group", { name: "Formål", exact: true }).getByText("Svær at læse: LIX 93.", { exact: false }).waitFor();
    expect(await purpose.getAttribute("aria-describedby")).toContain("tpl-purpose-da-lix");
    await purpose.fill("Vi vil hjælpe dig i dit hjem, når du har brug for det.");
    await editor.getByRole("group", { name: "Formål", exact: true }).getByText("Læsbarhed: LIX 13").waitFor();
    expect(await editor.getByText(/^Svær at læse/).count()).toBe(0);
    await editor.getByRole("button", { name: "Tilføj et valg" }).click();
    const choice = editor.getByRole("group", { name: "Valg 1" });
    await choice.getByLabel("Nøgle (a-z, tal og bindestreg)").fill("egen-laege");
    await choice.getByLabel("Tekst (På dansk)").fill("Din egen læge");
    await choice.getByLabel("Tekst (På engelsk)").fill("Your own doctor");
    // The preview follows the editor, in Danish and in English.
    const preview = authority.getByRole("region", { name: "Det ser borgeren" });
    await preview.getByText("Vi vil hjælpe dig i dit hjem, når du har brug for det.").waitFor();
    await preview.getByText("Din egen læge").waitFor();
    await preview.getByRole("button", { name: "English" }).click();
    await preview.getByText("We want to help you at home when you need it.").waitFor();
    await checkAndPhotograph(authority, "template-editor");

    // A title left empty in Danish is refused by the API, listed in the summary that links to the field.
    const title = editor.getByRole("group", { name: "Titel", exact: true }).getByLabel("På dansk");
    await title.fill(" ");
    await editor.getByRole("button", { name: "Gem kladde" }).click();
    const summary = authority.getByRole("alert").filter({ hasText: "Der er problemer" });
    await summary.getByRole("link", { name: /title \(da\)/ }).click();
    await expect.poll(() => title.evaluate((input) => input === document.activeElement)).toBe(true);
    await title.fill("Samtykke til hjemmepleje");
    // Kept after the end for less than the 30 days a citizen needs to fetch their receipt: refused, and
    // linked; all with the keyboard alone.
    const retention = editor.getByLabel("Opbevaring efter ophør (dage)");
    expect(await retention.inputValue()).toBe("1095");
    const save = editor.getByRole("button", { name: "Gem kladde" });
    await retention.focus();
    await authority.keyboard.press("Control+A");
    await authority.keyboard.type("20");
    await save.focus();
    await authority.keyboard.press("Enter");
    const refusal = summary.getByRole("link", { name: /Opbevaringstiden efter ophør skal være 30-1825 dage/ });
    await refusal.focus();
    await authority.keyboard.press("Enter");
    await expect.poll(() => retention.evaluate((input) => input === document.activeElement)).toBe(true);
    await authority.keyboard.press("Control+A");
    await authority.keyboard.type("400");
    expect(await retention.inputValue()).toBe("400");
    await save.focus();
    await authority.keyboard.press("Enter");
    await authority.getByRole("heading", { level: 1, name: "Samtykke til hjemmepleje (v1)" }).waitFor();
    await authority.getByText("Nøgle: odense-hjemmepleje · Kladde").waitFor();

    await authority.getByRole("button", { name: "Offentliggør version 1" }).click();
    const publish = authority.getByRole("dialog", { name: "Offentliggør version 1?" });
    expect(await publish.getByRole("checkbox").count()).toBe(0);
    await publish.getByRole("button", { name: "Offentliggør", exact: true }).click();
    await authority.getByRole("status").filter({ hasText: "Versionen er offentliggjort." }).waitFor();
    await authority.getByRole("region", { name: "Regler" }).getByText("400 dage efter ophør, derefter slettes oplysningerne").waitFor();
    const v1 = authority.url().split("/").at(-1)!;

    // A citizen gives consent on version 1.
    const cpr = freshCpr();
    const consentId = await request(cpr, { templateId: v1 });
    const citizen = await platform.citizen(cpr);
    expect((await giveWithYesToAll(citizen, consentId)).errors).toBeUndefined();

    // Version 2 starts from version 1's texts; the key stays.
    await authority.getByRole("link", { name: "Lav en ny version" }).click();
    await authority.getByRole("heading", { level: 1, name: "Ny version af odense-hjemmepleje" }).waitFor();
    expect(await editor.getByLabel("Nøgle", { exact: true }).inputValue()).toBe("odense-hjemmepleje");
    await editor.getByRole("group", { name: "Formål", exact: true }).getByLabel("På dansk").fill("Vi vil hjælpe dig i dit hjem, når du har brug for det, også om natten.");
    await editor.getByRole("button", { name: "Gem kladde" }).click();
    await authority.getByRole("heading", { level: 1, name: "Samtykke til hjemmepleje (v2)" }).waitFor();
    const diff = authority.getByRole("region", { name: "Ændringer i forhold til version 1" });
    await diff.locator("del").filter({ hasText: "Vi vil hjælpe dig i dit hjem, når du har brug for det." }).waitFor();
    await diff.locator("ins").filter({ hasText: "Vi vil hjælpe dig i dit hjem, når du har brug for det, også om natten." }).waitFor();

    await authority.getByRole("button", { name: "Offentliggør version 2" }).click();
    const publish2 = authority.getByRole("dialog", { name: "Offentliggør version 2?" });
    const askAgain = publish2.getByRole("checkbox", { name: "Bed de 1 borgere med et gældende samtykke på en ældre version om at give samtykke igen" });
    expect(await askAgain.isChecked()).toBe(true);
    expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
    await publish2.getByRole("button", { name: "Offentliggør", exact: true }).click();
    await authority.getByRole("status").filter({ hasText: "Versionen er offentliggjort. Borgerne bliver nu bedt om nyt samtykke" }).waitFor();
    // The campaign runs in the background; its progress and the answers follow on the page.
    const campaign = authority.getByRole("region", { name: "Nyt samtykke fra holdere af ældre versioner" });
    await campaign.getByText("1 af 1 holdere behandlet").waitFor();
    expect(await campaign.getByRole("progressbar").getAttribute("value")).toBe("1");
    const figure = (name: string) => campaign.locator(".summary-list > div").filter({ has: authority.getByRole("term").filter({ hasText: name }) }).getByRole("definition");
    await expect.poll(() => figure("Anmodninger sendt").textContent()).toBe("1");
    await expect.poll(() => figure("Ikke besvaret endnu").textContent()).toBe("1");
    const mine = (await citizen.graphql(`{ myConsents { id status templateVersion replacesConsentId } }`)).data.myConsents;
    const again = mine.find((consent: { replacesConsentId: string | null }) => consent.replacesConsentId === consentId);
    expect(again).toMatchObject({ status: "REQUESTED", templateVersion: 2 });
    expect((await giveWithYesToAll(citizen, again.id)).errors).toBeUndefined();
    await expect.poll(() => figure("Givet").textContent()).toBe("1");
    expect(await figure("Ikke besvaret endnu").textContent()).toBe("0");
    await checkAndPhotograph(authority, "template-campaign");

    // Retiring the version stops new requests on it; what was given on it stands.
    await authority.getByRole("button", { name: "Lad versionen udgå" }).click();
    const retire = authority.getByRole("dialog", { name: "Lad version 2 udgå?" });
    await retire.getByText("Samtykker givet på den gælder fortsat.", { exact: false }).waitFor();
    expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
    await retire.getByRole("button", { name: "Lad versionen udgå" }).click();
    await authority.getByRole("status").filter({ hasText: "Versionen er udgået." }).waitFor();
    await authority.getByText("Nøgle: odense-hjemmepleje · Udgået").waitFor();
  }, 60_000);

  it("shows each Danish text's LIX with a template and publishes a text over 55 only with a reason, done with the keyboard alone", async () => {
    const officialese = "Kommunens sagsbehandling forudsætter indhentning af helbredsoplysninger vedrørende ansøgerens funktionsevne og arbejdsmarkedstilknytning";
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: { authorityId: DEMO.authorities.odense, key: "odense-ui-lix", title: { da: "Samtykke til pleje", en: "Consent to care" }, purpose: { da: officialese, en: "To assess your case" }, ...TEMPLATE_TEXTS },
    });
    const authority = await openAuthority(`/skabeloner/${drafted.data.createTemplate.id}`, "Samtykke til pleje (v1)");
    const scores = authority.getByRole("region", { name: "Læsbarhed (LIX)" });
    const row = (name: string) => scores.getByRole("row").filter({ has: authority.getByRole("rowheader", { name, exact: true }) });
    await row("Formål").getByRole("cell", { name: "93", exact: true }).waitFor();
    await row("Formål").getByRole("cell", { name: "Meget svær: kræver begrundelse" }).waitFor();
    await row("Titel").getByRole("cell", { name: "For kort til at måle" }).waitFor();

    // Opened, filled in and sent from the keyboard: first without a reason, which the API refuses.
    const open = authority.getByRole("button", { name: "Offentliggør version 1" });
    await open.focus();
    await authority.keyboard.press("Enter");
    const dialog = authority.getByRole("dialog", { name: "Offentliggør version 1?" });
    const reason = dialog.getByRole("textbox", { name: "Begrundelse" });
    await dialog.getByText("1 af teksterne har LIX over 55.", { exact: false }).waitFor();
    expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
    const send = dialog.getByRole("button", { name: "Offentliggør", exact: true });
    await send.focus();
    await authority.keyboard.press("Enter");
    await dialog.getByText("Teksterne er svære at læse: formål (LIX 93).", { exact: false }).waitFor();
    expect((await odense.graphql(`query($id: ID!) { template(id: $id) { status } }`, { id: drafted.data.createTemplate.id })).data.template.status).toBe("DRAFT");
    await reason.focus();
    await authority.keyboard.type("Ordlyden følger serviceloven.");
    await send.focus();
    await authority.keyboard.press("Enter");
    await authority.getByRole("status").filter({ hasText: "Versionen er offentliggjort." }).waitFor();
    await authority.getByText("Nøgle: odense-ui-lix · I brug").waitFor();
    const kept = authority.locator(".summary-list").filter({ hasText: "Begrundelse for svære tekster" });
    await kept.getByRole("definition").filter({ hasText: "Ordlyden følger serviceloven." }).waitFor();
    await checkAndPhotograph(authority, "template-readability");
  }, 60_000);

  it("puts a request nobody answered on the overview to follow up, and marks it followed up with a note, done with the keyboard alone", async () => {
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "odense-ui-opfoelgning",
        title: { da: "Samtykke til hjemmepleje", en: "Consent to home care" },
        purpose: { da: "Vi vil hjælpe dig i dit hjem.", en: "We want to help you at home." },
        ...TEMPLATE_TEXTS,
        reminderAfterDays: 2,
        followUpAfterDays: 5,
      },
    });
    const templateId = drafted.data.createTemplate.id;
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: templateId })).errors).toBeUndefined();
    const cpr = freshCpr();
    const name = (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { name } }`, { cpr })).data.citizen.name;
    const id = (await odense.graphql(REQUEST, { input: { templateId, cpr, caseReference: "ODE-OPFOELG-1" } })).data.requestConsent.id;
    /** Find's "Opfølgning åben" filter for the case, ticked and sent with the keyboard alone: the case's rows it shows. */
    const rowsWithFollowUpOpen = async () => {
      const find = await openAuthority("/samtykker?sag=ODE-OPFOELG-1", "Find samtykker");
      await find.getByRole("row").filter({ hasText: "ODE-OPFOELG-1" }).waitFor();
      const filter = find.getByRole("checkbox", { name: "Opfølgning åben" });
      await filter.focus();
      await find.keyboard.press("Space");
      expect(await filter.isChecked()).toBe(true);
      const filtered = find.waitForResponse((response) => response.url().endsWith("/graphql") && (response.request().postData() ?? "").includes('"followUpOpen":true'));
      await find.getByRole("button", { name: "Søg", exact: true }).focus();
      await find.keyboard.press("Enter");
      const { data } = await (await filtered).json();
      expect(find.url()).toContain("opfoelgning=1");
      const found = data.consents.totalCount as number;
      await find.getByRole("status").filter({ hasText: found === 1 ? "1 samtykke fundet" : `${found} samtykker fundet` }).waitFor();
      const rows = await find.getByRole("row").filter({ hasText: "ODE-OPFOELG-1" }).count();
      expect(rows).toBe(found);
      await find.close();
      return rows;
    };
    try {
      // Before its follow-up is due, the filter leaves it out.
      expect(await rowsWithFollowUpOpen()).toBe(0);
      offset = 5.5 * DAY;
      await expect.poll(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { followUp { taskOpen } } }`, { id })).data.consent.followUp.taskOpen, { timeout: 10_000 }).toBe(true);

      expect(await rowsWithFollowUpOpen()).toBe(1);
      const authority = await openAuthority();
      const tasks = authority.getByRole("region", { name: /^Ubesvarede anmodninger at følge op/ });
      const link = tasks.getByRole("link", { name: `${name}: Samtykke til hjemmepleje` });
      await link.focus();
      await authority.keyboard.press("Enter");
      await authority.getByRole("heading", { level: 1, name: "Samtykke til hjemmepleje" }).waitFor();
      const facts = authority.getByLabel("Oplysninger om samtykket");
      await facts.getByText(/^Sendt /).waitFor();
      await facts.getByText(/^Åben siden .*: ring til borgeren, hjælp ved et møde eller registrér samtykket på papir$/).waitFor();
      await checkAndPhotograph(authority, "follow-up");

      const done = authority.getByRole("button", { name: "Marker som fulgt op" });
      await done.focus();
      await authority.keyboard.press("Enter");
      const dialog = authority.getByRole("dialog", { name: "Marker opfølgningen som udført?" });
      expect(await seriousAxeViolations(authority, ".fds-modal")).toEqual([]);
      const confirm = dialog.getByRole("button", { name: "Marker som fulgt op" });
      // Without a note nothing is sent.
      await confirm.focus();
      await authority.keyboard.press("Enter");
      await dialog.getByText("Skriv kort, hvad du har gjort.").first().waitFor();
      await dialog.getByRole("textbox", { name: "Hvad har du gjort?" }).focus();
      await authority.keyboard.type("Ringede; borgeren svarer i aften.");
      await confirm.focus();
      await authority.keyboard.press("Enter");
      await authority.getByRole("status").filter({ hasText: "Opfølgningen er markeret som udført." }).waitFor();
      await authority.getByText(/^Fulgt op /).first().waitFor();
      await authority.getByRole("region", { name: "Samtykkets historik" }).getByText("Ringede; borgeren svarer i aften.").waitFor();
      expect((await odense.graphql(`query($id: ID!) { consent(id: $id) { status followUp { taskOpen } } }`, { id })).data.consent).toEqual({ status: "REQUESTED", followUp: { taskOpen: false } });
      // Gone from the overview's list.
      await authority.goto(new URL("/", urlOf("authority SPA")).href);
      await authority.getByRole("heading", { level: 1, name: "Overblik" }).waitFor();
      await authority.getByRole("region", { name: /^Ubesvarede anmodninger at følge op/ }).waitFor();
      expect(await authority.getByRole("region", { name: /^Ubesvarede anmodninger at følge op/ }).getByRole("link", { name: `${name}: Samtykke til hjemmepleje` }).count()).toBe(0);
      // And from Find's filter.
      expect(await rowsWithFollowUpOpen()).toBe(0);
    } finally {
      offset = 0;
    }
  }, 60_000);

  it("writes a template that asks a young person from 15 and shows on a request whom it asked, by the young person's age", async () => {
    const authority = await openAuthority("/skabeloner/ny", "Ny skabelon");
    await authority.getByRole("radio", { name: /fra 15 år den unge selv/ }).check();
    await authority.getByRole("checkbox", { name: /Orientér forældremyndighedens indehavere/ }).waitFor();
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "odense-ui-ung",
        title: { da: "Samtykke til samtaler med skolepsykolog", en: "Consent to talks with the school psychologist" },
        purpose: { da: "Du kan tale med en psykolog på skolen.", en: "You can talk with a psychologist at school." },
        ...TEMPLATE_TEXTS,
        signers: "YOUNG_PERSON_FROM_15",
        informCustodyHolders: true,
      },
    });
    const templateId = drafted.data.createTemplate.id;
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: templateId })).errors).toBeUndefined();
    await authority.goto(new URL(`/skabeloner/${templateId}`, urlOf("authority SPA")).href);
    const rules = authority.getByRole("region", { name: "Regler" });
    await rules.getByText("Forældremyndighedens indehavere under 15 år; fra 15 år den unge selv (sundhedsloven § 17)").waitFor();
    // A child of fourteen and a half, in a parent's custody as the person register says: asked the day
    // before the 15th birthday, the parent answers; asked the day after, the young person does.
    const born = new Date(Date.now() - 14.5 * 365.25 * DAY);
    const child = cprBornOn(born, "782");
    const custody = await (await platform.platformClient()).graphql(`mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate } }`, {
      input: { registerEventId: `forældremyndighed-${child}`, kind: "CUSTODY_STARTED", cpr: child, otherCpr: freshCpr(), occurredOn: new Date(Date.now() - DAY).toISOString() },
    });
    expect(custody.errors).toBeUndefined();
    const fifteenth = birthday(new Date(Date.UTC(born.getUTCFullYear(), born.getUTCMonth(), born.getUTCDate())), 15).getTime();
    try {
      offset = fifteenth - 12 * 60 * 60 * 1000 - Date.now();
      const atFourteen = (await odense.graphql(REQUEST, { input: { templateId, cpr: child } })).data.requestConsent.id;
      offset = fifteenth + 36 * 60 * 60 * 1000 - Date.now();
      const atFifteen = (await odense.graphql(REQUEST, { input: { templateId, cpr: child } })).data.requestConsent.id;
      const history = `query($id: ID!) { consent(id: $id) { history { action } } }`;
      await expect.poll(async () => (await odense.graphql(history, { id: atFourteen })).data.consent.history.at(-1).action, { timeout: 10_000 }).toBe("askYoungPerson");
      for (const [id, asked] of [
        [atFifteen, "Spurgt: den unge selv, fra 15 år"],
        [atFourteen, "Spurgt: den unge selv, fra 15 år"], // moved to him on his birthday by the platform
      ]) {
        await authority.goto(new URL(`/samtykker/${id}`, urlOf("authority SPA")).href);
        await authority.getByLabel("Oplysninger om samtykket").getByText(asked).waitFor();
      }
      await checkAndPhotograph(authority, "young-person");
    } finally {
      offset = 0;
    }
  }, 60_000);

  it("shows on a consent's page that it ended because the person register says the citizen has died", async () => {
    const cpr = freshCpr();
    const id = await request(cpr);
    const register = await platform.platformClient();
    const died = await register.graphql(`mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate } }`, {
      input: { registerEventId: `doed-${cpr}`, kind: "DIED", cpr, occurredOn: new Date(Date.now() - DAY).toISOString() },
    });
    expect(died.errors).toBeUndefined();
    await expect.poll(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id })).data.consent.status, { timeout: 10_000 }).toBe("CLOSED");
    const authority = await openAuthority(`/samtykker/${id}`, DATA_SHARING);
    await authority.getByRole("region", { name: "Samtykkets historik" }).getByText("Afsluttet: borgeren er død (CPR)").waitFor();
    await authority.getByText("Samtykket er afsluttet. Der er ingen handlinger.").waitFor();
    await checkAndPhotograph(authority, "consent-ended-by-death");
  }, 60_000);

  it("shows a template's statistics for a period as a chart and, for everyone, as a table with small numbers hidden", async () => {
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: { authorityId: DEMO.authorities.odense, key: "odense-ui-statistik", title: { da: "Samtykke til statistiktest", en: "Consent for a statistics test" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS },
    });
    const templateId = drafted.data.createTemplate.id;
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: templateId })).errors).toBeUndefined();
    // Six asked: five give, one declines.
    for (let i = 0; i < 6; i++) {
      const cpr = freshCpr();
      const id = await request(cpr, { templateId });
      const citizen = await platform.citizen(cpr);
      if (i < 5) expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
      else expect((await citizen.graphql(`mutation($id: ID!) { declineConsent(id: $id) { id } }`, { id })).errors).toBeUndefined();
    }
    const authority = await openAuthority("/statistik", "Statistik");
    const figures = authority.getByRole("table", { name: "Tal for Samtykke til statistiktest" });
    // A row is named by its heading and its number: "Givet 5", "Givet: På papir 0".
    const cell = (name: string) => figures.getByRole("row", { name: new RegExp(`^${name} `) }).getByRole("cell");
    await expect.poll(() => cell("Anmodet").textContent()).toBe("6");
    expect(await cell("Givet").textContent()).toBe("5");
    expect(await cell("Afvist").textContent()).toBe("under 5");
    expect(await cell("Givet: Digitalt af borgeren").textContent()).toBe("5");
    expect(await cell("Givet: På papir").textContent()).toBe("0");
    expect(await authority.getByRole("region", { name: "Samtykke til statistiktest" }).locator("canvas[aria-hidden=true]").count()).toBe(1);
    await checkAndPhotograph(authority, "statistics");
    // A period with nothing in it says so.
    await authority.getByLabel("Fra og med").fill("2001-01-01");
    await authority.getByLabel("Til og med").fill("2001-12-31");
    await authority.getByRole("button", { name: "Vis statistik" }).click();
    await authority.getByText("Ingen anmodninger i perioden.").waitFor();
    expect(authority.url()).toContain("fra=2001-01-01");
  });

  it("registers a signed paper form with its scan and answers, refusing a file that is not a scan, and shows the scan on the consent's page", async () => {
    const authority = await openAuthority("/registrer", "Registrér et givet samtykke");
    const form = authority.getByRole("form", { name: "Registrér et givet samtykke" });
    await expect.poll(() => form.getByLabel("Skabelon").locator("option").count()).toBeGreaterThan(0);
    await form.getByLabel("Skabelon").selectOption({ label: "Forældresamtykke til ergo- og fysioterapi for dit barn (v1)" });
    await form.getByLabel("CPR-nummer").fill("0304214912");
    await form.getByLabel("Sagsnummer (valgfrit)").fill("ODE-PAPIR-1");
    await form.getByRole("radio", { name: "På papir (vedhæft den scannede blanket)" }).check();
    for (const group of await form.getByRole("group").all()) {
      const yes = group.getByRole("radio", { name: "Ja" });
      if ((await yes.count()) === 1) await yes.check();
    }
    await form.getByLabel("Din bekræftelse", { exact: false }).fill("Begge forældre underskrev blanketten ved mødet 20/11.");

    // A web page named .pdf is not a scan: refused next to the file field, nothing stored.
    const scan = form.getByLabel("Scannet blanket", { exact: false });
    await scan.setInputFiles({ name: "blanket.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html>not a scan</html>") });
    await form.getByRole("button", { name: "Registrér samtykke" }).click();
    await form.getByText("Scanningen skal være en PDF-, PNG- eller JPEG-fil.").waitFor();
    expect((await odense.graphql(`{ consents(filter: { caseReference: "ODE-PAPIR-1" }) { totalCount } }`)).data.consents.totalCount).toBe(0);
    await checkAndPhotograph(authority, "register");

    // A 1×1 PNG, as a scanner would send a (very small) page.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
    await scan.setInputFiles({ name: "blanket.png", mimeType: "image/png", buffer: png });
    await form.getByRole("img", { name: "Den valgte scanning: blanket.png" }).waitFor();
    await form.getByRole("button", { name: "Registrér samtykke" }).click();
    await authority.getByRole("status").filter({ hasText: "Samtykket er registreret." }).waitFor();
    const stored = (await odense.graphql(`{ consents(filter: { caseReference: "ODE-PAPIR-1" }) { edges { node { status channel attachments { mediaType } history { actorKind } } } } }`)).data.consents.edges;
    expect(stored.map((edge: { node: unknown }) => edge.node)).toEqual([{ status: "ACTIVE", channel: "PAPER", attachments: [{ mediaType: "image/png" }], history: [{ actorKind: "CASEWORKER" }] }]);

    await authority.getByRole("status").filter({ hasText: "Samtykket er registreret." }).getByRole("link", { name: "Se samtykket" }).click();
    await authority.getByText("Scannet blanket: blanket.png", { exact: false }).waitFor();
    await authority.getByRole("button", { name: "Vis scanningen" }).click();
    await authority.getByRole("img", { name: "Scannet blanket: blanket.png" }).waitFor();
    await authority.getByText("Bekræftet af sagsbehandler: Begge forældre underskrev blanketten ved mødet 20/11.").waitFor();
  });
});
