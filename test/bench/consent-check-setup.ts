import pg from "pg";
import { cprBornOn, DEMO } from "@samtykke/server-kit";
import { demoAnswers } from "@samtykke/template";
import type { Platform } from "@samtykke/platform";
import { gatewayCall, type Row } from "./bench-platform.js";

/** The case reference of the consents a bench adds in bulk around the checked ones. */
export const FILLER = "bench-filler";

/** The template the checks ask about: Skattestyrelsen's, delivered by its case system. */
export const CHECK_TEMPLATE_KEY = "soefarende-skattedata-tredjepart";

/**
 * Skattestyrelsen's case system with a delivered consent for each of `citizens` different citizens,
 * and the request bodies that check each of them in turn (distinct inputs: the gateway merges
 * identical requests in flight).
 */
export async function checkedCitizens(platform: Platform, citizens: number): Promise<{ system: string; bodies: string[] }> {
  const system = await platform.devLogin!.issue({ role: "system", caseSystemId: DEMO.caseSystems.skattestyrelsen, authorityId: DEMO.authorities.skattestyrelsen });
  const cprs = Array.from({ length: citizens }, (_, i) => cprBornOn(new Date(Date.UTC(1970, 0, 1 + i * 3)), String(100 + i)));
  for (const cpr of cprs) {
    await gatewayCall(platform, system, `mutation($input: DeliverConsentInput!) { deliverConsent(input: $input) { id } }`, {
      input: { templateId: DEMO.templates.seafarerTax, cpr, answers: demoAnswers(DEMO.templates.seafarerTax), givenAt: new Date(Date.now() - 60_000).toISOString(), evidenceReference: "bench" },
    });
  }
  const check = `query($cpr: String!) { consentCheck(cpr: $cpr, templateKey: "${CHECK_TEMPLATE_KEY}") { valid reason } }`;
  const answer = await gatewayCall(platform, system, check, { cpr: cprs[0] });
  if (!answer.consentCheck.valid) throw new Error(`the bench's consents are not valid: ${JSON.stringify(answer)}`);
  return { system, bodies: cprs.map((cpr) => JSON.stringify({ query: check, variables: { cpr } })) };
}

/** The same look-up the subgraph makes for the checked citizens, as one prepared statement on a pool of `connections`, for `seconds`. */
export async function checkFloor(databaseUrl: string, connections: number, seconds: number): Promise<Row> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  try {
    const subjects = (await pool.query<{ subject_id: string; authority_id: string }>(`select subject_id, authority_id from consent where template_key = $1 and case_reference is distinct from '${FILLER}'`, [CHECK_TEMPLATE_KEY])).rows;
    const latencies: number[] = [];
    const until = performance.now() + seconds * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < until) {
          const subject = subjects[next++ % subjects.length]!;
          const started = performance.now();
          await pool.query({
            name: "consent-check",
            text: "select * from consent where subject_id = $1 and template_key = $2 and authority_id = $3 order by requested_at desc limit 100",
            values: [subject.subject_id, CHECK_TEMPLATE_KEY, subject.authority_id],
          });
          latencies.push(performance.now() - started);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    return { layer: "floor: one prepared pg query", connections, requestsPerSecond: latencies.length / seconds, p50: latencies[Math.floor(latencies.length / 2)]!, p99: latencies[Math.floor(latencies.length * 0.99)]!, errors: 0 };
  } finally {
    await pool.end();
  }
}
