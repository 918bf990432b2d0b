import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Citizen, Custody } from "@samtykke/party";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { startTestPlatform, type Caller, type TestPlatform } from "./support/platform.js";

// An authority looking a citizen up in the person register is on record, and the citizen sees it;
// of a citizen's powers of attorney, an authority sees only those that reach it.
const OLE = "1710681239";
const SOFIE = "2508920147";
const KAREN = "0101804321";
const LARS = "1203755678";
const LOOK_UPS = `{ myLookUps(first: 20) { actorKind fields authority { name } citizen { name } } }`;

let platform: TestPlatform;
let odense: Caller;
let skat: Caller;
beforeAll(async () => {
  platform = await startTestPlatform();
  odense = await platform.caseworker("odense");
  skat = await platform.caseworker("skattestyrelsen");
});
afterAll(async () => {
  await platform?.stop();
});

const lookUpsOf = async (citizen: Caller) => {
  const result = await citizen.graphql(LOOK_UPS);
  expect(result.errors).toBeUndefined();
  return result.data.myLookUps as { actorKind: string; fields: string[]; authority: { name: string }; citizen: { name: string } }[];
};

describe("look-ups in the person register", () => {
  it("shows the citizen who looked them or their child up and what they saw, and nobody else", async () => {
    const karen = await platform.citizen(KAREN);
    expect(await lookUpsOf(karen)).toEqual([]);
    // Her own reads, and a look-up of nothing but her id, are not look-ups to tell her of.
    expect((await karen.graphql(`{ me { name children { name } } }`)).errors).toBeUndefined();
    expect((await odense.graphql(`query($cpr: String!) { citizenIdByCpr(cpr: $cpr) }`, { cpr: KAREN })).errors).toBeUndefined();
    expect(await lookUpsOf(karen)).toEqual([]);

    const lookedUp = await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id name children { id name } } }`, { cpr: KAREN });
    expect(lookedUp.errors).toBeUndefined();
    const emil = lookedUp.data.citizen.children[0];
    // A case system reads her child's custody holders through the child's id.
    const system = await platform.caseSystem("skattestyrelsen");
    expect((await system.graphql(`query($id: ID!) { citizenById(id: $id) { custodyHolders { name } } }`, { id: emil.id })).errors).toBeUndefined();

    expect(await lookUpsOf(karen)).toEqual([
      { actorKind: "CASE_SYSTEM", fields: ["custodyHolders"], authority: { name: "Skattestyrelsen" }, citizen: { name: emil.name } },
      { actorKind: "CASEWORKER", fields: ["name", "children"], authority: { name: "Odense Kommune" }, citizen: { name: "Karen Jensen" } },
    ]);
    // Another citizen sees none of it; an authority may not ask.
    expect(await lookUpsOf(await platform.citizen(OLE))).toEqual([]);
    expect((await odense.graphql(LOOK_UPS)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("tells a parent of look-ups of their child only while the child is under 18", async () => {
    // The person register stand-in: a son of Lars's, 30 years old, whose custody row was never removed.
    const grownUp = cprBornOn(new Date(Date.UTC(new Date().getUTCFullYear() - 30, 4, 9)), "731");
    const son = (await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr: grownUp })).data.citizen.id;
    const larsId = (await odense.graphql(`query($cpr: String!) { citizenIdByCpr(cpr: $cpr) }`, { cpr: LARS })).data.citizenIdByCpr;
    const em = platform.subgraphs.party.orm.em.fork();
    em.create(Custody, { holder: em.getReference(Citizen, larsId), child: em.getReference(Citizen, son) });
    await em.flush();
    expect((await odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { name } }`, { cpr: grownUp })).errors).toBeUndefined();
    const sons = await lookUpsOf(await platform.citizen(grownUp));
    expect(sons.map((entry) => entry.fields)).toEqual([["name"]]);
    expect((await lookUpsOf(await platform.citizen(LARS))).filter((entry) => entry.citizen.name === sons[0]!.citizen.name)).toEqual([]);
  });

  it("records relations read with a consent's citizen, where the consent's own entry does not name them", async () => {
    const sofie = await platform.citizen(SOFIE);
    const before = (await lookUpsOf(sofie)).length;
    const id = (await odense.graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id } }`, { input: { templateId: DEMO.templates.dataSharing, cpr: SOFIE } })).data.requestConsent.id;
    // Asking looked her name and custody holders up (who must sign): on record.
    expect((await lookUpsOf(sofie)).slice(0, 1)).toEqual([{ actorKind: "CASEWORKER", fields: ["name", "custodyHolders"], authority: { name: "Odense Kommune" }, citizen: { name: "Sofie Hansen" } }]);
    // Her powers to act for others, read through the consent.
    const read = await odense.graphql(`query($id: ID!) { consent(id: $id) { subject { name powersOfAttorney { grantor { name } } } } }`, { id });
    expect(read.errors).toBeUndefined();
    const entries = await lookUpsOf(sofie);
    expect(entries.length).toBe(before + 2);
    expect(entries[0]).toEqual({ actorKind: "CASEWORKER", fields: ["powersOfAttorney"], authority: { name: "Odense Kommune" }, citizen: { name: "Sofie Hansen" } });
  });

  it("shows an authority only the powers of attorney that reach it, and the citizen all of theirs", async () => {
    // Ole lets Sofie act for him towards Skattestyrelsen only.
    const attorneys = `query($cpr: String!) { citizen(cpr: $cpr) { attorneys { attorney { name } authorityIds } } }`;
    expect((await skat.graphql(attorneys, { cpr: OLE })).data.citizen.attorneys).toEqual([{ attorney: { name: "Sofie Hansen" }, authorityIds: [DEMO.authorities.skattestyrelsen] }]);
    expect((await odense.graphql(attorneys, { cpr: OLE })).data.citizen.attorneys).toEqual([]);
    const ole = await platform.citizen(OLE);
    expect((await ole.graphql(`{ me { attorneys { attorney { name } } } }`)).data.me.attorneys).toEqual([{ attorney: { name: "Sofie Hansen" } }]);
  });
});
