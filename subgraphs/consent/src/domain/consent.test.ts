import { describe, expect, it } from "vitest";
import { ConsentStatus } from "./consent-state.js";
import { applyAction, caseReferenceOf, Channel, checkedReturnUrl, createGiven, createRequest, dueAction, give, type TemplateSnapshot } from "./consent.js";
import { handOverRequest, requiredSigners } from "./who-signs.js";
import { ChoiceKind, contentHash, SignatureMethod, signedContent } from "./declaration.js";

const text = (word: string) => ({ da: `${word} (da)`, en: `${word} (en)` });
const template: TemplateSnapshot = {
  id: "t1",
  key: "demo",
  version: 3,
  status: "PUBLISHED",
  kind: "CONSENT",
  authorityId: "a1",
  title: { da: "Titel", en: "Title" },
  purpose: { da: "Formål", en: "Purpose" },
  dataCovered: text("data"),
  partiesCovered: text("parties"),
  consequencesOfYes: text("yes"),
  consequencesOfNo: text("no"),
  howToWithdraw: text("withdraw"),
  choices: [{ key: "employer", kind: ChoiceKind.CHECKBOX, group: null, label: text("Employer"), required: false, maxLength: null }],
  defaultValidityDays: 30,
  retentionDays: 1095,
  fixedValidTo: null,
  singleUse: false,
  boundToCase: false,
  signers: "CITIZEN",
  signingLevel: "SUBSTANTIAL",
  thirdPartyId: null,
};
const answers = [{ key: "employer", checked: false, text: null }];
const citizenSigns = { signerId: "c1", method: SignatureMethod.DIGITAL, attestedBy: null, answers };
const now = new Date("2026-01-01T00:00:00Z");

describe("createRequest", () => {
  it("snapshots the template version's texts and names its authority as recipient", () => {
    const request = createRequest({ template, subjectId: "c1", caseReference: "  SAG-1 ", now });
    expect(request).toMatchObject({
      status: ConsentStatus.REQUESTED,
      templateKey: "demo",
      templateVersion: 3,
      authorityId: "a1",
      subjectId: "c1",
      caseReference: "SAG-1",
      body: { title: { da: "Titel", en: "Title" }, purpose: { da: "Formål", en: "Purpose" } },
      requestedAt: now,
    });
    // A copy: changing the template object afterwards does not reach the consent.
    expect(request.body.title).toEqual(template.title);
    expect(request.body.choices).toEqual(template.choices);
    expect(request.body.choices[0]).not.toBe(template.choices[0]);
  });

  it("requires a case reference when the template is bound to a case", () => {
    expect(() => createRequest({ template: { ...template, boundToCase: true }, subjectId: "c1", now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "caseReference" } }),
    );
    expect(createRequest({ template: { ...template, boundToCase: true }, subjectId: "c1", caseReference: "SAG-9", now }).caseReference).toBe("SAG-9");
  });

  it.each(["DRAFT", "RETIRED"])("refuses a %s template", (status) => {
    expect(() => createRequest({ template: { ...template, status }, subjectId: "c1", now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: expect.objectContaining({ field: "templateId" }) }),
    );
  });

  it("refuses an overlong case reference", () => {
    expect(() => createRequest({ template, subjectId: "c1", caseReference: "x".repeat(101), now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "caseReference" } }),
    );
  });

  it("stores an empty case reference as none", () => {
    expect(createRequest({ template, subjectId: "c1", caseReference: "   ", now }).caseReference).toBeNull();
  });
});

describe("give", () => {
  const requested = { ...createRequest({ template, subjectId: "c1", now }), id: "k1" };

  it("makes a requested consent ACTIVE from now for the template's period, with the answers signed", () => {
    const given = give(requested, citizenSigns, now);
    expect(given).toMatchObject({
      status: ConsentStatus.ACTIVE,
      answers,
      answeredAt: now,
      validFrom: now,
      validTo: new Date("2026-01-31T00:00:00Z"),
    });
    expect(given.signatures).toEqual([
      {
        signerId: "c1",
        method: SignatureMethod.DIGITAL,
        attestedBy: null,
        contentHash: contentHash(signedContent({ ...requested, answers })),
        signedAt: now.toISOString(),
      },
    ]);
  });

  it("signs different content when the answers differ", () => {
    const yes = give(requested, { ...citizenSigns, answers: [{ key: "employer", checked: true, text: null }] }, now);
    expect(yes.signatures[0]!.contentHash).not.toBe(give(requested, citizenSigns, now).signatures[0]!.contentHash);
  });

  it("leaves an open-ended consent without an end, and ends one with a fixed end on that date", () => {
    expect(give({ ...requested, validityDays: null }, citizenSigns, now).validTo).toBeNull();
    const fixedValidTo = new Date("2026-06-30T00:00:00Z");
    expect(give({ ...requested, validityDays: null, fixedValidTo }, citizenSigns, now).validTo).toEqual(fixedValidTo);
  });

  it("refuses a consent that is not requested", () => {
    expect(() => give({ ...requested, status: ConsentStatus.WITHDRAWN }, citizenSigns, now)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
  });

  it("refuses a choice left unanswered: nothing is pre-ticked", () => {
    expect(() => give(requested, { ...citizenSigns, answers: [] }, now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "answers.employer" } }),
    );
  });
});

describe("applyAction", () => {
  const requested = { status: ConsentStatus.REQUESTED };
  const active = { status: ConsentStatus.ACTIVE, singleUse: true };

  it("records the answer time of a declined request and ends it", () => {
    expect(applyAction(requested, "decline", now)).toEqual({ status: ConsentStatus.DECLINED, answeredAt: now, endedAt: now });
  });

  it.each([
    ["withdraw", ConsentStatus.WITHDRAWN],
    ["markUsed", ConsentStatus.USED],
    ["expire", ConsentStatus.EXPIRED],
    ["closeCase", ConsentStatus.CLOSED],
    ["supersede", ConsentStatus.CLOSED],
  ] as const)("ends an active consent on %s", (action, status) => {
    expect(applyAction(active, action, now)).toEqual({ status, endedAt: now });
  });

  it("pauses and resumes without ending or moving the validity period", () => {
    expect(applyAction(active, "pause", now)).toEqual({ status: ConsentStatus.PAUSED });
    expect(applyAction({ ...active, status: ConsentStatus.PAUSED }, "resume", now)).toEqual({ status: ConsentStatus.ACTIVE });
  });

  it("marks only a single-use consent used", () => {
    expect(() => applyAction({ ...active, singleUse: false }, "markUsed", now)).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", messages: expect.objectContaining({ da: "Kun et samtykke til engangsbrug kan markeres som brugt." }) }),
    );
  });

  it("refuses what the state machine refuses", () => {
    expect(() => applyAction(requested, "withdraw", now)).toThrow(expect.objectContaining({ code: "INVALID_TRANSITION" }));
  });
});

describe("answer deadlines and expiry", () => {
  it("gives a request 30 days to be answered unless told otherwise", () => {
    expect(createRequest({ template, subjectId: "c1", now }).answerBy).toEqual(new Date("2026-01-31T00:00:00Z"));
    const answerBy = new Date("2026-01-05T00:00:00Z");
    expect(createRequest({ template, subjectId: "c1", answerBy, now }).answerBy).toEqual(answerBy);
  });

  it("refuses a deadline that is not in the future", () => {
    expect(() => createRequest({ template, subjectId: "c1", answerBy: now, now })).toThrow(
      expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "answerBy" } }),
    );
  });

  const later = new Date("2026-02-01T00:00:00Z");
  it.each([
    [ConsentStatus.ACTIVE, { validTo: later }, null],
    [ConsentStatus.ACTIVE, { validTo: now }, "expire"],
    [ConsentStatus.PAUSED, { validTo: now }, "expire"],
    [ConsentStatus.ACTIVE, { validTo: null }, null],
    [ConsentStatus.REQUESTED, { answerBy: now }, "lapse"],
    [ConsentStatus.REQUESTED, { answerBy: later }, null],
    [ConsentStatus.WITHDRAWN, { validTo: now }, null],
    [ConsentStatus.DECLINED, { answerBy: now }, null],
  ] as const)("%s with %o is due to %s", (status, dates, action) => {
    expect(dueAction({ status, ...dates }, now)).toBe(action);
  });
});

describe("createGiven", () => {
  const attestation = { attestedBy: "cw-1", statement: "  Borgeren gav samtykke ved møde 1/1  " };

  it("is in force from when it was given, for the template's period, with the attestation", () => {
    const givenAt = new Date("2025-12-31T00:00:00Z");
    const given = createGiven({ id: "k1", template, subject: { id: "c1", birthDate: new Date("1980-01-01"), comesOfAgeOn: new Date("1998-01-01"), custodyHolderIds: [] }, channel: Channel.ON_BEHALF, attestation, answers, givenAt, now });
    expect(given).toMatchObject({
      id: "k1",
      status: ConsentStatus.ACTIVE,
      channel: Channel.ON_BEHALF,
      answers,
      signatures: [{ signerId: "c1", method: SignatureMethod.ATTESTED_ON_BEHALF, attestedBy: "cw-1" }],
      validFrom: givenAt,
      validTo: new Date("2026-01-30T00:00:00Z"),
      attestation: { attestedBy: "cw-1", statement: "Borgeren gav samtykke ved møde 1/1" },
    });
  });

  it("refuses an empty statement and a consent given in the future", () => {
    expect(() => createGiven({ id: "k1", template, subject: { id: "c1", birthDate: new Date("1980-01-01"), comesOfAgeOn: new Date("1998-01-01"), custodyHolderIds: [] }, channel: Channel.API, attestation: { attestedBy: "x", statement: " " }, answers, givenAt: now, now })).toThrow(
      expect.objectContaining({ details: { field: "attestation" } }),
    );
    expect(() => createGiven({ id: "k1", template, subject: { id: "c1", birthDate: new Date("1980-01-01"), comesOfAgeOn: new Date("1998-01-01"), custodyHolderIds: [] }, channel: Channel.API, attestation, answers, givenAt: new Date(now.getTime() + 1), now })).toThrow(
      expect.objectContaining({ details: { field: "givenAt" } }),
    );
  });
});

describe("give with several givers", () => {
  const custody = { ...template, signers: "CUSTODY_HOLDERS" };
  const child = { id: "kid", birthDate: new Date("2012-05-01T00:00:00Z"), comesOfAgeOn: new Date("2030-05-01T00:00:00Z"), custodyHolderIds: ["mum", "dad"] };
  const request = { ...createRequest({ template: custody, subjectId: "kid", now }), ...requiredSigners(custody, child, now), id: "k1" };
  const parent = (signerId: string, checked = false) => ({ ...citizenSigns, signerId, answers: [{ key: "employer", checked, text: null }] });

  it("names every custody holder as a giver and remembers the 18th birthday", () => {
    expect(request).toMatchObject({ requiredSignerIds: ["mum", "dad"], subjectComesOfAgeOn: "2030-05-01" });
    expect(() => requiredSigners(custody, { ...child, custodyHolderIds: [] }, now)).toThrow(expect.objectContaining({ details: { field: "cpr" } }));
    expect(requiredSigners(template, child, now)).toEqual({ requiredSignerIds: ["kid"], subjectComesOfAgeOn: null, subjectTurnsFifteenOn: null, informOnAnswerIds: [] });
  });

  it("stays requested after the first signature and is active after the last, both over the same hash", () => {
    const first = give(request, parent("mum"), now);
    expect(first.status).toBe(ConsentStatus.REQUESTED);
    expect(first).not.toHaveProperty("validFrom");
    const later = new Date(now.getTime() + 60_000);
    const second = give({ ...request, ...first }, parent("dad"), later);
    expect(second).toMatchObject({ status: ConsentStatus.ACTIVE, validFrom: later, answeredAt: later });
    expect(second.signatures.map((signature) => signature.signerId)).toEqual(["mum", "dad"]);
    expect(second.signatures[0]!.contentHash).toBe(second.signatures[1]!.contentHash);
  });

  it("refuses other answers than the first holder's, a second signature from one holder, and a stranger", () => {
    const first = give(request, parent("mum"), now);
    expect(() => give({ ...request, ...first }, parent("dad", true), now)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "answers" } }));
    expect(() => give({ ...request, ...first }, parent("mum"), now)).toThrow(expect.objectContaining({ code: "CONFLICT" }));
    expect(() => give(request, parent("neighbour"), now)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: { field: "id" } }));
  });

  it("counts an attorney's signature for the grantor it was made for", () => {
    const own = { ...createRequest({ template, subjectId: "grantor", now }), requiredSignerIds: ["grantor"], id: "k2" };
    const given = give(own, { ...citizenSigns, signerId: "attorney", onBehalfOfId: "grantor" }, now);
    expect(given.status).toBe(ConsentStatus.ACTIVE);
    expect(given.signatures[0]).toMatchObject({ signerId: "attorney", onBehalfOfId: "grantor" });
  });

  it("hands a given consent over as a request to the young person, replacing it when confirmed", () => {
    const handedOver = handOverRequest({ ...request, id: "k1" }, now);
    expect(handedOver).toMatchObject({
      status: ConsentStatus.REQUESTED,
      subjectId: "kid",
      signers: "CITIZEN",
      requiredSignerIds: ["kid"],
      replacesConsentId: "k1",
      templateVersion: request.templateVersion,
      body: request.body,
    });
    expect(handedOver.body).not.toBe(request.body);
  });
});

describe("a request's return address", () => {
  const registered = ["https://selvbetjening.odense.dk/sager/"];
  it("is kept when it lies under an address the authority registered", () => {
    expect(checkedReturnUrl("https://selvbetjening.odense.dk/sager/4711?trin=2", registered)).toBe("https://selvbetjening.odense.dk/sager/4711?trin=2");
    expect(checkedReturnUrl("https://selvbetjening.odense.dk/sager/", registered)).toBe("https://selvbetjening.odense.dk/sager/");
    expect(checkedReturnUrl(null, registered)).toBeNull();
    expect(checkedReturnUrl("  ", registered)).toBeNull();
  });

  it.each([
    ["another site", "https://evil.example/sager/"],
    ["a look-alike host", "https://selvbetjening.odense.dk.evil.example/sager/"],
    ["credentials before the host", "https://selvbetjening.odense.dk@evil.example/sager/"],
    ["a path beside the registered one", "https://selvbetjening.odense.dk/sagerx/1"],
    ["a path above it", "https://selvbetjening.odense.dk/andet"],
    ["plain http", "http://selvbetjening.odense.dk/sager/1"],
    ["a script", "javascript:alert(1)"],
    ["no address at all", "not a url"],
  ])("refuses %s, naming the field", (_, url) => {
    expect(() => checkedReturnUrl(url, registered)).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", details: expect.objectContaining({ field: "returnUrl" }) }));
  });

  it("refuses every address when the authority registered none", () => {
    expect(() => checkedReturnUrl("https://selvbetjening.odense.dk/sager/1", [])).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT" }));
  });
});

describe("case references", () => {
  const field = (run: () => unknown) => {
    try {
      run();
      return null;
    } catch (error) {
      return (error as { details?: { field?: string } }).details?.field ?? "no field";
    }
  };

  it("keeps one as written, trimmed, letters of any language included, and takes none as null", () => {
    expect(caseReferenceOf("  SAG-2026/17 Ærø ")).toBe("SAG-2026/17 Ærø");
    expect(caseReferenceOf("   ")).toBeNull();
    expect(caseReferenceOf(undefined)).toBeNull();
    expect(caseReferenceOf("x".repeat(100))).toHaveLength(100);
  });

  it("refuses one over 100 characters and one with characters that hide or reorder text", () => {
    expect(field(() => caseReferenceOf("x".repeat(101)))).toBe("caseReference");
    for (const hidden of ["\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u0007", "\n"]) {
      expect(field(() => caseReferenceOf(`SAG${hidden}1`))).toBe("caseReference");
    }
  });
});
