import { chromium, type Browser, type Page } from "playwright-core";

/**
 * Debian's Chromium, headless, as the browser tests drive it. Without the background-networking
 * flags Chromium keeps trying hosts this machine cannot reach; Playwright never downloads its own.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * Collects what went wrong in a page for the test to assert on: uncaught exceptions, and anything
 * the app's Content-Security-Policy refused (thrown in the page, so it arrives the same way).
 */
export async function collectPageErrors(page: Page, errors: string[]): Promise<void> {
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (event) => {
      throw new Error(`Content-Security-Policy refused ${event.blockedURI} (${event.violatedDirective})`);
    }),
  );
}
