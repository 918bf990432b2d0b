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
  /** Fictitious people of the person-register stand-in; no real person has these numbers. */
  citizens: [
    { cpr: "0101804321", name: "Karen Jensen" },
    { cpr: "1203755678", name: "Lars Nielsen" },
    { cpr: "2508920147", name: "Sofie Hansen" },
    { cpr: "0304154912", name: "Emil Nielsen" },
    { cpr: "1710681239", name: "Ole Sømand Pedersen" },
    { cpr: "0112084567", name: "Freja Jensen" },
  ],
  /** Custody in the person-register stand-in: child CPR -> holders' CPR. */
  custody: [
    { child: "0304154912", holders: ["1203755678", "0101804321"] },
    { child: "0112084567", holders: ["0101804321"] },
  ],
  /** Ole the seafarer lets Sofie act for him towards the tax agency. */
  powersOfAttorney: [{ grantor: "1710681239", attorney: "2508920147", authority: "6a1f3c55-0a55-4d0e-9a8e-0d0e5e000002", days: 365 }],
} as const;
