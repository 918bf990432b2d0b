import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { birthday, cprBornOn, DEMO } from "@samtykke/server-kit";
import { giveWithYesToAll, startTestPlatform, TEMPLATE_TEXTS, type Caller, type TestPlatform } from "./support/platform.js";

// Who answers for a young person goes by their age, as the template says: the custody holders under
// 15, from 15 the young person alone (the Danish Health Act § 17), with the holders told by letter
// that they answered, never what. "Emil" is fourteen and a half today, in the custody of "Karen" and
// "Lars" as the person register says; the consent subgraph's clock is set to days around his 15th
// birthday and applies what is due every 100 ms.
const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
const EMIL_BORN = new Date(Date.now() - 14.5 * 365.25 * DAY);
const EMIL = cprBornOn(EMIL_BORN, "321");
const KAREN = cprBornOn(new Date(Date.UTC(1984, 6, 1)), "322");
const LARS = cprBornOn(new Date(Date.UTC(1983, 8, 9)), "323");
const FIFTEENTH_BIRTHDAY = birthday(cprBirthDate(EMIL_BORN), 15).getTime();
/** The birth date a CPR number carries: the day, at midnight UTC. */
function cprBirthDate(date: Date) {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

let offset = 0;
let platform: TestPlatform;
let odense: Caller;
let templateId: string;
const TITLE = "Samtykke til samtaler med skolepsykolog";

const REQUEST = `mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id givers { id } } }`;
const CONSENT = `query($id: ID!) { consent(id: $id) { status signers givers { id } signatures { signer { id } } history { action actorKind } } }`;
const MAILBOX = `{ myMailbox(first: 100) { kind title { da } consent { id } } }`;

beforeAll(async () => {
  platform = await startTestPlatform({ consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 } });
  odense = await platform.caseworker("odense");
  const created = await odense.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id signers informCustodyHolders } }`, {
    input: {
      authorityId: DEMO.authorities.odense,
      key: "odense-skolepsykolog",
      title: { da: TITLE, en: "Consent to talks with the school psychologist" },
      purpose: { da: "Du kan tale med en psykolog på skolen.", en: "You can talk with a psychologist at school." },
      ...TEMPLATE_TEXTS,
      signers: "YOUNG_PERSON_FROM_15",
      informCustodyHolders: true,
    },
  });
  expect(created.data.createTemplate).toMatchObject({ signers: "YOUNG_PERSON_FROM_15", informCustodyHolders: true });
  const register = await platform.platformClient();
  for (const holder of [KAREN, LARS]) {
    const custody = await register.graphql(`mutation($input: LifeEventInput!) { recordLifeEvent(input: $input) { duplicate } }`, {
      input: { registerEventId: `forældremyndighed-${EMIL}-${holder}`, kind: "CUSTODY_STARTED", cpr: EMIL, otherCpr: holder, occurredOn: new Date(Date.now() - DAY).toISOString() },
    });
    expect(custody.errors).toBeUndefined();
  }
  templateId = created.data.createTemplate.id;
  expect((await odense.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { status } }`, { id: templateId })).data.publishTemplate.status).toBe("PUBLISHED");
});
afterAll(async () => {
  await platform?.stop();
});

/** The consent subgraph's clock at `at` (an instant in Emil's life). */
const setClock = (at: number) => {
  offset = at - Date.now();
};
const idsOf = (people: { id: string }[]) => people.map((person) => person.id).sort();
const mailOf = async (citizen: Caller) => (await citizen.graphql(MAILBOX)).data.myMailbox as { kind: string; title: { da: string }; consent: { id: string } | null }[];

describe("a young person's age", () => {
  it("reaches the API as the person register's birth date (a date column once failed to serialise as a date-time)", async () => {
    // The demo's Emil, born 3 April 2021: his birth date is in his CPR number and never changes.
    const read = await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { birthDate comesOfAgeOn } }`, { cpr: "0304214912" });
    expect(read.errors).toBeUndefined();
    expect(read.data.citizen).toEqual({ birthDate: "2021-04-03T00:00:00.000Z", comesOfAgeOn: "2039-04-03T00:00:00.000Z" });
  });
});

describe("a request for a young person, by age", () => {
  it("goes to the custody holders at 14 years 364 days, moves to the young person on their 15th birthday, and tells the holders only that they answered", async () => {
    const [karen, lars, emil] = await Promise.all([platform.citizen(KAREN), platform.citizen(LARS), platform.citizen(EMIL)]);
    const ids = {
      emil: (await emil.graphql(`{ me { id } }`)).data.me.id,
      karen: (await karen.graphql(`{ me { id } }`)).data.me.id,
      lars: (await lars.graphql(`{ me { id } }`)).data.me.id,
    };
    setClock(FIFTEENTH_BIRTHDAY - 12 * HOUR);
    const asked = await odense.graphql(REQUEST, { input: { templateId, cpr: EMIL } });
    expect(asked.errors).toBeUndefined();
    const id = asked.data.requestConsent.id;
    expect(idsOf(asked.data.requestConsent.givers)).toEqual([ids.karen, ids.lars].sort());
    // Karen answers; Lars has not yet when Emil turns 15.
    expect((await giveWithYesToAll(karen, id)).data.giveConsent.status).toBe("REQUESTED");

    setClock(FIFTEENTH_BIRTHDAY + 12 * HOUR);
    await expect.poll(async () => idsOf((await odense.graphql(CONSENT, { id })).data.consent.givers), { timeout: 10_000 }).toEqual([ids.emil]);
    const moved = (await odense.graphql(CONSENT, { id })).data.consent;
    expect(moved).toMatchObject({ status: "REQUESTED", signers: "YOUNG_PERSON_FROM_15", signatures: [] });
    expect(moved.history.at(-1)).toEqual({ action: "askYoungPerson", actorKind: "PLATFORM" });
    await expect.poll(async () => (await mailOf(emil)).filter((letter) => letter.consent?.id === id).map((letter) => letter.kind), { timeout: 10_000 }).toEqual(["REQUEST"]);

    // It is Emil's now: his parents can neither answer nor read it.
    const answers = [{ key: "x", checked: true }];
    expect((await lars.graphql(`mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { id } }`, { id, answers })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect((await karen.graphql(CONSENT, { id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(((await karen.graphql(`{ myConsents(first: 100) { id } }`)).data.myConsents as { id: string }[]).map((consent) => consent.id)).not.toContain(id);

    expect((await giveWithYesToAll(emil, id)).data.giveConsent.status).toBe("ACTIVE");
    // Both parents are told that he answered, by letter, with nothing of what he chose.
    for (const parent of [karen, lars]) {
      await expect.poll(async () => (await mailOf(parent)).filter((letter) => letter.kind === "INFORMED").map((letter) => [letter.title.da, letter.consent]), { timeout: 10_000 }).toEqual([
        [`Orientering: den unge har svaret: ${TITLE}`, null],
      ]);
    }
    expect((await mailOf(emil)).filter((letter) => letter.consent?.id === id).map((letter) => letter.kind).sort()).toEqual(["GIVEN", "REQUEST"]);
  });

  it("goes to the young person alone when asked on or after their 15th birthday", async () => {
    setClock(FIFTEENTH_BIRTHDAY + 36 * HOUR);
    const emil = await platform.citizen(EMIL);
    const asked = await odense.graphql(REQUEST, { input: { templateId, cpr: EMIL } });
    expect(idsOf(asked.data.requestConsent.givers)).toEqual([(await emil.graphql(`{ me { id } }`)).data.me.id]);
    const karen = await platform.citizen(KAREN);
    expect((await karen.graphql(CONSENT, { id: asked.data.requestConsent.id })).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });
});
