import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// The citizen's copy of everything (GDPR art. 15 and 20): asked for, built in the background with
// its progress, fetched as one ZIP with every consent (texts, answers, history, the platform's seal),
// the letters as PDFs, the access log and a README in Danish; for a child by a custody holder too.
const REQUEST = `mutation($citizenId: ID) { requestMyDataExport(citizenId: $citizenId) { id status subject { id } } }`;
const STATUS = `query($id: ID!) { myDataExport(id: $id) { id status done total size sha256 } }`;
const ARCHIVE = `query($id: ID!) { myDataExport(id: $id) { archiveBase64 } }`;
const VERIFY = `query($document: JSONObject!) { verifyConsentDocument(document: $document) { verdict } }`;

let platform: TestPlatform;
let odense: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
});
afterAll(async () => {
  await platform?.stop();
});

async function ready(citizen: Caller, id: string) {
  await expect.poll(async () => (await citizen.graphql(STATUS, { id })).data.myDataExport.status, { timeout: 15_000, interval: 300 }).toBe("READY");
  const status = (await citizen.graphql(STATUS, { id })).data.myDataExport;
  const archive = (await citizen.graphql(ARCHIVE, { id })).data.myDataExport.archiveBase64 as string;
  return { status, files: unzipSync(new Uint8Array(Buffer.from(archive, "base64"))) };
}

describe("the citizen's copy of everything", () => {
  it("holds each consent with its texts, answers and history, sealed, the letters as PDFs, the access log and a README in Danish", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1972, 4, 3)), "987");
    const citizen = await platform.citizen(cpr);
    const given = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    await giveWithYesToAll(citizen, given);
    const pending = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr } })).data.requestConsent.id;
    // The caseworker reads the given one: that is in the access log the copy holds.
    await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: given });
    await expect.poll(async () => ((await citizen.graphql(`{ myMailbox(first: 100) { kind } }`)).data.myMailbox as unknown[]).length, { timeout: 10_000, interval: 300 }).toBe(3);

    const asked = await citizen.graphql(REQUEST, {});
    expect(asked.errors).toBeUndefined();
    expect(asked.data.requestMyDataExport.status).toBe("QUEUED");
    const { status, files } = await ready(citizen, asked.data.requestMyDataExport.id);
    expect(status).toMatchObject({ done: 5, total: 5, size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const readme = strFromU8(files["LÆS MIG.txt"]!);
    expect(readme).toContain("databeskyttelsesforordningens artikel 15 og 20");
    expect(readme).toContain("2 samtykker og anmodninger, 3 breve");
    const record = JSON.parse(strFromU8(files[`samtykker/${given}/samtykke.json`]!));
    expect(record).toMatchObject({ id: given, status: "ACTIVE", texts: { purpose: { da: expect.any(String), en: expect.any(String) } } });
    expect(record.answers.length).toBeGreaterThan(0);
    expect(record.history.map((event: { action: string }) => event.action)).toEqual(["request", "give"]);
    expect(JSON.parse(strFromU8(files[`samtykker/${pending}/samtykke.json`]!)).status).toBe("REQUESTED");
    const sealed = JSON.parse(strFromU8(files[`samtykker/${given}/forseglet-dokument.json`]!));
    expect((await platform.withToken(null).graphql(VERIFY, { document: sealed })).data.verifyConsentDocument.verdict).toBe("VALID");
    const letters = JSON.parse(strFromU8(files["breve.json"]!)) as { file: string; kind: string }[];
    expect(letters.map((letter) => letter.kind).sort()).toEqual(["GIVEN", "REQUEST", "REQUEST"]);
    for (const letter of letters) expect(strFromU8(files[letter.file]!.subarray(0, 5))).toBe("%PDF-");
    const accesses = JSON.parse(strFromU8(files["adgangslog.json"]!)) as { action: string; actorKind: string; consentId: string }[];
    expect(accesses).toContainEqual(expect.objectContaining({ action: "read", actorKind: "CASEWORKER", consentId: given }));

    // Fetching the copy is itself on the consents' access log, as the citizen's own read.
    const log = await odense.graphql(`query($id: ID!) { consent(id: $id) { accessLog(first: 100) { action actorKind } } }`, { id: given });
    expect(log.data.consent.accessLog).toContainEqual({ action: "export", actorKind: "CITIZEN" });
  });

  it("is made for a child by a custody holder, with the child's consents only", async () => {
    // A child of eight today, in the custody of a parent, as the person register says.
    const [childCpr, parentCpr] = [cprBornOn(new Date(Date.now() - 8 * 365.25 * 86_400_000), "988"), cprBornOn(new Date(Date.UTC(1980, 2, 3)), "988")];
    const custody = await (await platform.platformClient()).graphql(`mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate } }`, {
      input: { registerEventId: `forældremyndighed-${childCpr}`, kind: "CUSTODY_STARTED", cpr: childCpr, otherCpr: parentCpr, occurredOn: new Date(Date.now() - 86_400_000).toISOString() },
    });
    expect(custody.errors).toBeUndefined();
    const karen = await platform.citizen(parentCpr);
    const emil = (await karen.graphql(`{ me { children { id name } } }`)).data.me.children[0];
    const therapy = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.childTherapy, cpr: childCpr } })).data.requestConsent.id;
    const own = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr: parentCpr } })).data.requestConsent.id;
    const asked = await karen.graphql(REQUEST, { citizenId: emil.id });
    expect(asked.data.requestMyDataExport.subject).toEqual({ id: emil.id });
    const { files } = await ready(karen, asked.data.requestMyDataExport.id);
    expect(Object.keys(files)).toContain(`samtykker/${therapy}/samtykke.json`);
    expect(Object.keys(files)).not.toContain(`samtykker/${own}/samtykke.json`);
  });

  it("is refused for anyone else's data, and kept from anyone but the citizen who asked", async () => {
    const cpr = cprBornOn(new Date(Date.UTC(1972, 4, 4)), "987");
    const citizen = await platform.citizen(cpr);
    const stranger = await platform.citizen(cprBornOn(new Date(Date.UTC(1972, 4, 5)), "987"));
    const strangerId = (await stranger.graphql(`{ me { id } }`)).data.me.id;
    expect((await citizen.graphql(REQUEST, { citizenId: strangerId })).errors![0]!.extensions).toMatchObject({ code: "FORBIDDEN" });
    expect((await odense.graphql(REQUEST, {})).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const id = (await citizen.graphql(REQUEST, {})).data.requestMyDataExport.id;
    expect((await stranger.graphql(STATUS, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await stranger.graphql(ARCHIVE, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
