import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { Citizen, Custody } from "@samtykke/party";
import { demoAnswers } from "@samtykke/template";
import { signedAsGateway, startTestPlatform, TEMPLATE_TEXTS, yesToEveryChoice, type Caller, type GraphQLResult, type TestPlatform } from "./support/platform.js";

// The proof of README's "Who may do what": TABLE below has the README table's shape, a row per
// operation and a column per kind of caller, and every cell is one test. A cell holds what the caller
// sees when allowed (a status, a name) or "–" when refused. An "own authority" cell also makes a case
// for the other authority's caseworker or case system; the refusals the table's words imply ("until 18
// / handover", "towards the authorities it covers", "when named as giver") follow in EXTRA. Every case
// makes its own consent, so none leans on another; a refused write is re-read to show nothing changed.

const OLE = "1710681239"; // gave Sofie power of attorney towards Skattestyrelsen only
const SOFIE = "2508920147";
const LARS = "1203755678"; // Emil's custody holder, related to neither Ole nor Sofie
const KAREN = "0101804321"; // Emil's other custody holder
const EMIL = "0304214912";
const SKAT = DEMO.authorities.skattestyrelsen;
const DAY = 24 * 60 * 60 * 1000;
const REFUSALS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND"]);

type Who = "ole" | "emil" | "karen" | "lars" | "sofie" | "skat" | "skatSystem" | "odense" | "odenseSystem" | "anonymous";
type Place = "seafarer" | "therapy" | "singleUse" | "reconsent" | "oleAtOdense" | "emilSigns" | "handedOver";
type State = "none" | "REQUESTED" | "ACTIVE" | "PAUSED" | "PAPER";
/** What a case acts on; the field names are the operations' variable names. */
type Target = { authority: "odense" | "skattestyrelsen"; authorityId: string; cpr: string; subjectId: string; templateId: string; caseReference: string } & {
  templateKey?: string; id?: string; fileId?: string; letterId?: string;
};
interface Op {
  /** The consent the call needs, made fresh for the case ("none": no consent). */
  state: State;
  /** Replaces Skattestyrelsen's seafarer consent where the operation needs another kind. */
  place?: Place;
  prepare?: (t: Target) => Promise<void>;
  call: (caller: Caller, t: Target) => Promise<GraphQLResult>;
  /** What a user would notice when the call worked. */
  shows: (data: any, t: Target) => unknown;
  /** For a write: how things stand, read by someone allowed; a refusal leaves it as it was. */
  after?: (t: Target) => Promise<unknown>;
  /** What another authority's caseworker or case system gets where the cell says "own authority". */
  otherAuthority?: unknown;
}

let offset = 0; // the consent subgraph's clock runs ahead by this much once a handover has been made
let platform: TestPlatform;
const callers = {} as Record<Who, Caller>;
const ids: Record<string, string> = {};
let singleUseTemplate: string;
let serial = 0;

beforeAll(async () => {
  const many = 1_000_000; // a few hundred calls a minute is the point here, not a load to limit
  platform = await startTestPlatform({
    consentClock: { now: () => new Date(Date.now() + offset), dueCheckIntervalMs: 100 },
    gatewayLimits: { requestsPerMinute: { citizen: many, caseworker: many, system: many, anonymous: many }, socketsPerCaller: many },
  });
  const people = { ole: OLE, emil: EMIL, karen: KAREN, lars: LARS, sofie: SOFIE } as const;
  for (const [who, cpr] of Object.entries(people)) callers[who as Who] = await platform.citizen(cpr);
  Object.assign(callers, {
    skat: await platform.caseworker("skattestyrelsen"),
    skatSystem: await platform.caseSystem("skattestyrelsen"),
    odense: await platform.caseworker("odense"),
    odenseSystem: await platform.caseSystem("odense"),
    anonymous: platform,
  });
  for (const cpr of Object.values(people)) ids[cpr] = must(await callers.skat.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr })).citizen.id;
  singleUseTemplate = await publishTemplate("authz-engangs", "Et enkelt opslag", { singleUse: true });
});
afterAll(async () => {
  await platform?.stop();
});

function must(result: GraphQLResult): any {
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data;
}
const reader = (t: Target) => (t.authority === "odense" ? callers.odense : callers.skat);
/** Who gets the consent's letters: the subject, or a child's custody holder. */
const addressee = (t: Target) => (t.cpr === EMIL ? callers.karen : callers.ole);
async function awaitLetter(t: Target): Promise<void> {
  const letter = async () =>
    must(await addressee(t).graphql(`{ myMailbox(first: 100) { id consent { id } } }`)).myMailbox.find((candidate: any) => candidate.consent?.id === t.id)?.id;
  await expect.poll(letter, { timeout: 10_000 }).toEqual(expect.any(String));
  t.letterId = await letter();
}

/** Drafts (and unless told, publishes) a version of a Skattestyrelsen template key, as its caseworker. */
async function publishTemplate(key: string, purpose: string, rules: Record<string, unknown> = {}, publish = true): Promise<string> {
  const input = { authorityId: SKAT, key, title: { da: "Titel", en: "Title" }, purpose: { da: purpose, en: purpose }, ...TEMPLATE_TEXTS, ...rules };
  const { id } = must(await callers.skat.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { id } }`, { input })).createTemplate;
  if (publish) must(await callers.skat.graphql(`mutation($id: ID!) { publishTemplate(id: $id) { id } }`, { id }));
  return id;
}

// Answers are read as the authority, so that a refused caller is refused for what they did, not for
// failing to read the choices first.
const GIVE = `mutation($id: ID!, $answers: [ChoiceAnswerInput!]!) { giveConsent(id: $id, answers: $answers) { status } }`;
const give = async (caller: Caller, t: Target) => caller.graphql(GIVE, { id: t.id, answers: await yesToEveryChoice(reader(t), t.id!) });
const paper = (t: Target) => ({
  templateId: t.templateId, cpr: t.cpr, caseReference: t.caseReference, answers: demoAnswers(t.templateId),
  statement: "Underskrevet blanket modtaget med posten.", fileName: "samtykke.pdf", signedAt: new Date(Date.now() - DAY).toISOString(),
  scanBase64: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(64, 0x20)]).toString("base64"),
});
const UPLOAD = `mutation($input: UploadPaperConsentInput!) { uploadPaperConsent(input: $input) { id status templateKey attachments { id } } }`;

const PLACES: Record<Exclude<Place, "handedOver">, { authority: Target["authority"]; cpr: string; givers: Who[]; template: () => string }> = {
  seafarer: { authority: "skattestyrelsen", cpr: OLE, givers: ["ole"], template: () => DEMO.templates.seafarerTax },
  therapy: { authority: "odense", cpr: EMIL, givers: ["karen", "lars"], template: () => DEMO.templates.childTherapy }, // both holders sign
  singleUse: { authority: "skattestyrelsen", cpr: OLE, givers: ["ole"], template: () => singleUseTemplate },
  reconsent: { authority: "skattestyrelsen", cpr: OLE, givers: ["ole"], template: () => "" }, // a key of its own, see make()
  oleAtOdense: { authority: "odense", cpr: OLE, givers: ["ole"], template: () => DEMO.templates.dataSharing }, // Sofie's power does not cover Odense
  emilSigns: { authority: "odense", cpr: EMIL, givers: ["emil"], template: () => DEMO.templates.dataSharing }, // the child signs, not the holders
};

/** A fresh consent of this kind in this state, made by those whose part it is. */
async function make(place: Place, state: State): Promise<Target> {
  const { authority, cpr, givers, template } = place === "handedOver" ? await childOfKaren() : PLACES[place];
  const t: Target = { authority, authorityId: DEMO.authorities[authority], cpr, subjectId: ids[cpr]!, templateId: template(), caseReference: `AUTHZ-${++serial}` };
  if (place === "reconsent") t.templateId = await publishTemplate(`authz-reconsent-${serial}`, "Formål 1");
  if (place === "handedOver") state = "ACTIVE"; // what the parent gave, and the child has not yet confirmed
  if (state === "none") return t;
  if (state === "PAPER") {
    const made = must(await reader(t).graphql(UPLOAD, { input: paper(t) })).uploadPaperConsent;
    return { ...t, id: made.id, templateKey: made.templateKey, fileId: made.attachments[0].id };
  }
  const request = { templateId: t.templateId, cpr, caseReference: t.caseReference };
  const made = must(await reader(t).graphql(`mutation($input: RequestConsentInput!) { requestConsent(input: $input) { id templateKey } }`, { input: request }));
  Object.assign(t, { id: made.requestConsent.id, templateKey: made.requestConsent.templateKey });
  if (state !== "REQUESTED") for (const giver of givers) must(await give(callers[giver], t));
  if (state === "PAUSED") must(await callers[givers[0]!].graphql(`mutation($id: ID!) { pauseConsent(id: $id) { id } }`, { id: t.id }));
  // A new version with another text: the consent above is now one to ask again.
  if (place === "reconsent") t.templateId = await publishTemplate(t.templateKey!, "Formål 2, udvidet");
  if (place === "handedOver") {
    offset += 6 * DAY; // past the child's 18th birthday, as the consent subgraph tells time
    const last = async () => must(await reader(t).graphql(`query($id: ID!) { consent(id: $id) { history { action } } }`, t)).consent.history.at(-1).action;
    await expect.poll(last, { timeout: 10_000 }).toBe("handOver");
  }
  return t;
}

/** A child in Karen's custody alone who turns 18 five days from now on the consent clock (the person register keeps real time). */
async function childOfKaren() {
  const birth = new Date(Date.now() + offset + 5 * DAY);
  birth.setUTCFullYear(birth.getUTCFullYear() - 18);
  const cpr = cprBornOn(birth, "567");
  ids[cpr] = must(await callers.odense.graphql(`query($cpr: String!) { citizen(cpr: $cpr) { id } }`, { cpr })).citizen.id;
  const em = platform.subgraphs.party.orm.em.fork();
  em.create(Custody, { holder: em.getReference(Citizen, ids[KAREN]!), child: em.getReference(Citizen, ids[cpr]!) });
  await em.flush();
  return { authority: "odense" as const, cpr, givers: ["karen" as Who], template: () => DEMO.templates.childTherapy };
}

const statusOf = async (t: Target) => must(await reader(t).graphql(`query($id: ID!) { consent(id: $id) { status } }`, { id: t.id })).consent.status;
const consentsOfCase = async (t: Target) =>
  must(await reader(t).graphql(`query($caseReference: String) { consents(filter: { caseReference: $caseReference }) { edges { node { id } } } }`, t)).consents.edges.length;
const draftsOfKey = async (t: Target) =>
  must(await callers.skat.graphql(`{ templates(status: DRAFT, first: 100) { key } }`)).templates.filter((row: any) => row.key === t.templateKey).length;
const templateStatus = async (t: Target) => must(await callers.skat.graphql(`query($templateId: ID!) { template(id: $templateId) { status } }`, t)).template.status;
const listed = (rows: { id: string; status: string }[], t: Target) => rows.find((row) => row.id === t.id)?.status ?? "not listed";
const byId = (query: string) => (caller: Caller, t: Target) => caller.graphql(query, t);

/** A mutation on the case's consent, showing the status it led to. */
const change = (state: State, mutation: string, args = ""): Op => ({
  state,
  call: byId(`mutation($id: ID!) { ${mutation}(id: $id${args}) { status } }`),
  shows: (data) => data[mutation].status,
  after: statusOf,
});
/** A mutation that registers a consent given elsewhere: refused, it leaves no consent on the case. */
const register = (mutation: string, input: (t: Target) => object): Op => ({
  state: "none",
  call: (caller, t) => caller.graphql(`mutation($input: ${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { status } }`, { input: input(t) }),
  shows: (data) => data[mutation].status,
  after: consentsOfCase,
});

/** A Skattestyrelsen template of the case's own: a draft, or published. */
const template = (publish: boolean) => async (t: Target) => void (t.templateId = await publishTemplate(`authz-${++serial}`, "Kladde", {}, publish));
/** A template mutation, showing the status it led to; refused, the template stays as it was. */
const onTemplate = (mutation: string, publish: boolean): Op => ({
  state: "none",
  prepare: template(publish),
  call: byId(`mutation($templateId: ID!) { ${mutation}(id: $templateId) { status } }`),
  shows: (data) => data[mutation].status,
  after: templateStatus,
});

/** The first event a subscriber hears of the case's consent, or what refused the subscription. */
function firstEvent(caller: Caller, t: Target): Promise<GraphQLResult> {
  return new Promise((resolve) => {
    let unsubscribe = () => {};
    const done = (result: GraphQLResult) => (clearTimeout(timer), unsubscribe(), resolve(result));
    const timer = setTimeout(() => done({ data: { consentStatusChanged: null } }), 1_500);
    const query = `subscription($id: ID, $authorityId: ID) { consentStatusChanged(consentId: $id, authorityId: $authorityId, after: "0") { status consent { id } } }`;
    unsubscribe = caller.wsClient().subscribe({ query, variables: { id: t.id, authorityId: t.authorityId } }, {
      next: (value) => done(value as GraphQLResult),
      error: (error) => done({ errors: Array.isArray(error) ? error : [{ message: String(error), extensions: { code: String((error as { code?: number }).code) } }] }),
      complete: () => {},
    });
  });
}

const OPS: Record<string, Op> = {
  "templates, template, authorities": {
    state: "none",
    call: (caller) => caller.graphql(`query($id: ID!) { templates { id } template(id: $id) { status } authorities { name } }`, { id: DEMO.templates.seafarerTax }),
    shows: (data) => (data.templates.length && data.authorities.length ? data.template.status : "empty"),
  },
  "templates(status: DRAFT)": {
    state: "none",
    prepare: template(false),
    call: byId(`{ templates(status: DRAFT, authorityId: "${SKAT}", first: 100) { id status } }`),
    shows: (data, t) => data.templates.find((row: any) => row.id === t.templateId)?.status ?? "not listed",
  },
  "template(id) of a draft": { state: "none", prepare: template(false), call: byId(`query($templateId: ID!) { template(id: $templateId) { status } }`), shows: (data) => data.template.status },
  createTemplate: {
    state: "none",
    prepare: async (t) => void (t.templateKey = `authz-new-${++serial}`),
    call: (caller, t) =>
      caller.graphql(`mutation($input: CreateTemplateInput!) { createTemplate(input: $input) { status } }`, {
        input: { authorityId: SKAT, key: t.templateKey, title: { da: "Ny", en: "New" }, purpose: { da: "Formål", en: "Purpose" }, ...TEMPLATE_TEXTS },
      }),
    shows: (data) => data.createTemplate.status,
    after: draftsOfKey,
  },
  publishTemplate: onTemplate("publishTemplate", false),
  retireTemplate: onTemplate("retireTemplate", true),
  me: { state: "none", call: byId(`{ me { name } }`), shows: (data) => data.me?.name ?? null },
  myConsents: { state: "REQUESTED", call: byId(`{ myConsents(first: 100) { id status } }`), shows: (data, t) => listed(data.myConsents, t) },
  "citizen(cpr)": { state: "none", call: byId(`query($cpr: String!) { citizen(cpr: $cpr) { name } }`), shows: (data) => data.citizen.name },
  citizenById: { state: "none", call: byId(`query($subjectId: ID!) { citizenById(id: $subjectId) { name } }`), shows: (data) => data.citizenById.name },
  // The gateway asks the party subgraph for a Citizen this way; a caller can too, with their token.
  "a Citizen through _entities": {
    state: "none",
    call: async (caller, t) => {
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Citizen { name } } }`;
      const headers = { "content-type": "application/json", ...(caller.token ? { authorization: `Bearer ${caller.token}` } : {}) };
      const body = JSON.stringify(signedAsGateway(platform, { query, variables: { r: [{ __typename: "Citizen", id: t.subjectId }] } }));
      return (await fetch(platform.subgraphs.party.url, { method: "POST", headers, body })).json();
    },
    shows: (data) => data._entities[0].name,
  },
  "custody and power-of-attorney fields": {
    state: "none",
    call: byId(`query($subjectId: ID!) { citizenById(id: $subjectId) { custodyHolders { name } children { name } attorneys { attorney { name } } powersOfAttorney { grantor { name } } } }`),
    shows: ({ citizenById: c }) => [...c.custodyHolders, ...c.children, ...c.attorneys.map((a: any) => a.attorney), ...c.powersOfAttorney.map((p: any) => p.grantor)].map((p) => p.name).join(", "),
  },
  // A paper consent, so that there is a file to read as well.
  "consent(id), history, files, integrity": {
    state: "PAPER",
    async call(caller, t) {
      const consent = await caller.graphql(`query($id: ID!) { consent(id: $id) { status history { action } integrity { intact } attachments { id } } }`, t);
      if (!t.fileId) return consent;
      const file = await caller.graphql(`query($fileId: ID!) { consentAttachmentContent(id: $fileId) }`, t);
      const errors = [...(consent.errors ?? []), ...(file.errors ?? [])];
      return { data: { ...consent.data, ...file.data }, errors: errors.length ? errors : undefined };
    },
    shows: ({ consent, consentAttachmentContent }) => (consent.history.length && consent.integrity.intact && consentAttachmentContent ? consent.status : "incomplete"),
    // Whoever may not read a consent is told, as of an id that does not exist, that there is none.
    otherAuthority: "NOT_FOUND",
  },
  "consents(filter)": {
    state: "REQUESTED",
    call: byId(`query($cpr: String, $authorityId: ID, $caseReference: String) { consents(filter: { cpr: $cpr, authorityId: $authorityId, caseReference: $caseReference }) { edges { node { id status } } } }`),
    shows: (data, t) => listed(data.consents.edges.map((edge: any) => edge.node), t),
  },
  "Authority.consents": {
    state: "REQUESTED",
    call: byId(`query($authorityId: ID!) { authority(id: $authorityId) { consents(first: 100) { id status } } }`),
    shows: (data, t) => listed(data.authority.consents, t),
  },
  consentCheck: {
    state: "ACTIVE",
    call: byId(`query($cpr: String!, $templateKey: String!) { consentCheck(cpr: $cpr, templateKey: $templateKey) { reason } }`),
    shows: (data) => data.consentCheck.reason,
    // The check names no authority: another authority's answers from its own consents, and has none.
    otherAuthority: "NO_CONSENT",
  },
  requestConsent: {
    state: "none",
    call: byId(`mutation($templateId: ID!, $cpr: String!, $caseReference: String) { requestConsent(input: { templateId: $templateId, cpr: $cpr, caseReference: $caseReference }) { status } }`),
    shows: (data) => data.requestConsent.status,
    after: consentsOfCase,
  },
  closeCase: {
    state: "REQUESTED",
    call: byId(`mutation($authorityId: ID!, $caseReference: String!) { closeCase(authorityId: $authorityId, caseReference: $caseReference) { status } }`),
    shows: (data) => data.closeCase.map((consent: any) => consent.status).join(", "),
    after: statusOf,
  },
  markConsentUsed: { ...change("ACTIVE", "markConsentUsed"), place: "singleUse", otherAuthority: "NOT_FOUND" },
  registerConsent: register("registerConsent", (t) => {
    const { scanBase64: _scan, fileName: _file, signedAt: _signed, ...input } = paper(t);
    return input;
  }),
  uploadPaperConsent: register("uploadPaperConsent", paper),
  cancelConsentRequest: { ...change("REQUESTED", "cancelConsentRequest"), otherAuthority: "NOT_FOUND" },
  requestReconsent: {
    state: "ACTIVE",
    place: "reconsent",
    call: byId(`mutation($templateId: ID!) { requestReconsent(templateId: $templateId) { requested } }`),
    shows: (data) => data.requestReconsent.requested,
    after: async (t) =>
      must(await reader(t).graphql(`query($cpr: String, $templateKey: String) { consents(filter: { cpr: $cpr, templateKey: $templateKey, status: [REQUESTED] }, first: 100) { edges { node { replacesConsentId } } } }`, t))
        .consents.edges.filter((edge: any) => edge.node.replacesConsentId === t.id).length,
  },
  deliverConsent: register("deliverConsent", (t) => ({ templateId: t.templateId, cpr: t.cpr, caseReference: t.caseReference, answers: demoAnswers(t.templateId), givenAt: new Date(Date.now() - DAY).toISOString(), evidenceReference: "DOK-4711" })),
  giveConsent: { state: "REQUESTED", call: give, shows: (data) => data.giveConsent.status, after: statusOf },
  declineConsent: change("REQUESTED", "declineConsent"),
  withdrawConsent: { ...change("ACTIVE", "withdrawConsent", `, reason: "Borgeren bad om det i telefonen"`), otherAuthority: "NOT_FOUND" },
  "withdrawConsent without a reason": change("ACTIVE", "withdrawConsent"),
  pauseConsent: { ...change("ACTIVE", "pauseConsent", `, reason: "Borgeren bad om det i telefonen"`), otherAuthority: "NOT_FOUND" },
  resumeConsent: { ...change("PAUSED", "resumeConsent", `, reason: "Borgeren bad om det i telefonen"`), otherAuthority: "NOT_FOUND" },
  "pauseConsent without a reason": change("ACTIVE", "pauseConsent"),
  consentStatusChanged: {
    state: "REQUESTED",
    call: firstEvent,
    shows: (data, t) => (data.consentStatusChanged ? (data.consentStatusChanged.consent.id === t.id ? data.consentStatusChanged.status : "another consent") : "nothing heard"),
  },
  // Letters are sent just after the request commits: wait for the one addressed to those who answer.
  myMailbox: {
    state: "REQUESTED",
    prepare: awaitLetter,
    call: byId(`{ myMailbox(first: 100) { kind consent { id } } }`),
    shows: (data, t) => data.myMailbox.find((letter: any) => letter.consent?.id === t.id)?.kind ?? "not listed",
  },
  markLetterRead: {
    state: "REQUESTED",
    prepare: awaitLetter,
    call: byId(`mutation($letterId: ID!) { markLetterRead(id: $letterId) { readAt } }`),
    shows: (data) => (data.markLetterRead.readAt ? "read" : "unread"),
    after: async (t) => must(await addressee(t).graphql(`{ myMailbox(first: 100) { id readAt } }`)).myMailbox.find((letter: any) => letter.id === t.letterId).readAt,
  },
  confirmConsentStopped: {
    state: "ACTIVE",
    prepare: async (t) => void must(await reader(t).graphql(`mutation($id: ID!) { withdrawConsent(id: $id, reason: "Borgeren ringede") { status } }`, t)),
    call: byId(`mutation($id: ID!) { confirmConsentStopped(id: $id) { confirmedVia } }`),
    shows: (data) => data.confirmConsentStopped.confirmedVia,
    after: async (t) => must(await reader(t).graphql(`query($id: ID!) { consent(id: $id) { stopConfirmations { confirmedAt } } }`, t)).consent.stopConfirmations.length,
  },
  myConsentAccessLog: {
    state: "REQUESTED",
    call: byId(`{ myConsentAccessLog(first: 100) { action consent { id } } }`),
    shows: (data, t) => data.myConsentAccessLog.find((entry: any) => entry.consent?.id === t.id)?.action ?? "not listed",
  },
};

const own = (shown: unknown) => ({ own: shown });
const COLUMNS: { who: string; as: Who; place: Place; other?: { who: string; as: Who } }[] = [
  { who: "the citizen it concerns", as: "ole", place: "seafarer" },
  { who: "a custody holder", as: "karen", place: "therapy" },
  { who: "an attorney", as: "sofie", place: "seafarer" },
  { who: "the authority's caseworker", as: "skat", place: "seafarer", other: { who: "a caseworker of another authority", as: "odense" } },
  { who: "the authority's case system", as: "skatSystem", place: "seafarer", other: { who: "a case system of another authority", as: "odenseSystem" } },
  { who: "an anonymous caller", as: "anonymous", place: "seafarer" },
];
const [ole, emil, sofie] = ["Ole Sømand Pedersen", "Emil Nielsen", "Sofie Hansen"];
// prettier-ignore
const TABLE: [string, ...unknown[]][] = [
  // operation                                 citizen (subject)  custody holder   attorney        caseworker            case system        anonymous
  ["templates, template, authorities",         "PUBLISHED",       "PUBLISHED",     "PUBLISHED",    "PUBLISHED",          "PUBLISHED",       "PUBLISHED"],
  ["templates(status: DRAFT)",                 "–",               "–",             "–",            own("DRAFT"),         "–",               "–"],
  ["template(id) of a draft",                  "–",               "–",             "–",            own("DRAFT"),         "–",               "–"],
  ["createTemplate",                           "–",               "–",             "–",            own("DRAFT"),         "–",               "–"],
  ["publishTemplate",                          "–",               "–",             "–",            own("PUBLISHED"),     "–",               "–"],
  ["retireTemplate",                           "–",               "–",             "–",            own("RETIRED"),       "–",               "–"],
  ["me",                                       ole,               "Karen Jensen",  sofie,          null,                 null,              "–"],
  // own, the child's, the grantor's
  ["myConsents",                               "REQUESTED",       "REQUESTED",     "REQUESTED",    "–",                  "–",               "–"],
  // the CPR number of the consent's subject: their own, the child's, the grantor's
  ["citizen(cpr)",                             ole,               "–",             "–",            ole,                  ole,               "–"],
  ["citizenById",                              ole,               emil,            ole,            ole,                  ole,               "–"],
  ["a Citizen through _entities",              ole,               emil,            ole,            ole,                  ole,               "–"],
  ["custody and power-of-attorney fields",     sofie,             "–",             "–",            sofie,                sofie,             "–"],
  ["consent(id), history, files, integrity",   "ACTIVE",          "ACTIVE",        "ACTIVE",       own("ACTIVE"),        own("ACTIVE"),     "–"],
  ["consents(filter)",                         "–",               "–",             "–",            own("REQUESTED"),     own("REQUESTED"),  "–"],
  ["Authority.consents",                       "–",               "–",             "–",            own("REQUESTED"),     own("REQUESTED"),  "–"],
  ["consentCheck",                             "–",               "–",             "–",            own("VALID"),         own("VALID"),      "–"],
  ["requestConsent",                           "–",               "–",             "–",            own("REQUESTED"),     own("REQUESTED"),  "–"],
  ["closeCase",                                "–",               "–",             "–",            own("CLOSED"),        own("CLOSED"),     "–"],
  ["markConsentUsed",                          "–",               "–",             "–",            own("USED"),          own("USED"),       "–"],
  ["registerConsent",                          "–",               "–",             "–",            own("ACTIVE"),        "–",               "–"],
  ["uploadPaperConsent",                       "–",               "–",             "–",            own("ACTIVE"),        "–",               "–"],
  ["cancelConsentRequest",                     "–",               "–",             "–",            own("CANCELLED"),     "–",               "–"],
  ["requestReconsent",                         "–",               "–",             "–",            own(1),               "–",               "–"],
  ["deliverConsent",                           "–",               "–",             "–",            "–",                  own("ACTIVE"),     "–"],
  // the first of two custody holders to sign leaves it REQUESTED for the other
  ["giveConsent",                              "ACTIVE",          "REQUESTED",     "ACTIVE",       "–",                  "–",               "–"],
  ["declineConsent",                           "DECLINED",        "DECLINED",      "DECLINED",     "–",                  "–",               "–"],
  ["withdrawConsent",                          "WITHDRAWN",       "WITHDRAWN",     "WITHDRAWN",    own("WITHDRAWN"),     "–",               "–"],
  ["pauseConsent",                             "PAUSED",          "PAUSED",        "PAUSED",       own("PAUSED"),        "–",               "–"],
  ["resumeConsent",                            "ACTIVE",          "ACTIVE",        "ACTIVE",       own("ACTIVE"),        "–",               "–"],
  ["consentStatusChanged",                     "REQUESTED",       "REQUESTED",     "REQUESTED",    own("REQUESTED"),     own("REQUESTED"),  "–"],
  // letters go to those who answer: the subject or the custody holders, never the attorney; someone else's letter is not found
  ["myMailbox",                                "REQUEST",         "REQUEST",       "not listed",   "–",                  "–",               "–"],
  ["markLetterRead",                           "read",            "read",          "NOT_FOUND",    "–",                  "–",               "–"],
  // after a withdrawal: only the authority's case systems (and the third party's systems) confirm they stopped
  ["confirmConsentStopped",                    "–",               "–",             "–",            "–",                  own("API"),        "–"],
  // not in the README's table: who else used the citizen's and their children's consents
  ["myConsentAccessLog",                       "request",         "request",       "not listed",   "–",                  "–",               "–"],
];

interface Case { op: string; who: string; as: Who; place: Place; expected: unknown }
const CASES: Case[] = TABLE.flatMap(([op, ...cells]) =>
  cells.flatMap((cell, column) => {
    const { who, as, place: columnPlace, other } = COLUMNS[column]!;
    const place = columnPlace === "seafarer" ? (OPS[op]!.place ?? columnPlace) : columnPlace;
    if (cell && typeof cell === "object") return [{ op, who, as, place, expected: (cell as { own: unknown }).own }, { op, ...other!, place, expected: OPS[op]!.otherAuthority ?? "FORBIDDEN" }];
    return [{ op, who, as, place, expected: cell === "–" ? (as === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN") : cell }];
  }),
);

// The conditions in the table's words, each with the caller it shuts out.
const READ = "consent(id), history, files, integrity";
const EXTRA: Case[] = [
  ...[READ, "giveConsent", "declineConsent", "withdrawConsent", "pauseConsent", "resumeConsent"].flatMap((op): Case[] => [
    { op, who: "a citizen related to no one involved", as: "lars", place: "seafarer", expected: "NOT_FOUND" },
    { op, who: "an attorney, towards an authority the power does not cover", as: "sofie", place: "oleAtOdense", expected: "NOT_FOUND" },
  ]),
  ...[READ, "withdrawConsent", "pauseConsent", "resumeConsent"].map((op): Case => ({ op, who: "a custody holder after the handover at 18", as: "karen", place: "handedOver", expected: "NOT_FOUND" })),
  ...["giveConsent", "declineConsent"].flatMap((op): Case[] => [
    { op, who: "the child, where the custody holders sign", as: "emil", place: "therapy", expected: "FORBIDDEN" },
    { op, who: "a custody holder, where the child signs", as: "karen", place: "emilSigns", expected: "FORBIDDEN" },
  ]),
  { op: "withdrawConsent without a reason", who: "the authority's caseworker", as: "skat", place: "seafarer", expected: "BAD_USER_INPUT" },
  { op: "pauseConsent without a reason", who: "the authority's caseworker", as: "skat", place: "seafarer", expected: "BAD_USER_INPUT" },
  { op: "citizen(cpr)", who: "a citizen, by someone else's CPR number", as: "lars", place: "seafarer", expected: "FORBIDDEN" },
  { op: "citizenById", who: "a citizen related to no one involved", as: "lars", place: "seafarer", expected: "FORBIDDEN" },
  { op: "a Citizen through _entities", who: "a citizen related to no one involved", as: "lars", place: "seafarer", expected: "FORBIDDEN" },
  { op: "myConsents", who: "a citizen related to no one involved", as: "lars", place: "seafarer", expected: "not listed" },
  { op: "consentStatusChanged", who: "a citizen related to no one involved", as: "lars", place: "seafarer", expected: "nothing heard" },
  { op: "consentStatusChanged", who: "an attorney, towards an authority the power does not cover", as: "sofie", place: "oleAtOdense", expected: "nothing heard" },
];

const title = ({ op, who, expected }: Case) => `${op}: ${who} ${REFUSALS.has(expected as string) ? `is refused (${expected})` : `→ ${expected}`}`;

describe("who may do what: every cell of the README's table", () => {
  // A loop rather than it.each: it.each cuts "$title" short at 40 characters.
  for (const cell of [...CASES, ...EXTRA]) it(title(cell), async () => {
    const { op, as, place, expected } = cell;
    const spec = OPS[op]!;
    const target = await make(place, spec.state);
    await spec.prepare?.(target);
    const before = await spec.after?.(target);
    const result = await spec.call(callers[as], target);
    if (REFUSALS.has(expected as string)) {
      expect(result.errors, "refused").toBeDefined();
      expect(result.errors!.map((error) => error.extensions?.code)).toEqual(result.errors!.map(() => expected));
      if (spec.after) expect(await spec.after(target)).toEqual(before);
    } else {
      expect(result.errors).toBeUndefined();
      expect(spec.shows(result.data, target)).toEqual(expected);
    }
  });
});
