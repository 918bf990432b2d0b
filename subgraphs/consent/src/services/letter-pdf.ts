import { readFileSync } from "node:fs";
import { create as openFont } from "fontkit";
import PDFDocument from "pdfkit";
import type { LetterContent, LetterSection } from "../domain/letter.js";

// IBM Plex Sans, the Danish common design system's typeface (SIL Open Font License, beside the
// files), embedded so the letter reads the same everywhere: PDF/UA wants every font embedded.
// Read and parsed once per process and shared by every letter: parsed for each letter, their tables
// were a quarter of the consent subgraph's CPU while consents were given (fontkit keeps what it has
// decoded on the font, and pdfkit takes a fontkit font as it is).
const FONTS = new URL("../../assets/fonts/", import.meta.url);
const REGULAR = openFont(readFileSync(new URL("IBMPlexSans-Regular.ttf", FONTS)));
const BOLD = openFont(readFileSync(new URL("IBMPlexSans-Bold.ttf", FONTS)));
const LANGUAGE_TAGS = ["da-DK", "en-GB"];

/**
 * pdfkit shapes each word once per document (fontkit's OpenType layout: kerning, ligatures), and
 * the same words recur in every letter: the shaped words are kept across letters, per font, and
 * started afresh past `limit` words so that names and ids do not pile up. pdfkit looks them up by
 * word on its font's `layoutCache`; it scales a run once, when it is made, so a run is the same for
 * every letter set in that font.
 */
function sharedLayouts(limit = 20_000): Record<string, unknown> {
  let layouts: Record<string, unknown> = Object.create(null);
  let size = 0;
  return new Proxy(Object.create(null), {
    get: (_, word: string) => layouts[word],
    set: (_, word: string, run) => {
      if (++size > limit) {
        layouts = Object.create(null);
        size = 1;
      }
      layouts[word] = run;
      return true;
    },
  });
}
const LAYOUTS = { Plex: sharedLayouts(), "Plex-Bold": sharedLayouts() };
const FACT_NAME_WIDTH = 150;

/** A file the letter carries, such as the sealed consent document a recipient can verify. */
export interface LetterAttachment {
  name: string;
  description: string;
  mediaType: string;
  content: Buffer;
}

/**
 * Lays a letter out as an accessible A4 PDF (PDF/UA-1, tagged): Danish first, then the same letter
 * in English on a new page, each part marked with its language; a heading for the title and for each
 * section, facts as a table, choices and signatures as lists, every font embedded. The sealed
 * consent document, when given, goes with it as an attached file.
 */
export function renderLetterPdf(versions: readonly LetterContent[], createdAt: Date, attachments: readonly LetterAttachment[] = []): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "da-DK",
    displayTitle: true,
    tagged: true,
    pdfVersion: "1.7",
    subset: "PDF/UA",
    // A fixed date makes the same letter the same layout, whichever instance renders it.
    info: { Title: versions[0]?.title ?? "", Author: "Samtykke", Creator: "Samtykke", CreationDate: createdAt, ModDate: createdAt },
    // @types/pdfkit knows only the PDF/A subsets; pdfkit itself writes PDF/UA's identification too.
  } as unknown as PDFKit.PDFDocumentOptions);
  document.registerFont("Plex", REGULAR as never);
  document.registerFont("Plex-Bold", BOLD as never);
  for (const [name, layouts] of Object.entries(LAYOUTS)) {
    // The font as pdfkit embeds it in this document (`_font` once chosen), given the shared words.
    (document.font(name) as unknown as { _font: { layoutCache?: unknown } })._font.layoutCache = layouts;
  }
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });
  const root = document.struct("Document");
  document.addStructure(root);
  versions.forEach((letter, index) => {
    if (index > 0) document.addPage();
    const part = document.struct("Sect", { lang: LANGUAGE_TAGS[index] ?? "da-DK" });
    root.add(part);
    document.font("Plex-Bold").fontSize(16).text(letter.title, { structParent: part, structType: "H1" } as PDFKit.Mixins.TextOptions);
    for (const section of letter.sections) layOutSection(document, part, section);
    part.end();
  });
  root.end();
  for (const attachment of attachments) {
    document.file(attachment.content, { name: attachment.name, type: attachment.mediaType, description: attachment.description, creationDate: createdAt, modifiedDate: createdAt });
  }
  document.end();
  return done;
}

type Structure = ReturnType<PDFKit.PDFDocument["struct"]>;
const tagged = (structParent: Structure, structType: string, options: Record<string, unknown> = {}) => ({ ...options, structParent, structType }) as PDFKit.Mixins.TextOptions;

function layOutSection(document: PDFKit.PDFDocument, part: Structure, section: LetterSection) {
  document.moveDown(0.8).font("Plex-Bold").fontSize(11).text(section.heading, tagged(part, "H2"));
  document.font("Plex").fontSize(10);
  if (section.form === "list") {
    const list = document.struct("L");
    part.add(list);
    document.list(section.lines, { structParent: list, bulletRadius: 1.5, paragraphGap: 2 } as PDFKit.Mixins.TextOptions);
    list.end();
  } else if (section.form === "facts") {
    // Each fact a row: its name as the row's header, its value beside it.
    const table = document.struct("Table");
    part.add(table);
    const left = document.page.margins.left;
    const valueWidth = document.page.width - document.page.margins.right - left - FACT_NAME_WIDTH;
    for (const line of section.lines) {
      const split = line.indexOf(": ");
      const [name, value] = split < 0 ? ["", line] : [line.slice(0, split), line.slice(split + 2)];
      const row = document.struct("TR");
      table.add(row);
      const top = document.y;
      document.font("Plex-Bold").text(name, left, top, tagged(row, "TH", { width: FACT_NAME_WIDTH - 8 }));
      const nameBottom = document.y;
      document.font("Plex").text(value, left + FACT_NAME_WIDTH, top, tagged(row, "TD", { width: valueWidth }));
      document.x = left;
      document.y = Math.max(nameBottom, document.y) + 2;
      row.end();
    }
    table.end();
  } else {
    for (const line of section.lines) document.text(line, tagged(part, "P", { paragraphGap: 2 }));
  }
  // The address written out in full, so it can be typed from a printed letter, and clickable.
  if (section.link) {
    document.text(`${section.link.label}:`, tagged(part, "P"));
    document.fillColor("#0059b3").text(section.link.url, tagged(part, "Link", { link: section.link.url, underline: true })).fillColor("black");
  }
}
