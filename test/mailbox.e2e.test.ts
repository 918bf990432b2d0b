import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// The citizen's mailbox (the stand-in for Digital Post): a letter for every request and a receipt,
// with the whole consent as a PDF, for every consent given, withdrawn or expired.
const SOFIE = "2508920147";
const EMIL = "0304214912";
const LARS = "1203755678";
const KAREN = "0101804321";
const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
const MAILBOX = `{ myMailbox(first: 100) { id kind title { da en } sentAt readAt pdfSha256 consent { id } } }`;
const CITIZEN_APP = "https://borger.example.dk/samtykke/";

interface Letter {
  id: string;
  kind: string;
  title: { da: string; en: string };
  readAt: string | null;
  pdfSha256: string;
  consent: { id: string } | null;
}

let clock = new Date();
let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => clock, dueCheckIntervalMs: 200 }, citizenAppUrl: CITIZEN_APP });
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

/** The citizen's letters about one consent, once `count` have arrived (letters are sent just after the change commits). */
async function lettersAbout(citizen: Caller, consentId: string, count: number): Promise<Letter[]> {
  let letters: Letter[] = [];
  for (let attempt = 0; attempt < 100; attempt++) {
    const mailbox = await citizen.graphql(MAILBOX);
    expect(mailbox.errors).toBeUndefined();
    letters = (mailbox.data.myMailbox as Letter[]).filter((letter) => letter.consent?.id === consentId);
    if (letters.length >= count) return letters;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${count} letters about ${consentId}, got ${letters.length}`);
}

const unwrapped = (text: string) => text.replace(/\s+/g, "");

async function pdfText(citizen: Caller, letterId: string): Promise<{ text: string; pages: number; sha256: string; links: string[] }> {
  const result = await citizen.graphql(`query($id: ID!) { mailboxLetter(id: $id) { pdfBase64 } }`, { id: letterId });
  const base64 = result.data.mailboxLetter.pdfBase64 as string;
  const bytes = Buffer.from(base64, "base64");
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const links: string[] = [];
  for (let number = 1; number <= totalPages; number++) {
    for (const annotation of await (await pdf.getPage(number)).getAnnotations()) if (annotation.subtype === "Link" && annotation.url) links.push(annotation.url);
  }
  return { text: text.replace(/\s+/g, " "), pages: totalPages, sha256: createHash("sha256").update(bytes).digest("hex"), links };
}

describe("the citizen's mailbox", () => {
  it("brings the request, then receipts for giving and withdrawing, each a PDF with the full text and every answer", async () => {
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE, caseReference: "ODE-POST-1" } })).data.requestConsent.id;
    const sofie = await platform.citizen(SOFIE);
    const [request] = await lettersAbout(sofie, id, 1);
    expect(request).toMatchObject({ kind: "REQUEST", readAt: null, title: { da: expect.stringMatching(/^Anmodning om samtykke: /), en: expect.stringMatching(/^Request for consent: /) } });
    const asked = await pdfText(sofie, request!.id);
    expect(asked.sha256).toBe(request!.pdfSha256);
    // The letter's facts are a table: each name a row header, its value beside it.
    expect(asked.text).toContain("Fra Odense Kommune");
    expect(asked.text).toContain("Sagsnummer ODE-POST-1");
    expect(asked.text).toContain("Intet er valgt på forhånd");
    // The request's own page in the citizen app, written out (a long address may wrap) and clickable, in Danish and in English.
    expect(unwrapped(asked.text)).toContain(`Svarpåanmodningenher:${CITIZEN_APP}anmodninger/${id}`);
    expect(unwrapped(asked.text)).toContain(`Answertherequesthere:${CITIZEN_APP}anmodninger/${id}`);
    expect(asked.links).toEqual([`${CITIZEN_APP}anmodninger/${id}`, `${CITIZEN_APP}anmodninger/${id}`]);

    const choices = (await sofie.graphql(`query($id: ID!) { consent(id: $id) { choices { key kind required group { da } label { da } } } }`, { id })).data.consent.choices as {
      key: string;
      kind: string;
      required: boolean;
      group: { da: string } | null;
      label: { da: string };
    }[];
    // Yes to every box but one the citizen may leave out, and words in any text field.
    const saidNo = choices.filter((choice) => choice.kind === "CHECKBOX" && !choice.required).at(-1)!;
    const answers = choices.map(({ key, kind }) => (kind === "CHECKBOX" ? { key, checked: key !== saidNo.key } : { key, text: "Min tandlæge" }));
    const given = await sofie.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status purpose { da en } signatures { contentHash } } }`, { id, answers });
    expect(given.errors).toBeUndefined();
    const consent = given.data.giveConsent;
    const receipt = (await lettersAbout(sofie, id, 2)).find((letter) => letter.kind === "GIVEN")!;
    expect(receipt.title.da).toMatch(/^Kvittering: samtykke givet: /);
    const { text, pages, links } = await pdfText(sofie, receipt.id);
    expect(unwrapped(text)).toContain(`Sesamtykkether:${CITIZEN_APP}samtykker/${id}`);
    expect(links).toContain(`${CITIZEN_APP}samtykker/${id}`);
    // The whole consent: its texts in Danish and English, every choice with the answer given, and
    // the hash of what was signed, which the sealed consent document carries too.
    expect(text).toContain(consent.purpose.da.replace(/\s+/g, " "));
    expect(text).toContain(consent.purpose.en.replace(/\s+/g, " "));
    expect(text).toContain(`${saidNo.group ? `${saidNo.group.da}: ` : ""}${saidNo.label.da}: Nej`);
    if (choices.some((choice) => choice.kind === "TEXT")) expect(text).toContain(": Min tandlæge");
    expect(text).toContain(consent.signatures[0].contentHash);
    expect(text).toContain("digitalt med MitID");
    expect(pages).toBeGreaterThanOrEqual(2);

    await sofie.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id });
    const withdrawn = (await lettersAbout(sofie, id, 3)).find((letter) => letter.kind === "WITHDRAWN")!;
    expect((await pdfText(sofie, withdrawn.id)).text).toContain("Samtykket er trukket tilbage og gælder ikke længere.");

    // Each event is one letter, however often letters are sent.
    const kinds = (await lettersAbout(sofie, id, 3)).map((letter) => letter.kind);
    expect(kinds.sort()).toEqual(["GIVEN", "REQUEST", "WITHDRAWN"]);
  });

  it("sends a child's letters to both custody holders, naming the child", async () => {
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.childTherapy, cpr: EMIL } })).data.requestConsent.id;
    for (const parent of [KAREN, LARS]) {
      const citizen = await platform.citizen(parent);
      const [letter] = await lettersAbout(citizen, id, 1);
      expect(letter!.kind).toBe("REQUEST");
      // The letter says which child it is about, in both languages.
      const { text } = await pdfText(citizen, letter!.id);
      expect(text).toContain("Gælder Emil Nielsen");
      expect(text).toContain("Concerns Emil Nielsen");
    }
    expect((await (await platform.citizen(EMIL)).graphql(MAILBOX)).data.myMailbox.filter((letter: Letter) => letter.consent?.id === id)).toEqual([]);
  });

  it("sends a receipt when a consent expires", async () => {
    const skat = await platform.caseworker("skattestyrelsen");
    const template = await skat.graphql(`query($id: ID!) { template(id: $id) { defaultValidityDays } }`, { id: DEMO.templates.seafarerTax });
    const id = (await skat.graphql(REQUEST, { input: { templateId: DEMO.templates.seafarerTax, cpr: "1710681239" } })).data.requestConsent.id;
    const ole = await platform.citizen("1710681239");
    expect((await giveWithYesToAll(ole, id)).data.giveConsent.status).toBe("ACTIVE");
    clock = new Date(clock.getTime() + (template.data.template.defaultValidityDays + 1) * 86_400_000);
    const expired = (await lettersAbout(ole, id, 3)).find((letter) => letter.kind === "EXPIRED")!;
    expect(expired.title.en).toMatch(/^Receipt: consent expired: /);
    expect((await pdfText(ole, expired.id)).text).toContain("Samtykket er udløbet og gælder ikke længere.");
  });

  it("pages through a mailbox by cursor, newest first, every letter once and back again, finds the letters about one consent, and refuses a cursor it did not give", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1971, 4, 9)), "567");
    for (let count = 0; count < 7; count++) expect((await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr } })).errors).toBeUndefined();
    const citizen = await platform.citizen(cpr);
    const PAGE = `query($after: String, $before: String) { myMailbox(first: 3, after: $after, before: $before) { id cursor sentAt } }`;
    let whole: { id: string; cursor: string; sentAt: string }[] = [];
    await expect.poll(async () => (whole = (await citizen.graphql(`{ myMailbox(first: 100) { id cursor sentAt } }`)).data.myMailbox).length, { timeout: 15_000 }).toBe(7);
    // Newest first; letters sent at the same moment (this file's clock stands still) keep one order.
    expect(whole.map((letter) => letter.sentAt)).toEqual([...whole.map((letter) => letter.sentAt)].sort().reverse());

    const pages: string[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = (await citizen.graphql(PAGE, { after })).data.myMailbox as typeof whole;
      if (!page.length) break;
      pages.push(page.map((letter) => letter.id));
      after = page.at(-1)!.cursor;
    }
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(whole.map((letter) => letter.id));
    // Before the last page's letter: the three just newer, still newest first.
    const newer = (await citizen.graphql(PAGE, { before: whole[6]!.cursor })).data.myMailbox as typeof whole;
    expect(newer.map((letter) => letter.id)).toEqual(pages[1]);

    // The letters about one consent, as a consent's page asks for its receipt among hundreds of letters.
    const about = (await citizen.graphql(`{ myMailbox(first: 100) { consent { id } } }`)).data.myMailbox[4].consent.id;
    const ABOUT = `query($consentId: ID) { myMailbox(first: 100, consentId: $consentId) { kind consent { id } } }`;
    expect((await citizen.graphql(ABOUT, { consentId: about })).data.myMailbox).toEqual([{ kind: "REQUEST", consent: { id: about } }]);
    expect((await citizen.graphql(ABOUT, { consentId: "6b3f1f8e-6f53-4c1e-9d44-3b1c1b1b1b1b" })).data.myMailbox).toEqual([]);
    expect((await citizen.graphql(ABOUT, { consentId: "not-a-consent" })).errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");

    for (const variables of [{ after: "7" }, { before: `${new Date().toISOString()}_not-a-letter` }, { after: whole[0]!.cursor, before: whole[6]!.cursor }]) {
      const refused = await citizen.graphql(PAGE, variables);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
      expect(refused.data).toBeNull();
    }
  });

  it("lets only the addressee read a letter, and marks it read once", async () => {
    const id = (await odense.graphql(REQUEST, { input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE } })).data.requestConsent.id;
    const sofie = await platform.citizen(SOFIE);
    const [letter] = await lettersAbout(sofie, id, 1);
    const READ = `mutation($id: ID!) { markLetterRead(id: $id) { readAt } }`;
    const first = (await sofie.graphql(READ, { id: letter!.id })).data.markLetterRead.readAt;
    expect(first).toEqual(expect.any(String));
    expect((await sofie.graphql(READ, { id: letter!.id })).data.markLetterRead.readAt).toBe(first);

    const karen = await platform.citizen(KAREN);
    const stranger = await karen.graphql(READ, { id: letter!.id });
    expect(stranger.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", message: { da: "Brevet findes ikke.", en: "Letter not found." } });
    expect((await karen.graphql(MAILBOX)).data.myMailbox.some((other: Letter) => other.id === letter!.id)).toBe(false);
    expect((await karen.graphql(`query($id: ID!) { mailboxLetter(id: $id) { pdfBase64 } }`, { id: letter!.id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await odense.graphql(MAILBOX)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await platform.graphql(MAILBOX)).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  });
});
