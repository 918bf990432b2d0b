import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { collect, startTestPlatform, TEMPLATE_TEXTS, yesToEveryChoice, type Caller, type TestPlatform } from "./support/platform.js";

const KEY = "soefarende-skattedata-tredjepart";
const CPR = "1710681239";

let platform: TestPlatform;
let ole: Caller;
let caseworker: Caller;
let caseSystem: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  ole = await platform.citizen(CPR);
  caseworker = await platform.caseworker("skattestyrelsen");
  caseSystem = await platform.caseSystem("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
});

async function request(): Promise<string> {
  const result = await caseworker.graphql(
    /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`,
    { input: { templateId: DEMO.templates.seafarerTax, cpr: CPR } },
  );
  return result.data.requestConsent.id;
}

async function act(caller: Caller, mutation: string, id: string) {
  const result =
    mutation === "giveConsent"
      ? await caller.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id status endedAt } }`, {
          id,
          answers: await yesToEveryChoice(caller, id),
        })
      : await caller.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id status endedAt } }`, { id });
  return { data: result.data?.[mutation], errors: result.errors };
}

/** As the tax agency's case system asks before it fetches the data. */
async function check() {
  const result = await caseSystem.graphql(
    /* GraphQL */ `query($cpr: String!, $key: String!) { consentCheck(cpr: $cpr, templateKey: $key) { valid reason consent { id } } }`,
    { cpr: CPR, key: KEY },
  );
  return result.data.consentCheck;
}

describe("the consent lifecycle through the gateway", () => {
  it("pauses, resumes and withdraws a consent, and the check follows each step at once", async () => {
    const id = await request();
    expect((await act(ole, "giveConsent", id)).data.status).toBe("ACTIVE");
    expect(await check()).toEqual({ valid: true, reason: "VALID", consent: { id } });

    expect((await act(ole, "pauseConsent", id)).data).toEqual({ id, status: "PAUSED", endedAt: null });
    expect(await check()).toMatchObject({ valid: false, reason: "PAUSED" });

    expect((await act(ole, "resumeConsent", id)).data.status).toBe("ACTIVE");
    expect((await check()).valid).toBe(true);

    const withdrawn = await act(ole, "withdrawConsent", id);
    expect(withdrawn.data.status).toBe("WITHDRAWN");
    expect(Date.parse(withdrawn.data.endedAt)).toBeLessThanOrEqual(Date.now());
    expect(await check()).toEqual({ valid: false, reason: "ENDED", consent: { id } });

    const again = await act(ole, "withdrawConsent", id);
    expect(again.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("declines and cancels requests, and refuses to give either afterwards", async () => {
    const declined = await request();
    expect((await act(ole, "declineConsent", declined)).data.status).toBe("DECLINED");
    expect((await act(ole, "giveConsent", declined)).errors![0]!.extensions).toMatchObject({
      code: "INVALID_TRANSITION",
      message: { da: "Et samtykke, der er afvist, kan ikke gives." },
    });

    // The authority takes back its own request; the citizen then finds nothing to give.
    const cancelled = await request();
    expect((await act(caseworker, "cancelConsentRequest", cancelled)).data.status).toBe("CANCELLED");
    expect((await act(ole, "giveConsent", cancelled)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("tells a subscriber every step in order", async () => {
    const id = await request();
    const events = collect(caseSystem.wsClient(), `subscription($id: ID) { consentStatusChanged(consentId: $id, after: "0") { status } }`, { id });
    for (const mutation of ["giveConsent", "pauseConsent", "resumeConsent", "withdrawConsent"]) await act(ole, mutation, id);
    const statuses = (await events.next(5)).map((e) => e.data.consentStatusChanged.status);
    expect(statuses).toEqual(["REQUESTED", "ACTIVE", "PAUSED", "ACTIVE", "WITHDRAWN"]);
    events.unsubscribe();
  });

  it("answers NOT_FOUND for an unknown consent", async () => {
    const result = await act(ole, "withdrawConsent", "00000000-0000-4000-8000-000000000000");
    expect(result.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", message: { da: "Samtykket findes ikke.", en: "Consent not found." } });
  });
});

describe("closing a case", () => {
  it("ends every open consent of that case, and only those", async () => {
    const odense = await platform.caseworker("odense");
    const odenseSystem = await platform.caseSystem("odense");
    const karen = await platform.citizen("0101804321");
    const request = (caseReference: string) =>
      odense
        .graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
          input: { templateId: DEMO.templates.dataSharing, cpr: "0101804321", caseReference },
        })
        .then((result) => result.data.requestConsent.id as string);
    const active = await request("SAG-CLOSE-1");
    await act(karen, "giveConsent", active);
    const pending = await request("SAG-CLOSE-1");
    const otherCase = await request("SAG-CLOSE-2");

    const close = `mutation($authorityId: ID!, $caseReference: String!) { closeCase(authorityId: $authorityId, caseReference: $caseReference) { id status } }`;
    // Another authority's system cannot close Odense's case; the close below still finds both open.
    const foreign = await caseSystem.graphql(close, { authorityId: DEMO.authorities.odense, caseReference: "SAG-CLOSE-1" });
    expect(foreign.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const closed = await odenseSystem.graphql(close, { authorityId: DEMO.authorities.odense, caseReference: "SAG-CLOSE-1" });
    expect(closed.data.closeCase).toEqual([
      { id: active, status: "CLOSED" },
      { id: pending, status: "CLOSED" },
    ]);
    const other = await odense.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: otherCase });
    expect(other.data.consent.status).toBe("REQUESTED");

    const again = await odenseSystem.graphql(
      `mutation { closeCase(authorityId: "${DEMO.authorities.odense}", caseReference: "SAG-CLOSE-1") { id } }`,
    );
    expect(again.data.closeCase).toEqual([]);
  });
});

describe("single use", () => {
  it("lets a single-use consent be used once, after which the check says so", async () => {
    const lars = await platform.citizen("1203755678");
    const created = await caseworker.graphql(
      `mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id singleUse } }`,
      {
        input: {
          authorityId: DEMO.authorities.skattestyrelsen,
          key: "engangs-opslag",
          title: { da: "Engangsopslag", en: "One-time look-up" },
          purpose: { da: "Et enkelt opslag", en: "A single look-up" },
          ...TEMPLATE_TEXTS,
          singleUse: true,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const templateId = created.data.createTemplate.id;
    expect(created.data.createTemplate.singleUse).toBe(true);
    const published = await caseworker.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: templateId });
    expect(published.errors).toBeUndefined();
    const requested = await caseworker.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id singleUse } }`, {
      input: { templateId, cpr: "1203755678" },
    });
    const id = requested.data.requestConsent.id;
    expect(requested.data.requestConsent.singleUse).toBe(true);
    expect((await act(lars, "giveConsent", id)).data.status).toBe("ACTIVE");
    const checkOnce = () =>
      caseSystem.graphql(`{ consentCheck(cpr: "1203755678", templateKey: "engangs-opslag") { valid reason } }`).then((r) => r.data.consentCheck);
    expect(await checkOnce()).toEqual({ valid: true, reason: "VALID" });

    // The case system that made the one look-up records it.
    expect((await act(caseSystem, "markConsentUsed", id)).data.status).toBe("USED");
    expect(await checkOnce()).toEqual({ valid: false, reason: "ENDED" });
    expect((await act(caseSystem, "markConsentUsed", id)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");

    // A retry with the key of a call whose answer was lost gets that answer, and nothing happens twice.
    const second = (await caseworker.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId, cpr: "1203755678" } }))
      .data.requestConsent.id;
    await act(lars, "giveConsent", second);
    const markUsed = `mutation($id: ID!, $key: String) { markConsentUsed(id: $id, idempotencyKey: $key) { id status history { action } } }`;
    const first = await caseSystem.graphql(markUsed, { id: second, key: "opslag-2" });
    const retry = await caseSystem.graphql(markUsed, { id: second, key: "opslag-2" });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.markConsentUsed).toEqual(first.data.markConsentUsed);
    expect(retry.data.markConsentUsed.history.filter((entry: { action: string }) => entry.action === "markUsed")).toHaveLength(1);
    const otherConsent = await caseSystem.graphql(markUsed, { id, key: "opslag-2" });
    expect(otherConsent.errors![0]!.extensions!.code).toBe("CONFLICT");
  });

  it("answers a check for a named recipient: the authority and its third party, nobody else, with the legal basis", async () => {
    const id = await request();
    await act(ole, "giveConsent", id);
    const checkFor = (recipient: string | null) =>
      caseSystem
        .graphql(`query($recipient: ID) { consentCheck(cpr: "${CPR}", templateKey: "${KEY}", recipient: $recipient) { valid reason legalBasis } }`, { recipient })
        .then((result) => result.data.consentCheck);
    expect(await checkFor(null)).toEqual({ valid: true, reason: "VALID", legalBasis: "CONSENT" });
    expect(await checkFor(DEMO.thirdParties.shippingCompany)).toEqual({ valid: true, reason: "VALID", legalBasis: "CONSENT" });
    expect(await checkFor(DEMO.authorities.skattestyrelsen)).toMatchObject({ valid: true });
    expect(await checkFor(DEMO.authorities.koebenhavn)).toEqual({ valid: false, reason: "NOT_FOR_RECIPIENT", legalBasis: "CONSENT" });
    await act(ole, "withdrawConsent", id);
  });

  it("refuses to mark an ordinary consent used, and leaves it valid", async () => {
    const id = await request();
    await act(ole, "giveConsent", id);
    const refused = await act(caseSystem, "markConsentUsed", id);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", message: { en: "Only a single-use consent can be marked used." } });
    expect((await check()).consent.id).toBe(id);
    expect((await check()).valid).toBe(true);
  });
});
