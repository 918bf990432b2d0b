import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inflateSync } from "node:zlib";
import { getDocumentProxy } from "unpdf";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// Every outcome gets a receipt in the citizen's mailbox, and each receipt is an accessible PDF
// (PDF/UA-1): its language, its title, a structure tree of headings, tables and lists in reading
// order, every font embedded, and the consent as the platform sealed it, attached, which anyone can
// verify. Read back here with pdf.js, as assistive technology reads it.
const MAILBOX = `{ myMailbox(first: 100) { id kind title { da } consent { id } } }`;
const VERIFY = `query($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict } }`;

interface StructNode {
  role?: string;
  lang?: string;
  children?: (StructNode | { type: string; id: string })[];
}

let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

let born = 0;
async function asked(extra: Record<string, unknown> = {}) {
  const cpr = cprBornOn(new Date(Date.UTC(1958, 1, 1 + born++)), "654");
  const id = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr, ...extra } })).data.requestConsent.id;
  return { id, citizen: await platform.citizen(cpr) };
}

async function receipt(citizen: Caller, consentId: string, kind: string) {
  let letter: { id: string; kind: string; title: { da: string } } | undefined;
  await expect
    .poll(async () => {
      const mailbox = await citizen.graphql(MAILBOX);
      expect(mailbox.errors).toBeUndefined();
      letter = (mailbox.data.myMailbox as { id: string; kind: string; title: { da: string }; consent: { id: string } | null }[]).find(
        (candidate) => candidate.consent?.id === consentId && candidate.kind === kind,
      );
      return Boolean(letter);
    }, { timeout: 10_000, interval: 300 })
    .toBe(true);
  const bytes = Buffer.from((await citizen.graphql(`query($id: ID!) { mailboxLetter(id: $id) { pdfBase64 } }`, { id: letter!.id })).data.mailboxLetter.pdfBase64, "base64");
  return { letter: letter!, bytes, pdf: await getDocumentProxy(new Uint8Array(bytes)) };
}

/** The first page's text as a reader extracts it (through the fonts' maps back to characters), spaces made single. */
async function firstPageText(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<string> {
  const { items } = await (await pdf.getPage(1)).getTextContent();
  return (items as { str?: string }[]).map((item) => item.str ?? "").join(" ").replace(/\s+/g, " ");
}

/** The roles of a structure tree, depth first: the reading order a screen reader follows. */
const roles = (node: StructNode): string[] => [node.role ?? "", ...(node.children ?? []).flatMap((child) => ("role" in child ? roles(child as StructNode) : []))];
const find = (node: StructNode, role: string): StructNode[] => [...(node.role === role ? [node] : []), ...(node.children ?? []).flatMap((child) => ("role" in child ? find(child as StructNode, role) : []))];

describe("a receipt", () => {
  it("is a tagged PDF/UA document: language, title, headings, a table of facts and lists, in reading order, with its fonts embedded", async () => {
    const { id, citizen } = await asked();
    expect((await giveWithYesToAll(citizen, id)).data.giveConsent.status).toBe("ACTIVE");
    const { letter, bytes, pdf } = await receipt(citizen, id, "GIVEN");

    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const { info } = (await pdf.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe(letter.title.da);
    expect(info.Language).toBe("da-DK");
    const raw = bytes.toString("latin1");
    expect(raw).toContain("<pdfuaid:part>1</pdfuaid:part>");
    expect(raw).toContain("/DisplayDocTitle true");
    // Every font is embedded (a font file per font); none is one of the PDF's standard fonts, which are not.
    expect(raw).toContain("/FontFile2");
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);

    const [danish, english] = [await (await pdf.getPage(1)).getStructTree(), await (await pdf.getPage(pdf.numPages)).getStructTree()];
    const danishPart = find(danish as StructNode, "Sect")[0]!;
    expect(danishPart.lang).toBe("da-DK");
    expect(find(english as StructNode, "Sect").at(-1)!.lang).toBe("en-GB");
    const order = roles(danishPart).filter((role) => ["H1", "H2", "Table", "L"].includes(role));
    // The title, then the facts (from, date, id) as a table, then what happened, the texts, the answers as a list.
    expect(order.slice(0, 4)).toEqual(["H1", "H2", "Table", "H2"]);
    expect(order).toContain("L");
    const table = find(danishPart, "Table")[0]!;
    expect(find(table, "TR").length).toBeGreaterThanOrEqual(3);
    expect(find(table, "TH").length).toBe(find(table, "TD").length);
    expect(find(find(danishPart, "L")[0]!, "LI").length).toBeGreaterThan(0);
  });

  it("carries the consent as the platform sealed it, which verifies", async () => {
    const { id, citizen } = await asked();
    await giveWithYesToAll(citizen, id);
    const { pdf, bytes } = await receipt(citizen, id, "GIVEN");
    const attachments = (await pdf.getAttachments()) as unknown as Map<string, { filename: string }> | null;
    expect([...(attachments?.values() ?? [])].map((attachment) => attachment.filename)).toEqual([`samtykke-${id}.json`]);
    // The attached file's stream, as a PDF reader hands it out when the file is opened.
    const stream = /\/Type \/EmbeddedFile[\s\S]*?\/Filter \/FlateDecode\s*>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/.exec(bytes.toString("latin1"));
    expect(stream).not.toBeNull();
    const document = JSON.parse(inflateSync(Buffer.from(stream![1]!, "latin1")).toString("utf8"));
    expect((await platform.withToken(null).graphql(VERIFY, { document })).data.verifyConsentDocument.verdict).toBe("VALID");
  });

  it("comes for a decline and for a consent that ended with its case, as for giving, withdrawing and expiring", async () => {
    const declined = await asked();
    expect((await declined.citizen.graphql(`mutation($id: ID!) { declineConsent(id: $id) { status } }`, { id: declined.id })).data.declineConsent.status).toBe("DECLINED");
    const declinedReceipt = await receipt(declined.citizen, declined.id, "DECLINED");
    expect(declinedReceipt.letter.title.da).toMatch(/^Kvittering: anmodning afvist: /);

    const ended = await asked({ caseReference: "ODE-KVIT-1" });
    await giveWithYesToAll(ended.citizen, ended.id);
    expect((await odense.graphql(`mutation($a: ID!) { closeCase(caseReference: "ODE-KVIT-1", authorityId: $a) { status } }`, { a: DEMO.authorities.odense })).errors).toBeUndefined();
    const endedReceipt = await receipt(ended.citizen, ended.id, "ENDED");
    expect(endedReceipt.letter.title.da).toMatch(/^Kvittering: samtykke afsluttet: /);
    // Letters laid out one after the other with the fonts and shaped words they share read back as written.
    for (const [{ letter, pdf }, id] of [
      [declinedReceipt, declined.id],
      [endedReceipt, ended.id],
    ] as const) {
      const text = await firstPageText(pdf);
      for (const word of letter.title.da.split(/\s+/)) expect(text).toContain(word);
      expect(text).toContain(`Samtykke-id ${id}`);
    }
  });
});
