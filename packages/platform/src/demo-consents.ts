import type { DevLogin } from "@samtykke/dev-login";
import { DEMO } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";

async function call(gatewayUrl: string, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(gatewayUrl, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: any; errors?: { message: string }[] };
  if (result.errors) throw new Error(`demo data: ${result.errors.map((e) => e.message).join("; ")}`);
  return result.data;
}

/**
 * Demo consents go in through the public API, as a caseworker and a citizen would make them, so
 * the demo shows real requests, answers and events.
 */
export async function seedDemoConsents(gatewayUrl: string, login: DevLogin): Promise<void> {
  const request = /* GraphQL */ `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`;
  const give = /* GraphQL */ `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id } }`;
  const demo = [
    { cpr: "0101804321", templateId: DEMO.templates.dataSharing, caseReference: "ODE-2026-1187", given: true },
    { cpr: "1710681239", templateId: DEMO.templates.seafarerTax, caseReference: null, given: true },
    { cpr: "1203755678", templateId: DEMO.templates.dataSharing, caseReference: "ODE-2026-1203", given: false },
    { cpr: "0304214912", templateId: DEMO.templates.childTherapy, caseReference: "ODE-2026-1190", given: false },
  ];
  const caseworkerFor = async (templateId: string) => {
    const authorityId = templateId === DEMO.templates.seafarerTax ? DEMO.authorities.skattestyrelsen : DEMO.authorities.odense;
    const member = DEMO.staff.find((staff) => staff.authority === authorityId)!;
    return login.issue({ role: "caseworker", caseworkerId: member.caseworker, authorityId });
  };
  for (const { given, ...input } of demo) {
    const { requestConsent } = await call(gatewayUrl, await caseworkerFor(input.templateId), request, { input });
    const citizen = await login.issue({ role: "citizen", cpr: input.cpr, signing: true });
    if (given) await call(gatewayUrl, citizen, give, { id: requestConsent.id, answers: demoAnswers(input.templateId) });
  }
}
