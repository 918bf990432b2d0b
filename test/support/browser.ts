import { chromium, type Browser } from "playwright-core";

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
