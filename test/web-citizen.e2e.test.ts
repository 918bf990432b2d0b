import { mkdir, readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { Citizen, Custody } from "@samtykke/party";
import { seriousAxeViolations } from "./support/axe.js";
import { brokenIcons } from "./support/icons.js";
import { collectPageErrors, launchChromium } from "./support/browser.js";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// The citizen app's pages in Debian's Chromium against the real gateway: routes and deep links, a
// request answered step by step, a consent's own page, the mailbox and the access log, languages;
// each page checked with axe-core, at 360 px without horizontal scrolling, and photographed.

const DATA_SHARING = "Samtykke til indhentning og/eller videregivelse af personoplysninger";
const CHILD_THERAPY = "Forældresamtykke til ergo- og fysioterapi for dit barn";
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
const SCREENSHOTS = new URL("../docs/screenshots/citizen/", import.meta.url);
const DAY_MS = 24 * 60 * 60 * 1000;

let platform: TestPlatform;
let odense: Caller;
let browser: Browser;
const pages: Page[] = [];
const pageErrors: string[] = [];
const consoleLines: string[] = [];
const citizenUrl = () => platform.parts.find((part) => part.name === "citizen SPA")!.url;

// The consent subgraph's clock, moved only by the test of a young person who answers from 15.
let offset = 0;

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  platform = await startTestPlatform({ serveWeb: true, consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 200 } });
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

/** A browser tab as a Danish citizen's (or with another browser language), `width` px wide. */
async function newPage({ width = 1280, locale = "da-DK" }: { width?: number; locale?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 800 }, locale });
  page.setDefaultTimeout(8_000);
  await collectPageErrors(page, pageErrors);
  page.on("console", (message) => consoleLines.push(message.text()));
  pages.push(page);
  return page;
}

/** A citizen of the person-register stand-in nobody else in this file uses. */
let born = 0;
const freshCpr = () => cprBornOn(new Date(Date.UTC(1975, 2, 1 + born++)), "567");

/** A parent nobody else in this file uses, with sole custody of a child of eight (as old as that today). */
async function freshFamily(): Promise<{ parent: string; child: string; childName: string }> {
  const parent = freshCpr();
  const child = cprBornOn(new Date(Date.UTC(new Date().getUTCFullYear() - 8, 0, 1 + born++)), "567");
  const lookUp = async (cpr: string) => (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id name } }`, { cpr })).data.citizen as { id: string; name: string };
  const [holder, kid] = [await lookUp(parent), await lookUp(child)];
  const em = platform.subgraphs.party.orm.em.fork();
  em.create(Custody, { holder: em.getReference(Citizen, holder.id), child: em.getReference(Citizen, kid.id) });
  await em.flush();
  return { parent, child, childName: kid.name };
}

/** The web address a letter in the citizen's mailbox links to, read from its PDF as the citizen would click it. */
async function linkInLetter(citizen: Caller, consentId: string, kind: string): Promise<string> {
  let letterId: string | undefined;
  await eventually(async () => {
    const letters = (await citizen.graphql(`query($consentId: ID) { myMailbox(first: 10, consentId: $consentId) { id kind } }`, { consentId })).data.myMailbox as { id: string; kind: string }[];
    return (letterId = letters.find((letter) => letter.kind === kind)?.id);
  }, 15_000).toBeDefined();
  const base64 = (await citizen.graphql(`query($id: ID!) { mailboxLetter(id: $id) { pdfBase64 } }`, { id: letterId })).data.mailboxLetter.pdfBase64 as string;
  const pdf = await getDocumentProxy(new Uint8Array(Buffer.from(base64, "base64")));
  expect((await extractText(pdf, { mergePages: true })).text).toContain("Svar på anmodningen her:");
  const links = (await (await pdf.getPage(1)).getAnnotations()).filter((annotation) => annotation.subtype === "Link").map((annotation) => annotation.url as string);
  expect(links).toHaveLength(1);
  return links[0]!;
}

/** On the development login page: a demo person by name, or anyone by CPR number. */
async function signInOnLoginPage(page: Page, cpr: string) {
  await page.getByText("TESTLOGIN – dette er ikke MitID", { exact: false }).waitFor();
  const demo = page.getByRole("radio", { name: new RegExp(`\\(${cpr.slice(0, 6)}-${cpr.slice(6)}\\)`) });
  if (await demo.count()) await demo.check();
  else {
    await page.getByRole("radio", { name: "En anden borger / Another citizen" }).check();
    await page.getByLabel("CPR-nummer (10 cifre) / CPR number").fill(cpr);
  }
  await page.getByRole("button", { name: "Log ind / Sign in" }).click();
}

/** Opens `path` of the citizen app, signs in there and waits for the page's heading. */
async function openAs(cpr: string, path = "/", options: { page?: Page; width?: number; heading?: string | RegExp } = {}): Promise<Page> {
  const page = options.page ?? (await newPage({ width: options.width }));
  await page.goto(new URL(path, citizenUrl()).href);
  await page.getByRole("button", { name: "Log ind med MitID" }).click();
  await signInOnLoginPage(page, cpr);
  await page.getByRole("heading", { level: 1, name: options.heading ?? "Mine samtykker" }).waitFor();
  return page;
}

async function request(cpr: string, templateId: string = DEMO.templates.dataSharing, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await odense.graphql(REQUEST, { input: { templateId, cpr, ...extra } });
  expect(result.errors).toBeUndefined();
  return result.data.requestConsent.id;
}

async function expectNoSeriousViolations(page: Page, include?: string) {
  expect(await seriousAxeViolations(page, include)).toEqual([]);
}

/** True when the page is wider than the window, so the citizen would have to scroll sideways. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/**
 * Checks the page with axe and that its icons show, photographs it at 360 and at 1280 px into docs/screenshots/citizen and
 * checks that at 360 px nothing needs horizontal scrolling; puts the tab back to its width.
 */
async function checkPage(page: Page, name: string, dialog?: string) {
  await expectNoSeriousViolations(page, dialog);
  expect(await brokenIcons(page)).toEqual([]);
  const before = page.viewportSize()!;
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (width === 360) expect(await scrollsSideways(page), `${name} scrolls sideways at 360 px`).toBe(false);
    await page.screenshot({ path: new URL(`${name}-${width}.png`, SCREENSHOTS).pathname, animations: "disabled", caret: "hide" });
  }
  await page.setViewportSize(before);
}

/** What has the keyboard focus: its tag, its text, and for a radio button whether it is chosen. */
interface Focused {
  tag: string;
  text: string;
  radio: boolean;
  checked: boolean;
}
const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return { tag: element?.tagName ?? "", text: element?.textContent?.trim() ?? "", radio: element?.type === "radio", checked: !!element?.checked };
  });

/** Presses Tab until the focused element matches, as a keyboard user would look for it. */
async function tabTo(page: Page, matches: (element: Focused) => boolean, limit = 60) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error("never reached by Tab");
}

/** expect.poll with room for a page that loads over the network on a busy machine. */
const eventually = <T>(read: () => T | Promise<T>, timeout = 8_000) => expect.poll(read, { timeout });

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
const focusedInDialog = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'));

describe("the citizen app", () => {
  it("brings a citizen from a deep link through the login back to the request, keeps it on reload, and lists what waits, who asks, why and by when", async () => {
    const cpr = freshCpr();
    const answerBy = new Date(Date.now() + 14 * DAY_MS);
    const id = await request(cpr, DEMO.templates.dataSharing, { answerBy: answerBy.toISOString(), caseReference: "ODE-DYB-1" });

    // The link from the letter, opened signed out: sign in, and land on the request itself.
    const page = await openAs(cpr, `/anmodninger/${id}`, { heading: DATA_SHARING });
    expect(new URL(page.url()).pathname).toBe(`/anmodninger/${id}`);
    await page.getByText("Trin 1 af 5").waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/anmodninger/${id}`);

    // The front page: the request with who asks, why and by when, then active consents and history.
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Forside" }).click();
    await page.getByRole("heading", { level: 1, name: "Mine samtykker" }).waitFor();
    const awaiting = page.getByRole("region", { name: "Anmodninger, der venter på dit svar" });
    const item = awaiting.getByRole("article", { name: DATA_SHARING });
    await item.getByText("Hvem spørger: Odense Kommune · Sagsnummer: ODE-DYB-1").waitFor();
    await item.getByText("Hvorfor: Kommunen vil indhente og/eller videregive oplysninger om dig", { exact: false }).waitFor();
    await item.getByText(`Svar senest: ${answerBy.toLocaleDateString("da-DK", { dateStyle: "long" })}`).waitFor();
    await page.getByRole("region", { name: "Dine aktive samtykker" }).getByText("Du har ingen aktive samtykker.").waitFor();
    await page.getByRole("region", { name: "Tidligere samtykker og anmodninger" }).getByText("Du har ingen tidligere samtykker.").waitFor();
    const front = page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Forside" });
    expect(await front.getAttribute("aria-current")).toBe("page");
    await checkPage(page, "front-page");

    // Following the link moves focus to the new page's heading; the address and title name no CPR number.
    await item.getByRole("link", { name: DATA_SHARING }).click();
    await page.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    expect(await focusedText(page)).toBe(DATA_SHARING);
    expect(await page.title()).toBe(`${DATA_SHARING} – Mine samtykker`);
    const digits = cpr.slice(0, 6);
    expect(page.url()).not.toContain(digits);
    expect(await page.title()).not.toContain(digits);
    expect(consoleLines.join("\n")).not.toContain(digits);

    // An address that is no page says so, with the way back.
    await page.goto(new URL("/samtykker/00000000-0000-0000-0000-000000000000", citizenUrl()).href);
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    await page.getByRole("link", { name: "Tilbage til forsiden" }).waitFor();
  });

  it("takes a citizen on a 360 px phone through reading, choosing, a summary and signing to a receipt, whose heading gets focus, and back to the service that asked", async () => {
    const cpr = freshCpr();
    // Odense's self-service asked, and registered where the citizen goes back to.
    const id = await request(cpr, DEMO.templates.dataSharing, { returnUrl: "https://selvbetjening.odense.dk/sager/4711" });
    const page = await openAs(cpr, "/", { width: 360 });
    await page.getByRole("article", { name: DATA_SHARING }).getByRole("link", { name: DATA_SHARING }).click();

    // Step 1: what it is about, both ways, before any choice.
    await page.getByText("Trin 1 af 5").waitFor();
    expect(await page.locator('[aria-current="step"]').textContent()).toContain("Læs om samtykket");
    await page.getByText("Din sag behandles på de oplysninger, kommunen allerede har.", { exact: false }).waitFor();
    await page.getByRole("heading", { name: "Sådan trækker du samtykket tilbage" }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await checkPage(page, "request-read");
    await page.getByRole("button", { name: "Jeg vil svare ja – videre til mine valg" }).click();

    // Step 2: nothing pre-ticked; going on without answers is refused with the first choice named.
    await page.getByText("Trin 2 af 5").waitFor();
    expect(await focusedText(page)).toBe("Dine valg");
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(0);
    await page.getByRole("button", { name: "Videre til opsummering" }).click();
    await page.getByRole("alert").filter({ hasText: 'Svar ja eller nej til "Din arbejdsgiver"' }).waitFor();
    await page.getByRole("group", { name: "Kommunen må indhente oplysninger fra" }).getByRole("group", { name: "Din egen læge" }).getByRole("radio", { name: "Ja" }).check();
    for (const group of await page.getByRole("group").all()) {
      const yes = group.getByRole("radio", { name: "Ja" });
      if ((await yes.count()) === 1 && !(await yes.isChecked())) await group.getByRole("radio", { name: "Nej" }).check();
    }
    // A reload (or a phone that drops the tab in the background) keeps the step and every answer.
    const answered = await page.getByRole("radio", { checked: true }).count();
    expect(answered).toBeGreaterThan(1);
    await page.reload();
    await page.getByText("Trin 2 af 5").waitFor();
    await page.getByRole("group", { name: "Kommunen må indhente oplysninger fra" }).getByRole("group", { name: "Din egen læge" }).getByRole("radio", { name: "Ja" }).waitFor();
    expect(await page.getByRole("radio", { checked: true }).count()).toBe(answered);
    expect(await page.getByRole("group", { name: "Kommunen må indhente oplysninger fra" }).getByRole("group", { name: "Din egen læge" }).getByRole("radio", { name: "Ja" }).isChecked()).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await checkPage(page, "request-choices");
    await page.getByRole("button", { name: "Videre til opsummering" }).click();

    // Step 3: the answers in a summary list, to check before signing.
    await page.getByText("Trin 3 af 5").waitFor();
    const summary = page.getByRole("definition").filter({ hasText: "Ja" }).first();
    await summary.waitFor();
    await page.getByText("Kommunen må indhente oplysninger fra: Din egen læge").waitFor();
    await checkPage(page, "request-summary");
    await page.getByRole("button", { name: "Underskriv og giv samtykke" }).click();

    // Step 4: the MitID signing step, apart from the login; then back on the request's own address.
    await page.getByRole("heading", { name: "Underskriv med MitID" }).waitFor();
    expect(page.url()).not.toContain(cpr.slice(0, 6));
    await page.getByRole("button", { name: "Underskriv / Sign" }).click();

    // Step 5: the receipt, its heading focused rather than the top of the page.
    await page.getByRole("heading", { name: "Kvittering: Du har givet samtykke" }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/anmodninger/${id}`);
    await eventually(() => focusedText(page)).toBe("Kvittering: Du har givet samtykke");
    await page.getByText("Trin 5 af 5").waitFor();
    await page.getByRole("definition").filter({ hasText: "Odense Kommune" }).waitFor();
    expect(await page.getByRole("link", { name: "Tilbage til Odense Kommune" }).getAttribute("href")).toBe("https://selvbetjening.odense.dk/sager/4711");
    expect(await scrollsSideways(page)).toBe(false);
    await checkPage(page, "request-receipt");
    const stored = await (await platform.citizen(cpr)).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    expect(stored.data.consent.status).toBe("ACTIVE");

    // The consent now stands among the active ones on the front page.
    await page.getByRole("link", { name: "Tilbage til forsiden" }).click();
    await page.getByRole("region", { name: "Dine aktive samtykker" }).getByRole("link", { name: DATA_SHARING }).waitFor();
    await page.getByText("Du har ingen anmodninger, der venter.").waitFor();
  });

  it("lets a citizen give, and later withdraw, a consent with the keyboard alone, from the request's address to both receipts and the way back to the service that asked", async () => {
    const cpr = freshCpr();
    const id = await request(cpr, DEMO.templates.dataSharing, { returnUrl: "https://selvbetjening.odense.dk/sager/4712" });
    const page = await openAs(cpr, `/anmodninger/${id}`, { heading: DATA_SHARING });
    await page.getByText("Trin 1 af 5").waitFor();
    await tabTo(page, (element) => element.text === "Jeg vil svare ja – videre til mine valg");
    await page.keyboard.press("Enter");
    await page.getByText("Trin 2 af 5").waitFor();

    // Each yes-or-no is one Tab stop; Space chooses the option in focus (the first: Ja).
    const yes = page.getByRole("radio", { name: "Ja" });
    for (let presses = 0; ; presses++) {
      if (presses > 60) throw new Error("Videre til opsummering was never reached by Tab");
      await page.keyboard.press("Tab");
      const element = await focused(page);
      if (element.tag === "BUTTON" && element.text === "Videre til opsummering") break;
      if (element.radio && !element.checked) await page.keyboard.press("Space");
    }
    await eventually(async () => (await Promise.all((await yes.all()).map((radio) => radio.isChecked()))).every(Boolean)).toBe(true);
    expect(await yes.count()).toBeGreaterThan(1);
    await page.keyboard.press("Enter");

    await page.getByText("Trin 3 af 5").waitFor();
    await tabTo(page, (element) => element.text === "Underskriv og giv samtykke");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Underskriv med MitID" }).waitFor();
    await tabTo(page, (element) => element.text === "Underskriv / Sign");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Kvittering: Du har givet samtykke" }).waitFor();
    await eventually(() => focusedText(page)).toBe("Kvittering: Du har givet samtykke");
    await tabTo(page, (element) => element.text === "Tilbage til Odense Kommune");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("https://selvbetjening.odense.dk/sager/4712");

    // On to the consent's own page and a withdrawal, still without the mouse.
    await tabTo(page, (element) => element.text === "Se samtykket");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    await tabTo(page, (element) => element.text === "Træk samtykke tilbage");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Vil du trække samtykket tilbage?" });
    await dialog.waitFor();
    await tabTo(page, (element) => element.text === "Ja, træk samtykket tilbage");
    expect(await focusedInDialog(page)).toBe(true);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Kvittering: Du har trukket samtykket tilbage" }).waitFor();
    await eventually(() => focusedText(page)).toContain("Kvittering: Du har trukket samtykket tilbage");
    const stored = await (await platform.citizen(cpr)).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    expect(stored.data.consent.status).toBe("WITHDRAWN");
  });

  it("lets a citizen decline with the keyboard alone: a dialog that says what a no means, keeps focus inside, gives it back, and ends with a receipt", async () => {
    const cpr = freshCpr();
    const id = await request(cpr);
    const page = await openAs(cpr);

    await tabTo(page, (element) => element.tag === "A" && element.text === DATA_SHARING);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    await tabTo(page, (element) => element.tag === "BUTTON" && element.text === "Afvis");
    await page.keyboard.press("Space");

    // The dialog opens on its heading, says what a no means, and is itself accessible.
    const dialog = page.getByRole("dialog", { name: "Vil du afvise anmodningen?" });
    await dialog.waitFor();
    expect(await focusedText(page)).toBe("Vil du afvise anmodningen?");
    await dialog.getByText("Din sag behandles på de oplysninger, kommunen allerede har.", { exact: false }).waitFor();
    await checkPage(page, "request-decline-dialog", '[role="dialog"]');
    for (let presses = 0; presses < 6; presses++) {
      await page.keyboard.press("Tab");
      expect(await focusedInDialog(page)).toBe(true);
    }
    for (let presses = 0; presses < 3; presses++) {
      await page.keyboard.press("Shift+Tab");
      expect(await focusedInDialog(page)).toBe(true);
    }
    // Escape closes it and focus is back on the button that opened it; nothing was declined.
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await focusedText(page)).toBe("Afvis");
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await tabTo(page, (element) => element.text === "Ja, afvis anmodningen", 6);
    await page.keyboard.press("Enter");

    // Two steps in all, fewer than giving: the receipt, its heading focused.
    await page.getByRole("heading", { name: "Kvittering: Du har afvist anmodningen" }).waitFor();
    await eventually(() => focusedText(page)).toBe("Kvittering: Du har afvist anmodningen");
    await page.getByText("Trin 2 af 2").waitFor();
    await checkPage(page, "request-declined-receipt");
    const stored = await (await platform.citizen(cpr)).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    expect(stored.data.consent.status).toBe("DECLINED");
    await page.getByRole("link", { name: "Tilbage til forsiden" }).click();
    await page.getByRole("region", { name: "Tidligere samtykker og anmodninger" }).getByRole("article", { name: DATA_SHARING }).getByText("Afvist", { exact: true }).waitFor();
  });

  it("shows a consent's own page: who has signed and who is pending, history in plain words, the PDF receipt, professional formats tucked away, and a withdrawal behind a dialog", async () => {
    // Emil's custody holders both sign; Karen has, Lars has not yet.
    const id = await request("0304214912", DEMO.templates.childTherapy);
    const karenApi = await platform.citizen("0101804321");
    expect((await giveWithYesToAll(karenApi, id)).errors).toBeUndefined();
    const karen = await openAs("0101804321", `/samtykker/${id}`, { heading: CHILD_THERAPY });
    const signers = karen.getByRole("region", { name: "Hvem skal underskrive" });
    await signers.getByText(/^Karen Jensen \(dig\): underskrev /).waitFor();
    await signers.getByText("Lars Nielsen: har ikke underskrevet endnu").waitFor();
    await karen.getByText("Gælder: Emil Nielsen").waitFor();

    // Lars signs elsewhere; Karen's page follows live.
    expect((await giveWithYesToAll(await platform.citizen("1203755678"), id)).errors).toBeUndefined();
    await signers.getByText(/^Lars Nielsen: underskrev /).waitFor();
    await karen.getByText("Aktivt", { exact: true }).waitFor();
    const history = karen.getByRole("region", { name: "Hvad er der sket" });
    await history.getByText(/^En sagsbehandler hos Odense Kommune bad om dit samtykke · /).waitFor();
    await history.getByText(/^Du underskrev · /).waitFor();
    await history.getByText(/^Lars Nielsen gav samtykke · /).waitFor();
    await karen.getByRole("region", { name: "Det stod der, da du svarede" }).getByRole("heading", { name: "Dine svar" }).waitFor();

    // The receipt as the PDF letter.
    const receipt = karen.getByRole("button", { name: "Hent kvitteringen (PDF)" });
    await receipt.waitFor({ timeout: 10_000 });
    const [pdf] = await Promise.all([karen.waitForEvent("download"), receipt.click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");

    // The formats for professionals are out of the way until asked for.
    const sealed = karen.getByRole("button", { name: "Hent kvittering (forseglet dokument)" });
    expect(await sealed.isVisible()).toBe(false);
    expect(await karen.getByRole("button", { name: "Hent som FHIR" }).isVisible()).toBe(false);
    await checkPage(karen, "consent-page");
    await karen.getByText("For fagfolk").click();
    const [download] = await Promise.all([karen.waitForEvent("download"), sealed.click()]);
    const document = JSON.parse(await readFile((await download.path())!, "utf8"));
    const verified = await platform.graphql(`query($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict } }`, { document });
    expect(verified.data.verifyConsentDocument.verdict).toBe("VALID");
    await karen.getByRole("button", { name: "Hent som ISO 27560-kvittering" }).waitFor();

    // A pause: the authority may not use the consent until the citizen resumes it.
    await karen.getByRole("button", { name: "Sæt samtykket på pause" }).click();
    const pauseDialog = karen.getByRole("dialog", { name: "Vil du sætte samtykket på pause?" });
    await pauseDialog.getByText("Mens samtykket er på pause, må Odense Kommune ikke bruge det.", { exact: false }).waitFor();
    expect(await seriousAxeViolations(karen, '[role="dialog"]')).toEqual([]);
    await pauseDialog.getByRole("button", { name: "Ja, sæt det på pause" }).click();
    await karen.getByRole("status").filter({ hasText: "Samtykket er sat på pause." }).waitFor();
    await eventually(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id })).data.consent.status).toBe("PAUSED");
    await karen.getByRole("button", { name: "Genoptag samtykket" }).click();
    await karen.getByRole("dialog", { name: "Vil du genoptage samtykket?" }).getByRole("button", { name: "Ja, genoptag det" }).click();
    await karen.getByRole("status").filter({ hasText: "Samtykket gælder igen." }).waitFor();
    await eventually(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id })).data.consent.status).toBe("ACTIVE");

    // Withdrawing: what it means first, then confirm; cancelling gives focus back to the button.
    const withdraw = karen.getByRole("button", { name: "Træk samtykke tilbage" });
    await withdraw.click();
    const dialog = karen.getByRole("dialog", { name: "Vil du trække samtykket tilbage?" });
    await dialog.getByText("skal stoppe med at bruge det", { exact: false }).waitFor();
    await checkPage(karen, "consent-withdraw-dialog", '[role="dialog"]');
    await dialog.getByRole("button", { name: "Fortryd" }).click();
    await dialog.waitFor({ state: "detached" });
    expect(await focusedText(karen)).toBe("Træk samtykke tilbage");
    await withdraw.click();
    await dialog.getByRole("button", { name: "Ja, træk samtykket tilbage" }).click();
    await karen.getByRole("heading", { name: "Kvittering: Du har trukket samtykket tilbage" }).waitFor();
    await eventually(() => focusedText(karen)).toContain("Kvittering: Du har trukket samtykket tilbage");
    await karen.getByText("Trukket tilbage", { exact: true }).first().waitFor();
    expect(await withdraw.count()).toBe(0);
    await history.getByText(/^Du trak samtykket tilbage · /).waitFor();
    const stored = await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id });
    expect(stored.data.consent.status).toBe("WITHDRAWN");
  });

  it("takes a parent on a 360 px phone from a letter's link to their child's request, declines it in two steps, sees who used a consent given for the child, and withdraws it from its page", async () => {
    const { parent, child, childName } = await freshFamily();
    const parentApi = await platform.citizen(parent);
    const given = await request(child, DEMO.templates.childTherapy);
    expect((await giveWithYesToAll(parentApi, given)).errors).toBeUndefined();
    const asked = await request(child, DEMO.templates.childTherapy, { caseReference: "ODE-BARN-2" });

    // The letter in Digital Post links to the request's own page in this app.
    const link = await linkInLetter(parentApi, asked, "REQUEST");
    expect(link).toBe(new URL(`/anmodninger/${asked}`, citizenUrl()).href);
    const page = await openAs(parent, link, { width: 360, heading: CHILD_THERAPY });
    await page.getByText(`Gælder: ${childName}`).waitFor();
    await page.getByText("Trin 1 af 5").waitFor();
    expect(await scrollsSideways(page)).toBe(false);

    // Declining: a dialog that says what a no means, then the receipt; two steps in all.
    await page.getByRole("button", { name: "Afvis" }).click();
    const dialog = page.getByRole("dialog", { name: "Vil du afvise anmodningen?" });
    await dialog.waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await dialog.getByRole("button", { name: "Ja, afvis anmodningen" }).click();
    await page.getByRole("heading", { name: "Kvittering: Du har afvist anmodningen" }).waitFor();
    await page.getByText("Trin 2 af 2").waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await eventually(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: asked })).data.consent.status).toBe("DECLINED");

    // Back on the front page, still acting for the child: the consent given for them, and its page.
    await page.getByRole("link", { name: "Tilbage til forsiden" }).click();
    expect(await page.getByLabel("Du handler for").locator("option:checked").textContent()).toBe(`${childName} (dit barn)`);
    await page.getByRole("region", { name: `Aktive samtykker for ${childName}` }).getByRole("link", { name: CHILD_THERAPY }).click();
    await page.getByRole("heading", { level: 1, name: CHILD_THERAPY }).waitFor();
    await page.getByText(`Gælder: ${childName}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/samtykker/${given}`);
    expect(await scrollsSideways(page)).toBe(false);

    // Who used it: Odense's case system checked it six times; the page shows the newest five and the way to all of it.
    const system = await platform.caseSystem("odense");
    for (let check = 0; check < 6; check++) {
      expect((await system.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "odense-boern-terapi") { valid } }`, { cpr: child })).data.consentCheck.valid).toBe(true);
    }
    await page.reload();
    const usedBy = page.getByRole("region", { name: "Hvem har brugt samtykket" }).getByRole("listitem");
    await eventually(() => usedBy.count()).toBe(5);
    await usedBy.first().getByText("Odense Kommune (fagsystem) tjekkede om du har givet samtykke", { exact: false }).waitFor();
    await page.getByRole("link", { name: "Se hele loggen for samtykket" }).click();
    await page.getByRole("heading", { level: 1, name: "Hvem har brugt mine data" }).waitFor();
    await page.getByText(`Her vises kun samtykket "${CHILD_THERAPY}".`).waitFor();
    // The six checks and the request, all about this consent, none about the declined one.
    const entries = page.getByRole("list", { name: "Hvem har brugt dine samtykker" }).getByRole("listitem");
    await eventually(() => entries.count()).toBe(7);
    await entries.last().getByText(`Odense Kommune bad om samtykket "${CHILD_THERAPY}"`, { exact: false }).waitFor();
    expect(await entries.filter({ hasText: "ODE-BARN-2" }).count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: CHILD_THERAPY }).waitFor();

    const withdraw = page.getByRole("button", { name: "Træk samtykke tilbage" });
    await withdraw.scrollIntoViewIfNeeded();
    expect(await withdraw.isVisible()).toBe(true);
    await withdraw.click();
    const confirm = page.getByRole("dialog", { name: "Vil du trække samtykket tilbage?" });
    await confirm.getByText("skal stoppe med at bruge det", { exact: false }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await confirm.getByRole("button", { name: "Ja, træk samtykket tilbage" }).click();
    await page.getByRole("heading", { name: "Kvittering: Du har trukket samtykket tilbage" }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await checkPage(page, "consent-withdrawn-receipt");
    await eventually(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: given })).data.consent.status).toBe("WITHDRAWN");
    // The withdrawn consent's page says until when its data is kept (the template's retention after the end).
    const { eraseAt } = (await odense.graphql(`query($id: ID!) { consent(id: $id) { eraseAt } }`, { id: given })).data.consent;
    const erased = new Intl.DateTimeFormat("da-DK", { dateStyle: "long" }).format(new Date(eraseAt));
    await page.goto(new URL(`/samtykker/${given}`, citizenUrl()).href);
    await page.getByText(`${erased}. Indtil da kan du hente kvittering og kopi`, { exact: false }).waitFor();
    await checkPage(page, "consent-withdrawn-erase-date");
  });

  it("lets a parent switch, with the keyboard alone, between their own consents and each child's, keeps the choice on reload, and follows a consent's page to whom it concerns", async () => {
    // Karen holds custody of Emil and Freja: an active consent for Emil, and one of her own.
    const emils = await request("0304214912", DEMO.templates.childTherapy);
    for (const parent of ["0101804321", "1203755678"]) expect((await giveWithYesToAll(await platform.citizen(parent), emils)).errors).toBeUndefined();
    const hers = await request("0101804321");
    expect((await giveWithYesToAll(await platform.citizen("0101804321"), hers)).errors).toBeUndefined();

    const karen = await openAs("0101804321");
    const actingFor = karen.getByLabel("Du handler for");
    expect(await actingFor.locator("option").allTextContents()).toEqual(["Dig selv (Karen Jensen)", "Emil Nielsen (dit barn)", "Freja Jensen (dit barn)"]);
    const own = karen.getByRole("region", { name: "Dine aktive samtykker" });
    await own.getByRole("article", { name: DATA_SHARING }).first().waitFor();
    expect(await own.getByRole("article", { name: CHILD_THERAPY }).count()).toBe(0);

    // From the top of the page, Tab to the switch and choose the next person with the arrow key.
    await karen.locator("body").focus();
    await tabTo(karen, (element) => element.tag === "SELECT");
    await karen.keyboard.press("ArrowDown");
    const emil = karen.getByRole("region", { name: "Aktive samtykker for Emil Nielsen" });
    await emil.getByRole("article", { name: CHILD_THERAPY }).waitFor();
    expect(await emil.getByRole("article", { name: DATA_SHARING }).count()).toBe(0);
    await karen.getByRole("status").filter({ hasText: "Du handler nu for Emil Nielsen." }).waitFor({ state: "attached" });
    await karen.getByRole("region", { name: "Tidligere samtykker og anmodninger for Emil Nielsen" }).waitFor();
    await checkPage(karen, "front-acting-for-child");

    await karen.reload();
    await emil.getByRole("article", { name: CHILD_THERAPY }).waitFor();
    expect(await actingFor.inputValue()).not.toBe("");
    expect(await actingFor.locator("option:checked").textContent()).toBe("Emil Nielsen (dit barn)");

    // A page about her own consent is acted on her own behalf: back on the front page, her own list.
    await karen.goto(new URL(`/samtykker/${hers}`, citizenUrl()).href);
    await karen.getByRole("heading", { level: 1, name: DATA_SHARING }).waitFor();
    await karen.getByRole("link", { name: "Forside" }).click();
    await own.getByRole("article", { name: DATA_SHARING }).first().waitFor();
    expect(await actingFor.locator("option:checked").textContent()).toBe("Dig selv (Karen Jensen)");

    // Sofie holds Ole's power of attorney; someone without children or grantors is never asked.
    const sofie = await openAs("2508920147");
    expect(await sofie.getByLabel("Du handler for").locator("option").allTextContents()).toEqual(["Dig selv (Sofie Hansen)", "Ole Sømand Pedersen (fuldmagt)"]);
    const alone = await openAs(freshCpr());
    await alone.getByRole("region", { name: "Dine aktive samtykker" }).waitFor();
    expect(await alone.getByLabel("Du handler for").count()).toBe(0);
  });

  it("tells a citizen when the consent or request on their screen is changed by someone else meanwhile, and not when they change it themselves", async () => {
    const cpr = freshCpr();
    const id = await request(cpr);
    expect((await giveWithYesToAll(await platform.citizen(cpr), id)).errors).toBeUndefined();
    const page = await openAs(cpr, `/samtykker/${id}`, { heading: DATA_SHARING });
    const notice = page.getByText("Samtykket er netop blevet ændret, mens du så på det.", { exact: false });

    // Her own pause is hers: no notice.
    await page.getByRole("button", { name: "Sæt samtykket på pause" }).click();
    await page.getByRole("dialog", { name: "Vil du sætte samtykket på pause?" }).getByRole("button", { name: "Ja, sæt det på pause" }).click();
    await page.getByRole("status").filter({ hasText: "Samtykket er sat på pause." }).waitFor();
    await page.getByText("Sat på pause", { exact: true }).first().waitFor();
    expect(await notice.count()).toBe(0);

    // A caseworker withdraws it for her after a phone call: the page says so, and what it is now.
    const withdrawn = await odense.graphql(`mutation($id: ID!) { withdrawConsent(id: $id, reason: "Borgeren ringede") { status } }`, { id });
    expect(withdrawn.errors).toBeUndefined();
    await page.getByText("Samtykket er netop blevet ændret, mens du så på det. Status er nu: Trukket tilbage.").waitFor();
    expect(await page.getByRole("button", { name: "Træk samtykke tilbage" }).count()).toBe(0);
    await checkPage(page, "consent-changed-elsewhere");

    // A request she is answering, which the authority takes back meanwhile.
    const requested = await request(cpr);
    await page.goto(new URL(`/anmodninger/${requested}`, citizenUrl()).href);
    await page.getByText("Trin 1 af 5").waitFor();
    expect((await odense.graphql(`mutation($id: ID!) { cancelConsentRequest(id: $id) { status } }`, { id: requested })).errors).toBeUndefined();
    await page.getByText("Samtykket er netop blevet ændret, mens du så på det. Status er nu: Annulleret.").waitFor();
    expect(await page.getByRole("button", { name: "Jeg vil svare ja – videre til mine valg" }).count()).toBe(0);
  });

  it("narrows a long front page by authority and status, keeps the choice in the address, and offers no filter for a few consents", async () => {
    const cpr = freshCpr();
    const citizen = await platform.citizen(cpr);
    const skat = await platform.caseworker("skattestyrelsen");
    const few = await openAs(cpr);
    expect(await few.getByRole("group", { name: "Vis kun" }).count()).toBe(0);

    // Four from Odense (one withdrawn) and two from Skattestyrelsen, all given.
    const odenses = [await request(cpr), await request(cpr), await request(cpr), await request(cpr)];
    const skats: string[] = [];
    for (let i = 0; i < 2; i++) skats.push((await skat.graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr } })).data.requestConsent.id);
    for (const id of [...odenses, ...skats]) expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    expect((await citizen.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id: odenses[0] })).errors).toBeUndefined();

    const page = await openAs(cpr);
    const filter = page.getByRole("group", { name: "Vis kun" });
    await filter.getByText("Viser 6 af 6 samtykker.").waitFor();
    const active = page.getByRole("region", { name: "Dine aktive samtykker" });
    const earlier = page.getByRole("region", { name: "Tidligere samtykker og anmodninger" });
    await filter.getByLabel("Myndighed").selectOption({ label: "Skattestyrelsen" });
    await filter.getByText("Viser 2 af 6 samtykker.").waitFor();
    expect(await active.getByRole("article").count()).toBe(2);
    expect(await earlier.getByRole("article").count()).toBe(0);
    expect(await active.getByRole("article", { name: DATA_SHARING }).count()).toBe(0);

    await filter.getByLabel("Myndighed").selectOption({ label: "Odense Kommune" });
    await filter.getByLabel("Status").selectOption({ label: "Trukket tilbage" });
    await filter.getByText("Viser 1 af 6 samtykker.").waitFor();
    expect(await active.getByRole("article").count()).toBe(0);
    expect(await earlier.getByRole("article", { name: DATA_SHARING }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("status")).toBe("WITHDRAWN");
    await checkPage(page, "front-filtered");

    await page.reload();
    await page.getByRole("group", { name: "Vis kun" }).getByText("Viser 1 af 6 samtykker.").waitFor();
    await filter.getByLabel("Status").selectOption({ label: "Alle" });
    await filter.getByLabel("Myndighed").selectOption({ label: "Alle" });
    await filter.getByText("Viser 6 af 6 samtykker.").waitFor();
    expect(await active.getByRole("article").count()).toBe(5);
  });

  it("names the third party in a consent's history when its system confirms it stopped using a withdrawn consent", async () => {
    const cpr = freshCpr();
    const skat = await platform.caseworker("skattestyrelsen");
    const requested = await skat.graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr } });
    const id = requested.data.requestConsent.id;
    const citizen = await platform.citizen(cpr);
    expect((await giveWithYesToAll(citizen, id)).errors).toBeUndefined();
    // The shipping company's system fetches data under the consent, so it must confirm the stop.
    const token = await fetch(platform.devLogin!.tokenUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO.thirdPartySystems.shippingCompany, client_secret: DEMO.caseSystemSecret }),
    }).then(async (response) => (await response.json()).access_token as string);
    const rederi = platform.withToken(token);
    const access = await rederi.graphql(`mutation($input: DataAccessRequestInput!) { requestDataAccess(input: $input) { token } }`, {
      input: { cpr, templateKey: "soefarende-skattedata-tredjepart", scope: ["income-data"] },
    });
    expect(access.errors).toBeUndefined();
    expect((await citizen.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id })).errors).toBeUndefined();
    expect((await rederi.graphql(`mutation($id: ID!) { confirmConsentStopped(id: $id) { confirmedAt } }`, { id })).errors).toBeUndefined();

    const page = await openAs(cpr, `/samtykker/${id}`, { heading: "Samtykke til deling af skatteoplysninger med din arbejdsgiver (søfarende)" });
    await page.getByRole("listitem").filter({ hasText: /^Nordsø Rederi A\/S bekræftede, at de er stoppet med at bruge samtykket · / }).waitFor();
  });

  it("pages through the mailbox and the whole access log ten at a time, past a hundred entries, each page its own address, and answers a request from its letter", async () => {
    const cpr = freshCpr();
    for (let count = 0; count < 11; count++) await request(cpr, DEMO.templates.dataSharing, { caseReference: `ODE-POST-${count + 1}` });
    const citizen = await platform.citizen(cpr);
    await eventually(async () => (await citizen.graphql(`{ myMailbox(first: 20) { id } }`)).data.myMailbox.length, 15_000).toBe(11);

    const page = await openAs(cpr, "/postkasse", { heading: "Postkasse" });
    const letters = page.getByRole("list", { name: "Din digitale post om samtykker" }).getByRole("listitem");
    await eventually(() => letters.count()).toBe(10);
    await letters.first().getByText("ulæst", { exact: false }).waitFor();
    await checkPage(page, "mailbox");
    expect(await page.getByRole("link", { name: "Nyere" }).count()).toBe(0);
    const tenth = await letters.last().getAttribute("data-cursor");
    await page.getByRole("link", { name: "Ældre" }).click();
    await eventually(() => new URL(page.url()).searchParams.get("efter")).toBe(tenth);
    await eventually(() => letters.count()).toBe(1);
    await page.reload();
    await eventually(() => letters.count()).toBe(1);
    expect(await page.getByRole("link", { name: "Ældre" }).count()).toBe(0);
    const [pdf] = await Promise.all([page.waitForEvent("download"), letters.first().getByRole("button", { name: /^Hent brevet \(PDF\)/ }).click()]);
    expect((await readFile((await pdf.path())!)).subarray(0, 5).toString()).toBe("%PDF-");
    await eventually(() => letters.first().textContent()).not.toContain("ulæst");
    await page.getByRole("link", { name: "Nyere" }).click();
    await eventually(() => letters.count()).toBe(10);
    await letters.last().getByText("Anmodning om samtykke", { exact: false }).waitFor();
    expect(await letters.last().getAttribute("data-cursor")).toBe(tenth);

    // A request still waiting is answered from its letter: the link leads to the request's own page.
    await letters.first().getByRole("link", { name: /^Læs og svar: Anmodning om samtykke/ }).click();
    await page.getByText("Trin 1 af 5").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/anmodninger\//);
    await page.goBack();

    // Who used my data: the caseworker's eleven requests, then ninety checks by Odense's case system:
    // 101 entries, newest first, ten to a page, every one of them reachable.
    const system = await platform.caseSystem("odense");
    for (let check = 0; check < 90; check++) {
      expect((await system.graphql(`query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "indhentning-videregivelse-oplysninger") { valid } }`, { cpr })).errors).toBeUndefined();
    }
    await page.getByRole("navigation", { name: "Hovedmenu" }).getByRole("link", { name: "Hvem har brugt mine data" }).click();
    await page.getByRole("heading", { level: 1, name: "Hvem har brugt mine data" }).waitFor();
    const entries = page.getByRole("list", { name: "Hvem har brugt dine samtykker" }).getByRole("listitem");
    await eventually(() => entries.count()).toBe(10);
    await entries.first().getByText("Odense Kommune (fagsystem) tjekkede om du har givet samtykke", { exact: false }).waitFor();
    expect(await page.getByRole("link", { name: "Nyere" }).count()).toBe(0);
    let seen = 10;
    for (let older = 1; older <= 10; older++) {
      const last = await entries.last().getAttribute("data-cursor");
      await page.getByRole("link", { name: "Ældre" }).click();
      await eventually(() => new URL(page.url()).searchParams.get("efter")).toBe(last);
      // The page older than the last entry shown: its first entry is older still.
      await eventually(async () => BigInt((await entries.first().getAttribute("data-cursor")) ?? last!) < BigInt(last!)).toBe(true);
      seen += await entries.count();
    }
    expect(seen).toBe(101);
    // The oldest: the first request, its detail named for what it is (the case number, not a "purpose").
    await eventually(() => entries.count()).toBe(1);
    await entries.filter({ hasText: `Odense Kommune bad om samtykket "${DATA_SHARING}"` }).filter({ hasText: "Sag: ODE-POST-1" }).waitFor();
    expect(await page.getByText("Formål:").count()).toBe(0);
    expect(await page.getByRole("link", { name: "Ældre" }).count()).toBe(0);
    // Below, the person register: each request looked the citizen up (the name, and who holds
    // custody, to know who must sign).
    const lookUps = page.getByRole("list", { name: "Opslag på dig i personoplysningerne" }).getByRole("listitem");
    await eventually(() => lookUps.count()).toBe(11);
    await lookUps.first().getByText("Odense Kommune slog dig op og så: navn, forældremyndighed").waitFor();
    await checkPage(page, "access-log");
    // Back towards the newest: the page just newer has ten, the eleven requests' latest among them.
    await page.getByRole("link", { name: "Nyere" }).click();
    await eventually(() => new URL(page.url()).searchParams.has("foer")).toBe(true);
    await eventually(() => entries.count()).toBe(10);
    await entries.filter({ hasText: "Sag: ODE-POST-11" }).waitFor();
    await page.reload();
    await eventually(() => entries.count()).toBe(10);
    await page.getByRole("link", { name: "Til de nyeste" }).click();
    await entries.first().getByText("Odense Kommune (fagsystem) tjekkede", { exact: false }).waitFor();
    expect(new URL(page.url()).search).toBe("");
  });

  it("speaks the browser's language the first time and keeps the citizen's own choice across reload and login", async () => {
    const page = await newPage({ locale: "en-GB" });
    await page.goto(citizenUrl());
    await page.getByRole("heading", { level: 1, name: "Sign in to see your consents" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await checkPage(page, "sign-in");
    await page.getByRole("button", { name: "Dansk" }).click();
    await page.getByRole("heading", { level: 1, name: "Log ind for at se dine samtykker" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Log ind for at se dine samtykker" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("da");

    await page.getByRole("button", { name: "Log ind med MitID" }).click();
    await signInOnLoginPage(page, "2508920147");
    await page.getByRole("heading", { level: 1, name: "Mine samtykker" }).waitFor();
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { name: "Requests awaiting your answer" }).waitFor();
    await page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Who used my data" }).waitFor();
    await page.getByRole("button", { name: "Log out" }).click();
    await page.getByRole("button", { name: "Sign in with MitID" }).click();
    await signInOnLoginPage(page, "2508920147");
    await page.getByRole("heading", { name: "Requests awaiting your answer" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.title()).toBe("My consents");
  });

  // Last: the hundred letters its requests send keep the mailbox busy for a while.
  it("opens a request older than the newest hundred from its address, with all its texts, and says another citizen's consent is not there", async () => {
    const cpr = freshCpr();
    const oldest = await request(cpr, DEMO.templates.dataSharing, { caseReference: "ODE-AELDST" });
    for (let count = 0; count < 100; count++) await request(cpr, DEMO.templates.dataSharing, { caseReference: `ODE-NYERE-${count + 1}` });
    const stranger = await request(freshCpr());

    // The front page lists the newest hundred; the oldest request is not among them, yet its address works.
    const page = await openAs(cpr, `/anmodninger/${oldest}`, { heading: DATA_SHARING });
    await page.getByText("Sagsnummer: ODE-AELDST").waitFor();
    await page.getByRole("heading", { name: "Hvis du siger nej" }).waitFor();
    await page.getByRole("button", { name: "Jeg vil svare ja – videre til mine valg" }).click();
    await page.getByText("Trin 2 af 5").waitFor();
    await page.getByRole("group", { name: "Kommunen må indhente oplysninger fra" }).getByRole("group", { name: "Din egen læge" }).getByRole("radio", { name: "Ja" }).waitFor();

    await page.goto(new URL(`/samtykker/${stranger}`, citizenUrl()).href);
    await page.getByRole("heading", { level: 1, name: "Siden findes ikke" }).waitFor();
    expect(await page.getByText("Samtykke til indhentning").count()).toBe(0);
  });

  it("tells a young person of 15 that they answer a request themselves, as the template says (the Health Act, section 17)", async () => {
    const title = "Samtykke til samtaler med sundhedsplejersken";
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "odense-ui-sundhedspleje",
        title: { da: title, en: "Consent to talks with the health visitor" },
        purpose: { da: "Du kan tale med sundhedsplejersken.", en: "You can talk with the health visitor." },
        ...TEMPLATE_TEXTS,
        signers: "YOUNG_PERSON_FROM_15",
      },
    });
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: drafted.data.createTemplate.id })).errors).toBeUndefined();
    // A young person of fifteen and a half today.
    const young = cprBornOn(new Date(Date.now() - 15.5 * 365.25 * 86_400_000), "568");
    const id = await request(young, drafted.data.createTemplate.id);
    const page = await openAs(young, `/anmodninger/${id}`, { heading: title });
    await page.getByText("Du svarer selv, fordi du er fyldt 15 år (sundhedsloven § 17).").waitFor();
    await checkPage(page, "young-person-request");
  });

  it("tells a citizen on the request's page that they were reminded, and by when to answer, after the template's days", async () => {
    const title = "Samtykke til hjælp til rengøring";
    const drafted = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, {
      input: {
        authorityId: DEMO.authorities.odense,
        key: "odense-ui-paamindelse",
        title: { da: title, en: "Consent to help with cleaning" },
        purpose: { da: "Vi vil hjælpe dig med rengøring.", en: "We want to help you with cleaning." },
        ...TEMPLATE_TEXTS,
        reminderAfterDays: 2,
      },
    });
    expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: drafted.data.createTemplate.id })).errors).toBeUndefined();
    const cpr = freshCpr();
    const id = await request(cpr, drafted.data.createTemplate.id);
    try {
      offset = 2.5 * 86_400_000;
      await eventually(async () => (await odense.graphql(`query($id: ID!) { consent(id: $id) { remindedAt } }`, { id })).data.consent.remindedAt, 10_000).not.toBeNull();
      const page = await openAs(cpr, `/anmodninger/${id}`, { heading: title });
      await page.getByText(/^Påmindelse sendt .*\. Svar senest .*; du må også gerne sige nej\.$/).waitFor();
      await checkPage(page, "request-reminded");
    } finally {
      offset = 0;
    }
  });

  it("lets a guardian the person register appointed act for the ward, named as a guardianship, chosen with the keyboard", async () => {
    const [ward, guardian] = [freshCpr(), freshCpr()];
    const register = await platform.platformClient();
    const appointed = await register.graphql(`mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate } }`, {
      input: { registerEventId: `vaerge-${ward}`, kind: "GUARDIAN_APPOINTED", cpr: ward, otherCpr: guardian, occurredOn: new Date(Date.now() - 86_400_000).toISOString(), guardianshipScope: ["PERSONAL"] },
    });
    expect(appointed.errors).toBeUndefined();
    const wardName = (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { name } }`, { cpr: ward })).data.citizen.name;
    await request(ward);
    const page = await openAs(guardian);
    const actingFor = page.getByLabel("Du handler for");
    expect(await actingFor.locator("option").allTextContents()).toEqual([expect.stringMatching(/^Dig selv/), `${wardName} (værgemål)`]);
    await page.getByRole("region", { name: "Anmodninger, der venter på dit svar" }).getByRole("article", { name: DATA_SHARING }).waitFor();
    await page.locator("body").focus();
    await tabTo(page, (element) => element.tag === "SELECT");
    await page.keyboard.press("ArrowDown");
    await page.getByRole("status").filter({ hasText: `Du handler nu for ${wardName}.` }).waitFor({ state: "attached" });
    await checkPage(page, "front-acting-as-guardian");
  });

  it("shows anyone, signed out, what the authorities ask consent for: each template, its versions with what changed, and the machine-readable form; with the keyboard alone", async () => {
    const draft = (purpose: string) => ({
      authorityId: DEMO.authorities.odense,
      key: "odense-ui-register",
      title: { da: "Samtykke til madservice", en: "Consent to meal service" },
      purpose: { da: purpose, en: "We bring you meals." },
      ...TEMPLATE_TEXTS,
    });
    const ids: string[] = [];
    for (const purpose of ["Vi bringer mad ud til dig.", "Vi bringer mad ud til dig tre gange om ugen."]) {
      const id = (await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, { input: draft(purpose) })).data.createTemplate.id;
      expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id })).errors).toBeUndefined();
      ids.push(id);
    }
    const page = await newPage();
    // Found from the sign-in page, without signing in.
    await page.goto(new URL("/", citizenUrl()).href);
    await page.getByRole("link", { name: "Se uden login, hvad myndighederne beder om samtykke til" }).click();
    await page.getByRole("heading", { level: 1, name: "Hvad myndighederne beder om samtykke til" }).waitFor();
    const odenseTemplates = page.getByRole("region", { name: "Odense Kommune" });
    const link = odenseTemplates.getByRole("link", { name: "Samtykke til madservice" });
    await link.waitFor();
    await odenseTemplates.getByText(/^Version 2 · offentliggjort .* · 0 gyldige samtykker$/).waitFor();
    // Nobody signed in: no sign-in stands in the way.
    expect(await page.getByRole("button", { name: "Log ind med MitID" }).count()).toBe(0);
    await checkPage(page, "register");

    await link.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Samtykke til madservice" }).waitFor();
    const changes = page.getByRole("region", { name: "Ændret siden version 1" });
    await changes.locator("del").filter({ hasText: "Vi bringer mad ud til dig." }).waitFor();
    await changes.locator("ins").filter({ hasText: "Vi bringer mad ud til dig tre gange om ugen." }).waitFor();
    const machine = page.getByRole("link", { name: "Versionen som maskinlæsbar data (JSON-LD, W3C DPV)" });
    expect(await machine.getAttribute("href")).toBe(new URL(`/register/templates/${ids[1]}.jsonld`, platform.gatewayUrl).href);
    // How long the data of a consent on it is kept after it ends: the template's retention.
    await page.getByText("1095 dage efter, at samtykket er ophørt; derefter slettes de").waitFor();
    await checkPage(page, "register-template");

    // The older version, chosen with the arrow key: it is no longer in use, and nothing came before it.
    await page.getByLabel("Vis version").focus();
    await page.keyboard.press("ArrowDown");
    await page.getByText("ikke længere i brug", { exact: true }).first().waitFor();
    expect(await page.getByRole("region", { name: /^Ændret siden/ }).count()).toBe(0);
    expect(await machine.getAttribute("href")).toBe(new URL(`/register/templates/${ids[0]}.jsonld`, platform.gatewayUrl).href);
  });

  it("makes a citizen a copy of everything, shows it being made, and downloads it as one ZIP; with the keyboard alone", async () => {
    const cpr = freshCpr();
    await giveWithYesToAll(await platform.citizen(cpr), await request(cpr));
    const page = await openAs(cpr, "/mine-data", { heading: "Hent en kopi af dine data" });
    const ask = page.getByRole("button", { name: "Bestil kopien" });
    await ask.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("status").filter({ hasText: "Kopien er klar." }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).searchParams.get("kopi")).toMatch(/^[0-9a-f-]{36}$/);
    await checkPage(page, "my-data");
    const save = page.getByRole("button", { name: /^Hent kopien \(ZIP, \d+ kB\)$/ });
    await save.focus();
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^samtykker-.+\.zip$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    // A reload keeps the copy it was following.
    await page.reload();
    await page.getByRole("status").filter({ hasText: "Kopien er klar." }).waitFor();
  });
});
