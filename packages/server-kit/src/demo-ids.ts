/**
 * Fixed identifiers of the demo data, so that each subgraph can seed its own part of the demo and
 * the parts still refer to one another (a template's authority, a consent's citizen).
 */
export const DEMO = {
  authorities: {
    odense: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000001",
    skattestyrelsen: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000002",
    koebenhavn: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000003",
  },
  caseworkers: {
    odense: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000101",
    skattestyrelsen: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000102",
  },
  caseSystems: {
    odense: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000301",
    skattestyrelsen: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000302",
  },
  thirdParties: {
    shippingCompany: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000401",
  },
  /** A third party's own system, signed in with client credentials of its organisation. */
  thirdPartySystems: {
    shippingCompany: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000402",
  },
  templates: {
    dataSharing: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000201",
    childTherapy: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000202",
    seafarerTax: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000203",
  },
  /** Who works where, for the seed and the development login's list of people to sign in as. */
  staff: [
    { caseworker: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000101", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000001", name: "Mette Sagsbehandler" },
    { caseworker: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000102", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000002", name: "Jonas Skattemedarbejder" },
  ],
  /** The case systems' OAuth2 clients: client id = case system id; the development login's secret for all of them. */
  caseSystemClients: [
    { caseSystem: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000301", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000001" },
    { caseSystem: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000302", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000002" },
  ],
  /** Third parties' systems as OAuth2 clients (same secret): they act for their organisation, not an authority. */
  thirdPartyClients: [{ system: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000402", organisation: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000401" }],
  caseSystemSecret: "demo-secret",
  /** Fictitious people of the person-register stand-in, as they are on the day asked; no real person has these numbers. */
  get citizens(): DemoCitizen[] {
    return demoCitizens(new Date());
  },
  /** Custody in the person-register stand-in: child CPR -> holders' CPR. */
  get custody(): { child: string; holders: string[] }[] {
    const [karen, lars, , emil, , freja] = this.citizens.map((citizen) => citizen.cpr);
    return [
      { child: emil!, holders: [lars!, karen!] },
      { child: freja!, holders: [karen!] },
    ];
  },
  /** Ole the seafarer lets Sofie act for him towards the tax agency. */
  powersOfAttorney: [{ grantor: "1710681239", attorney: "2508920147", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000002", days: 365 }],
} as const;

/** What a demo person is for: an adult, a child under 15 in custody, or a young person of 15-17 in custody. */
export type DemoRole = "ADULT" | "CHILD" | "YOUNG";

export interface DemoCitizen {
  cpr: string;
  name: string;
  role: DemoRole;
}

/**
 * The demo people on a given day. No demo person's role may change under a running test suite or
 * a demo: the adults and the child are born far from every age boundary (Emil turns 15 in 2036),
 * and the young person, whose role lasts only three years, is 16 all through the year it is asked
 * in (born on 1 January sixteen years before), so a demo loaded on any day has her at 15-17 for at
 * least a year. Age boundaries themselves are tested with made-up people and a moved clock.
 */
export function demoCitizens(today: Date): DemoCitizen[] {
  const youngBirthYear = today.getUTCFullYear() - 16;
  return [
    { cpr: "0101804321", name: "Karen Jensen", role: "ADULT" },
    { cpr: "1203755678", name: "Lars Nielsen", role: "ADULT" },
    { cpr: "2508920147", name: "Sofie Hansen", role: "ADULT" },
    { cpr: "0304214912", name: "Emil Nielsen", role: "CHILD" },
    { cpr: "1710681239", name: "Ole Sømand Pedersen", role: "ADULT" },
    { cpr: cprBornOn(new Date(Date.UTC(youngBirthYear, 0, 1)), "567"), name: "Freja Jensen", role: "YOUNG" },
  ];
}

/**
 * A CPR number (ten digits) for someone born on `birthDate` (UTC) with the given last three
 * digits; the 7th digit puts the year in its century as the CPR office's table does.
 */
export function cprBornOn(birthDate: Date, lastThree: string): string {
  const year = birthDate.getUTCFullYear();
  const centuryDigit = year >= 1900 && year <= 1999 ? "0" : year >= 2000 && year <= 2057 ? "5" : undefined;
  if (!centuryDigit || !/^\d{3}$/.test(lastThree)) throw new Error(`No CPR number for ${birthDate.toISOString()} / ${lastThree}`);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(birthDate.getUTCDate())}${two(birthDate.getUTCMonth() + 1)}${two(year % 100)}${centuryDigit}${lastThree}`;
}
