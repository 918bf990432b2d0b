import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type TestPlatform } from "./support/platform.js";

// The two SPAs in Debian's Chromium against the real gateway: what a caseworker and a citizen see.

let platform: TestPlatform;
let browser: Browser;
const urlOf = (name: string) => platform.parts.find((part) => part.name === name)!.url;

beforeAll(async () => {
  platform = await startTestPlatform({ serveWeb: true });
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
});
afterAll(async () => {
  await browser?.close();
  await platform?.stop();
});

async function newPage(): Promise<Page> {
  const page = await browser.newPage();
  // Fail with the locator that did not appear, well inside the test's own timeout.
  page.setDefaultTimeout(8_000);
  return page;
}

async function openAuthority(): Promise<Page> {
  const page = await newPage();
  await page.goto(urlOf("authority SPA"));
  await expect.poll(() => page.getByLabel("Myndighed", { exact: true }).locator("option").count()).toBe(3);
  await page.getByLabel("Myndighed", { exact: true }).selectOption({ label: "Odense Kommune (CVR 35209115)" });
  await expect.poll(() => page.getByLabel("Skabelon").locator("option").count()).toBeGreaterThan(0);
  return page;
}

describe("the web apps", () => {
  it("let a caseworker request consent and a citizen give it, with both pages updating live", async () => {
    const authority = await openAuthority();
    expect(await authority.locator("html").getAttribute("lang")).toBe("da");
    await authority.getByLabel("Skabelon").selectOption({ label: "Samtykke til indhentning og/eller videregivelse af personoplysninger (v1)" });
    await authority.getByLabel("CPR-nummer").fill("2508920147");
    await authority.getByLabel("Sagsnummer (valgfrit)").fill("ODE-TEST-1");
    await authority.getByRole("button", { name: "Send anmodning" }).click();
    await authority.getByText("Anmodningen er sendt til borgeren.").waitFor();
    const row = authority.getByRole("row").filter({ hasText: "Sofie Hansen" });
    await row.getByRole("cell", { name: "Anmodet", exact: true }).waitFor();
    expect(await row.textContent()).toContain("ODE-TEST-1");

    const citizen = await newPage();
    await citizen.goto(urlOf("citizen SPA"));
    expect(await citizen.locator("html").getAttribute("lang")).toBe("da");
    await citizen.getByLabel("CPR-nummer").fill("2508920147");
    await citizen.getByRole("button", { name: "Log ind (test)" }).click();
    await citizen.getByText("Sofie Hansen").waitFor();
    const request = citizen.getByRole("region", { name: "Samtykke til indhentning og/eller videregivelse af personoplysninger" });
    await request.getByText("Afventer dit svar").waitFor();
    await request.getByRole("button", { name: "Giv samtykke" }).click();
    await citizen.getByText("Tak. Dit samtykke er givet.").waitFor();
    await citizen.getByRole("article", { name: "Samtykke til indhentning og/eller videregivelse af personoplysninger" }).getByText("Aktivt").waitFor();

    // The caseworker's page was not reloaded: the subscription brought the change.
    await row.getByRole("cell", { name: "Aktivt", exact: true }).waitFor();
    const consents = await platform.graphql(`{ citizen(cpr: "2508920147") { consents { status caseReference } } }`);
    expect(consents.data.citizen.consents).toEqual([{ status: "ACTIVE", caseReference: "ODE-TEST-1" }]);
    await Promise.all([authority.close(), citizen.close()]);
  });

  it("shows the citizen a new request the moment it is made, and speaks English on request", async () => {
    const citizen = await newPage();
    await citizen.goto(urlOf("citizen SPA"));
    await citizen.getByLabel("CPR-nummer").fill("1203755678");
    await citizen.getByRole("button", { name: "Log ind (test)" }).click();
    await citizen.getByText("Du har ingen anmodninger, der venter.").waitFor();

    await platform.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.childTherapy, cpr: "1203755678" },
    });
    await citizen.getByRole("region", { name: "Forældresamtykke til ergo- og fysioterapi for dit barn" }).waitFor();

    await citizen.getByRole("button", { name: "English" }).click();
    expect(await citizen.locator("html").getAttribute("lang")).toBe("en");
    await citizen.getByRole("region", { name: "Parental consent to occupational and physiotherapy for your child" }).getByText("Awaiting your answer").waitFor();
    await citizen.getByRole("heading", { name: "Requests awaiting your answer" }).waitFor();
    await citizen.close();
  });

  it("shows the API's own message next to an invalid CPR number and adds nothing", async () => {
    const authority = await openAuthority();
    await authority.getByLabel("CPR-nummer").fill("3213804321");
    await authority.getByRole("button", { name: "Send anmodning" }).click();
    await authority.getByText("Ugyldigt CPR-nummer: de første seks cifre er ikke en gyldig dato").waitFor();
    expect(await authority.getByLabel("CPR-nummer").inputValue()).toBe("3213804321");
    expect(await authority.getByLabel("CPR-nummer").getAttribute("aria-invalid")).toBe("true");
    const odense = await platform.graphql(`{ authority(id: "${DEMO.authorities.odense}") { consents { subject { name } } } }`);
    expect(odense.data.authority.consents.map((c: { subject: { name: string } }) => c.subject.name)).not.toContain("Ukendt");
    expect(await authority.getByRole("row").count()).toBe(odense.data.authority.consents.length + 1);
    await authority.close();
  });
});
