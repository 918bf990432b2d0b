import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO } from "@samtykke/server-kit";
import { collect, startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// After a withdrawal or expiry, each system that knew of the consent says it has stopped acting on
// it; the citizen sees who has and who has not, per recipient, and so does the caseworker.
const OLE = "1710681239";
const KEY = "soefarende-skattedata-tredjepart";
const STOPS = `query($id: ID!) { consent(id: $id) { status stopConfirmations { recipientKind caseSystem { name } thirdParty { name } endedAt confirmedAt confirmedVia } } }`;
const CONFIRM = `mutation($id: ID!) { confirmConsentStopped(id: $id) { recipientKind confirmedAt confirmedVia } }`;
const CHECK = `query($cpr: String!, $key: String!) { consentCheck(cpr: $cpr, templateKey: $key) { valid } }`;
const ACCESS = `mutation($input: DataAccessRequestInput!) { requestDataAccess(input: $input) { token } }`;

let clock = new Date();
let platform: TestPlatform;
let rederi: Caller;
let receiver: Server;
let receiverUrl = "";
const webhookAnswers: string[] = [];
beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => clock, dueCheckIntervalMs: 200 } });
  const response = await fetch(platform.devLogin!.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: DEMO.thirdPartySystems.shippingCompany, client_secret: DEMO.caseSystemSecret }),
  });
  rederi = platform.withToken((await response.json()).access_token);
  // A case system that answers the delivery of an ending with {"stopped": true}.
  receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      const event = JSON.parse(body);
      const stops = event.status === "WITHDRAWN" || event.status === "EXPIRED";
      webhookAnswers.push(`${event.action}:${stops}`);
      response.writeHead(200, { "content-type": "application/json" }).end(stops ? JSON.stringify({ stopped: true }) : "{}");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await platform?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function givenSeafarerConsent(): Promise<{ id: string; ole: Caller }> {
  const skat = await platform.caseworker("skattestyrelsen");
  const requested = await skat.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, {
    input: { templateId: DEMO.templates.seafarerTax, cpr: OLE },
  });
  const id = requested.data.requestConsent.id;
  const ole = await platform.citizen(OLE);
  const given = await ole.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status } }`, {
    id,
    answers: [{ key: "income-data", checked: true }, { key: "tax-assessment", checked: true }],
  });
  expect(given.data.giveConsent.status).toBe("ACTIVE");
  return { id, ole };
}

describe("withdrawal confirmed downstream", () => {
  it("asks the case system that checked and the third party that fetched data to confirm, and shows each answer to citizen and caseworker", async () => {
    const { id, ole } = await givenSeafarerConsent();
    const skatSystem = await platform.caseSystem("skattestyrelsen");
    expect((await skatSystem.graphql(CHECK, { cpr: OLE, key: KEY })).data.consentCheck.valid).toBe(true);
    expect((await rederi.graphql(ACCESS, { input: { cpr: OLE, templateKey: KEY, scope: ["income-data"] } })).errors).toBeUndefined();

    // Nothing to confirm while it stands.
    const early = await skatSystem.graphql(CONFIRM, { id });
    expect(early.errors![0]!.extensions).toMatchObject({ code: "CONFLICT", reason: "NOT_ENDED", message: { da: expect.stringContaining("intet at bekræfte") } });
    expect((await ole.graphql(STOPS, { id })).data.consent.stopConfirmations).toEqual([]);

    const live = collect(ole.wsClient(), `subscription($id: ID!) { consentStatusChanged(consentId: $id) { action status consent { stopConfirmations { confirmedAt } } } }`, { id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const withdrawn = await ole.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id });
    expect(withdrawn.errors).toBeUndefined();

    const pending = (await ole.graphql(STOPS, { id })).data.consent;
    expect(pending.status).toBe("WITHDRAWN");
    expect(pending.stopConfirmations).toHaveLength(2);
    expect(pending.stopConfirmations).toEqual(
      expect.arrayContaining([
        { recipientKind: "CASE_SYSTEM", caseSystem: { name: "Skattestyrelsens nettolønssystem" }, thirdParty: null, endedAt: expect.any(String), confirmedAt: null, confirmedVia: null },
        { recipientKind: "THIRD_PARTY", caseSystem: null, thirdParty: { name: "Nordsø Rederi A/S" }, endedAt: expect.any(String), confirmedAt: null, confirmedVia: null },
      ]),
    );

    // The third party confirms: the citizen sees it at once, live, and a repeat changes nothing.
    const confirmed = await rederi.graphql(CONFIRM, { id });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmConsentStopped).toMatchObject({ recipientKind: "THIRD_PARTY", confirmedVia: "API", confirmedAt: expect.any(String) });
    const events = await live.next(2);
    expect(events[1]!.data.consentStatusChanged).toMatchObject({ action: "confirmStop", status: "WITHDRAWN" });
    expect((await rederi.graphql(CONFIRM, { id })).data.confirmConsentStopped.confirmedAt).toBe(confirmed.data.confirmConsentStopped.confirmedAt);

    // The caseworker sees which system has not confirmed; unconfirmed come first.
    const skat = await platform.caseworker("skattestyrelsen");
    const seen = (await skat.graphql(STOPS, { id })).data.consent.stopConfirmations;
    expect(seen[0]).toMatchObject({ caseSystem: { name: "Skattestyrelsens nettolønssystem" }, confirmedAt: null });
    expect(seen[1]).toMatchObject({ thirdParty: { name: "Nordsø Rederi A/S" }, confirmedAt: confirmed.data.confirmConsentStopped.confirmedAt });

    await skatSystem.graphql(CONFIRM, { id });
    expect((await ole.graphql(STOPS, { id })).data.consent.stopConfirmations.every((stop: { confirmedAt: string | null }) => stop.confirmedAt)).toBe(true);
    // The citizen's "who used my consents" names the confirmation.
    const log = (await ole.graphql(`{ myConsentAccessLog(first: 10) { action actorKind thirdParty { name } } }`)).data.myConsentAccessLog;
    expect(log).toContainEqual({ action: "confirmStop", actorKind: "THIRD_PARTY", thirdParty: { name: "Nordsø Rederi A/S" } });
  });

  it("refuses anyone but the consent's recipients, and changes nothing", async () => {
    const { id, ole } = await givenSeafarerConsent();
    await ole.graphql(`mutation($id: ID!) { withdrawConsent(id: $id) { status } }`, { id });
    const refusals = [
      [await platform.caseSystem("odense"), "FORBIDDEN"],
      [await platform.caseworker("skattestyrelsen"), "FORBIDDEN"],
      [ole, "FORBIDDEN"],
      [platform.withToken(await platform.devLogin!.issue({ role: "thirdparty", systemId: crypto.randomUUID(), organisationId: crypto.randomUUID() })), "FORBIDDEN"],
      [platform, "UNAUTHENTICATED"],
    ] as const;
    for (const [caller, code] of refusals) {
      const answer = await caller.graphql(CONFIRM, { id });
      expect(answer.errors![0]!.extensions!.code).toBe(code);
      expect(answer.errors![0]!.extensions!.message).toMatchObject({ da: expect.any(String), en: expect.any(String) });
    }
    expect((await ole.graphql(STOPS, { id })).data.consent.stopConfirmations).toEqual([]);
    const unknown = await (await platform.caseSystem("skattestyrelsen")).graphql(CONFIRM, { id: crypto.randomUUID() });
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("takes a webhook's answer {\"stopped\": true} to the expiry it delivered as the case system's confirmation", async () => {
    const system = await platform.caseSystem("skattestyrelsen");
    expect((await system.graphql(`mutation($url: String!) { registerWebhook(url: $url) { secret } }`, { url: receiverUrl })).errors).toBeUndefined();
    const skat = await platform.caseworker("skattestyrelsen");
    const template = await skat.graphql(`query($id: ID!) { template(id: $id) { defaultValidityDays } }`, { id: DEMO.templates.seafarerTax });
    expect(template.errors).toBeUndefined();
    const { id, ole } = await givenSeafarerConsent();

    // Time passes beyond the consent's validity: the platform expires it and tells the case system.
    clock = new Date(clock.getTime() + (template.data.template.defaultValidityDays + 1) * 86_400_000);
    let stops: { confirmedVia: string | null; caseSystem: { name: string } | null }[] = [];
    for (let attempt = 0; attempt < 100 && !stops.some((stop) => stop.confirmedVia === "WEBHOOK"); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stops = (await ole.graphql(STOPS, { id })).data.consent.stopConfirmations;
    }
    expect(webhookAnswers).toContain("expire:true");
    expect(stops).toContainEqual(expect.objectContaining({ caseSystem: { name: "Skattestyrelsens nettolønssystem" }, confirmedVia: "WEBHOOK", confirmedAt: expect.any(String) }));
    expect((await ole.graphql(STOPS, { id })).data.consent.status).toBe("EXPIRED");
  });
});
