import { describe, expect, it } from "vitest";
import { ChoiceKind, contentHash, inspectScan, isIntact, SignatureMethod, signedContent, validateAnswers, type Choice, type ConsentBody } from "./declaration.js";

const label = (word: string) => ({ da: word, en: word });
const choices: Choice[] = [
  { key: "employer", kind: ChoiceKind.CHECKBOX, group: null, label: label("Employer"), required: false, maxLength: null },
  { key: "income", kind: ChoiceKind.CHECKBOX, group: null, label: label("Income"), required: true, maxLength: null },
  { key: "others", kind: ChoiceKind.TEXT, group: null, label: label("Others"), required: false, maxLength: 10 },
];

describe("validateAnswers", () => {
  it("returns every answer in the choices' order, texts trimmed and empty ones as none", () => {
    expect(
      validateAnswers(choices, [
        { key: "others", checked: null, text: "  " },
        { key: "income", checked: true, text: null },
        { key: "employer", checked: false, text: null },
      ]),
    ).toEqual([
      { key: "employer", checked: false, text: null },
      { key: "income", checked: true, text: null },
      { key: "others", checked: null, text: null },
    ]);
  });

  it("refuses a checkbox left unanswered: no yes is assumed", () => {
    expect(() => validateAnswers(choices, [{ key: "income", checked: true, text: null }])).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "answers.employer" }, messages: { da: 'Svar ja eller nej til "Employer".', en: 'Answer yes or no to "Employer".' } }),
    );
  });

  it("refuses a required checkbox answered no, and points to declining instead", () => {
    expect(() =>
      validateAnswers(choices, [
        { key: "employer", checked: true, text: null },
        { key: "income", checked: false, text: null },
      ]),
    ).toThrow(expect.objectContaining({ details: { field: "answers.income" }, messages: expect.objectContaining({ en: expect.stringContaining("decline") }) }));
  });

  it("refuses unknown, repeated and overlong answers", () => {
    const valid = [
      { key: "employer", checked: true, text: null },
      { key: "income", checked: true, text: null },
    ];
    expect(() => validateAnswers(choices, [...valid, { key: "nope", checked: true, text: null }])).toThrow(expect.objectContaining({ details: { field: "answers.nope" } }));
    expect(() => validateAnswers(choices, [...valid, valid[0]!])).toThrow(expect.objectContaining({ details: { field: "answers.employer" } }));
    expect(() => validateAnswers(choices, [...valid, { key: "others", checked: null, text: "x".repeat(11) }])).toThrow(
      expect.objectContaining({ details: { field: "answers.others" } }),
    );
  });
});

describe("the signed content and its hash", () => {
  const consent = {
    id: "k1",
    templateKey: "demo",
    templateVersion: 1,
    kind: "CONSENT",
    subjectId: "c1",
    authorityId: "a1",
    validityDays: 30,
    singleUse: false,
    body: { ...Object.fromEntries(["title", "purpose", "dataCovered", "partiesCovered", "consequencesOfYes", "consequencesOfNo", "howToWithdraw"].map((f) => [f, label(f)])), choices } as unknown as ConsentBody,
    answers: [{ key: "employer", checked: true, text: null }],
  };

  it("does not depend on key order (RFC 8785)", () => {
    const content = signedContent(consent);
    const reordered = JSON.parse(JSON.stringify({ body: content.body, header: Object.fromEntries(Object.entries(content.header).reverse()) }));
    expect(contentHash(reordered)).toBe(contentHash(content));
    expect(contentHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("finds a changed answer, text, recipient or attachment", () => {
    const hash = contentHash(signedContent(consent));
    const signatures = [{ signerId: "c1", method: SignatureMethod.DIGITAL, attestedBy: null, contentHash: hash, signedAt: "2026-01-01T00:00:00.000Z" }];
    expect(isIntact(signedContent(consent), signatures)).toBe(true);
    expect(isIntact(signedContent({ ...consent, answers: [{ key: "employer", checked: false, text: null }] }), signatures)).toBe(false);
    expect(isIntact(signedContent({ ...consent, authorityId: "a2" }), signatures)).toBe(false);
    expect(isIntact(signedContent({ ...consent, body: { ...consent.body, purpose: label("another purpose") } }), signatures)).toBe(false);
    expect(isIntact(signedContent({ ...consent, attachments: [{ fileName: "scan.pdf", mediaType: "application/pdf", sha256: "0".repeat(64) }] }), signatures)).toBe(false);
  });
});

describe("inspectScan", () => {
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(100)]);

  it("tells the type from the content and hashes it", () => {
    expect(inspectScan(pdf, " samtykke.pdf ")).toMatchObject({ fileName: "samtykke.pdf", mediaType: "application/pdf", size: pdf.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(inspectScan(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]), "scan.pdf").mediaType).toBe("image/jpeg");
    expect(inspectScan(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "scan.png").mediaType).toBe("image/png");
  });

  it("names the stored file with the extension its content calls for, whatever it was called", () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]);
    expect(inspectScan(png, "blanket.pdf").fileName).toBe("blanket.png");
    expect(inspectScan(png, "blanket").fileName).toBe("blanket.png");
    expect(inspectScan(png, "Blanket.PNG").fileName).toBe("Blanket.PNG");
    expect(inspectScan(jpeg, "foto.JPEG").fileName).toBe("foto.JPEG");
    expect(inspectScan(jpeg, "foto.png").fileName).toBe("foto.jpg");
    expect(inspectScan(pdf, "samtykke 12.3.2026").fileName).toBe("samtykke 12.3.2026.pdf");
  });

  it("refuses a file that is not a PDF, PNG or JPEG whatever its name says, an empty or oversized one, and a path as name", () => {
    expect(() => inspectScan(Buffer.from("<html>"), "scan.pdf")).toThrow(expect.objectContaining({ details: { field: "file" } }));
    expect(() => inspectScan(Buffer.alloc(0), "scan.pdf")).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: "file" }) }));
    expect(() => inspectScan(Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]), "scan.pdf")).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: "file" }) }),
    );
    expect(() => inspectScan(pdf, "../../etc/passwd")).toThrow(expect.objectContaining({ details: { field: "fileName" } }));
  });
});
