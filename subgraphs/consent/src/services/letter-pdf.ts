import PDFDocument from "pdfkit";
import type { LetterContent } from "../domain/letter.js";

/**
 * Lays a letter out as an A4 PDF: Danish first, then the same letter in English on a new page.
 * The standard Helvetica covers Danish letters (WinAnsi), so no font file ships with the platform.
 */
export function renderLetterPdf(versions: readonly LetterContent[], createdAt: Date): Promise<Buffer> {
  const document = new PDFDocument({
    size: "A4",
    margin: 56,
    lang: "da-DK",
    displayTitle: true,
    // A fixed date makes the same letter the same bytes, whichever instance renders it.
    info: { Title: versions[0]?.title ?? "", Author: "Samtykke", Creator: "Samtykke", CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });
  versions.forEach((letter, index) => {
    if (index > 0) document.addPage();
    document.font("Helvetica-Bold").fontSize(16).text(letter.title);
    for (const section of letter.sections) {
      document.moveDown(0.8).font("Helvetica-Bold").fontSize(11).text(section.heading);
      document.font("Helvetica").fontSize(10);
      for (const line of section.lines) document.text(line, { paragraphGap: 2 });
      // The address written out in full, so it can be typed from a printed letter, and clickable.
      if (section.link) document.text(`${section.link.label}:`).fillColor("#0059b3").text(section.link.url, { link: section.link.url, underline: true }).fillColor("black");
    }
  });
  document.end();
  return done;
}
