import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { collect, startTestPlatform, TEMPLATE_TEXTS, yesToEveryChoice, type TestPlatform } from "./support/platform.js";

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

const KEY = "soefarende-skattedata-tredjepart";
const CPR = "1710681239";

async function request(): Promise<string> {
  const result = await platform.graphql(
    /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`,
    { input: { templateId: DEMO.templates.seafarerTax, cpr: CPR } },
  );
  return result.data.requestConsent.id;
}

async function act(mutation: string, id: string) {
  const result =
    mutation === "giveConsent"
      ? await platform.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id status endedAt } }`, {
          id,
          answers: await yesToEveryChoice(platform, id),
        })
      : await platform.graphql(`mutation($id: ID!) { ${mutation}(id: $id) { id status endedAt } }`, { id });
  return { data: result.data?.[mutation], errors: result.errors };
}

async function check() {
  const result = await platform.graphql(
    /* GraphQL */ `query($cpr: String!, $key: String!) { consentCheck(cpr: $cpr, templateKey: $key) { valid reason consent { id } } }`,
    { cpr: CPR, key: KEY },
  );
  return result.data.consentCheck;
}

describe("the consent lifecycle through the gateway", () => {
  it("pauses, resumes and withdraws a consent, and the check follows each step at once", async () => {
    const id = await request();
    expect((await act("giveConsent", id)).data.status).toBe("ACTIVE");
    expect(await check()).toEqual({ valid: true, reason: "VALID", consent: { id } });

    expect((await act("pauseConsent", id)).data).toEqual({ id, status: "PAUSED", endedAt: null });
    expect(await check()).toMatchObject({ valid: false, reason: "PAUSED" });

    expect((await act("resumeConsent", id)).data.status).toBe("ACTIVE");
    expect((await check()).valid).toBe(true);

    const withdrawn = await act("withdrawConsent", id);
    expect(withdrawn.data.status).toBe("WITHDRAWN");
    expect(Date.parse(withdrawn.data.endedAt)).toBeLessThanOrEqual(Date.now());
    expect(await check()).toEqual({ valid: false, reason: "ENDED", consent: { id } });

    const again = await act("withdrawConsent", id);
    expect(again.errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("declines and cancels requests, and refuses to give either afterwards", async () => {
    const declined = await request();
    expect((await act("declineConsent", declined)).data.status).toBe("DECLINED");
    expect((await act("giveConsent", declined)).errors![0]!.extensions).toMatchObject({
      code: "INVALID_TRANSITION",
      message: { da: "Et samtykke, der er afvist, kan ikke gives." },
    });

    const cancelled = await request();
    expect((await act("cancelConsentRequest", cancelled)).data.status).toBe("CANCELLED");
    expect((await act("giveConsent", cancelled)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("tells a subscriber every step in order", async () => {
    const id = await request();
    const events = collect(platform.wsClient(), `subscription($id: ID) { consentStatusChanged(consentId: $id, after: "0") { status } }`, { id });
    for (const mutation of ["giveConsent", "pauseConsent", "resumeConsent", "withdrawConsent"]) await act(mutation, id);
    const statuses = (await events.next(5)).map((e) => e.data.consentStatusChanged.status);
    expect(statuses).toEqual(["REQUESTED", "ACTIVE", "PAUSED", "ACTIVE", "WITHDRAWN"]);
    events.unsubscribe();
  });

  it("answers NOT_FOUND for an unknown consent", async () => {
    const result = await act("withdrawConsent", "00000000-0000-4000-8000-000000000000");
    expect(result.errors![0]!.extensions).toMatchObject({ code: "NOT_FOUND", message: { da: "Samtykket findes ikke.", en: "Consent not found." } });
  });
});

describe("closing a case", () => {
  it("ends every open consent of that case, and only those", async () => {
    const request = (caseReference: string) =>
      platform
        .graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
          input: { templateId: DEMO.templates.dataSharing, cpr: "0101804321", caseReference },
        })
        .then((result) => result.data.requestConsent.id as string);
    const active = await request("SAG-CLOSE-1");
    await act("giveConsent", active);
    const pending = await request("SAG-CLOSE-1");
    const otherCase = await request("SAG-CLOSE-2");

    const closed = await platform.graphql(
      `mutation($authorityId: ID!, $caseReference: String!) { closeCase(authorityId: $authorityId, caseReference: $caseReference) { id status } }`,
      { authorityId: DEMO.authorities.odense, caseReference: "SAG-CLOSE-1" },
    );
    expect(closed.data.closeCase).toEqual([
      { id: active, status: "CLOSED" },
      { id: pending, status: "CLOSED" },
    ]);
    const other = await platform.graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: otherCase });
    expect(other.data.consent.status).toBe("REQUESTED");

    const again = await platform.graphql(
      `mutation { closeCase(authorityId: "${DEMO.authorities.odense}", caseReference: "SAG-CLOSE-1") { id } }`,
    );
    expect(again.data.closeCase).toEqual([]);
  });
});

describe("single use", () => {
  it("lets a single-use consent be used once, after which the check says so", async () => {
    const created = await platform.graphql(
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
    const templateId = created.data.createTemplate.id;
    expect(created.data.createTemplate.singleUse).toBe(true);
    await platform.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id: templateId });
    const requested = await platform.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id singleUse } }`, {
      input: { templateId, cpr: "1203755678" },
    });
    const id = requested.data.requestConsent.id;
    expect(requested.data.requestConsent.singleUse).toBe(true);
    await act("giveConsent", id);
    const checkOnce = () =>
      platform.graphql(`{ consentCheck(cpr: "1203755678", templateKey: "engangs-opslag") { valid reason } }`).then((r) => r.data.consentCheck);
    expect(await checkOnce()).toEqual({ valid: true, reason: "VALID" });

    expect((await act("markConsentUsed", id)).data.status).toBe("USED");
    expect(await checkOnce()).toEqual({ valid: false, reason: "ENDED" });
    expect((await act("markConsentUsed", id)).errors![0]!.extensions!.code).toBe("INVALID_TRANSITION");
  });

  it("refuses to mark an ordinary consent used, and leaves it valid", async () => {
    const id = await request();
    await act("giveConsent", id);
    const refused = await act("markConsentUsed", id);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", message: { en: "Only a single-use consent can be marked used." } });
    expect((await check()).consent.id).toBe(id);
    expect((await check()).valid).toBe(true);
  });
});
