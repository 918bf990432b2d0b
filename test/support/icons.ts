import type { Page } from "playwright-core";

/**
 * What the design system's icons get wrong on the page, one line each: an icon naming a symbol the
 * dkfds sprite does not have (it shows as an empty space), and a dkfds alert without its icon
 * (the alert keeps the icon's room on its left either way). Empty when every icon shows.
 */
export async function brokenIcons(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const problems: string[] = [];
    const sprites = new Map<string, Promise<Document>>();
    for (const use of document.querySelectorAll("svg use")) {
      const href = use.getAttribute("href") ?? use.getAttribute("xlink:href") ?? "";
      const [file, id] = href.split("#");
      if (!file) continue;
      const url = new URL(file, document.baseURI).href;
      if (!sprites.has(url)) sprites.set(url, fetch(url).then(async (response) => new DOMParser().parseFromString(await response.text(), "image/svg+xml")));
      if (!(await sprites.get(url)!).getElementById(id ?? "")) problems.push(`no icon "${id}" in ${file}`);
    }
    for (const alert of document.querySelectorAll(".alert")) {
      if (!alert.querySelector(".alert-icon")) problems.push(`alert without its icon: "${alert.textContent?.trim().slice(0, 60)}"`);
    }
    return problems;
  });
}
