import { AssuranceLevel, DEMO } from "@samtykke/server-kit";

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);

const LEVEL_LABELS: Record<AssuranceLevel, string> = {
  LOW: "Lav / Low",
  SUBSTANTIAL: "Betydelig / Substantial",
  HIGH: "Høj / High",
};

// The OAuth parameters travel through the form so the POST can finish the same request.
const PASSED_ON = ["client_id", "redirect_uri", "response_type", "state", "code_challenge", "code_challenge_method", "acr_values", "purpose", "login_hint"];

/** The test login page: looks and flows like a MitID login, and says plainly that it is not one. */
export function renderLoginPage(options: {
  role: "citizen" | "caseworker";
  params: URLSearchParams;
  level: AssuranceLevel;
  error: string | null;
  /** When signing: the signed-in citizen's CPR number; the page then only confirms. */
  signer?: string | null;
}): string {
  const { role, params, level, error, signer } = options;
  const people =
    role === "citizen"
      ? DEMO.citizens.map(({ cpr, name }) => ({ value: cpr, label: `${name} (${cpr.slice(0, 6)}-${cpr.slice(6)})` }))
      : DEMO.staff.map(({ caseworker, name, authority }) => ({
          value: caseworker,
          label: `${name}, ${authority === DEMO.authorities.odense ? "Odense Kommune" : "Skattestyrelsen"}`,
        }));
  const radios = people
    .map(
      (person, index) =>
        `<li><input type="radio" name="person" id="person-${index}" value="${escape(person.value)}"${index === 0 ? " checked" : ""}><label for="person-${index}">${escape(person.label)}</label></li>`,
    )
    .join("");
  const other =
    role === "citizen"
      ? `<li><input type="radio" name="person" id="person-other" value="other"><label for="person-other">En anden borger / Another citizen</label>
         <label for="cpr" class="hint">CPR-nummer (10 cifre) / CPR number</label><input id="cpr" name="cpr" inputmode="numeric" autocomplete="off" maxlength="11"></li>`
      : "";
  const levels = Object.values(AssuranceLevel)
    .map((value) => `<option value="${value}"${value === level ? " selected" : ""}>${LEVEL_LABELS[value]}</option>`)
    .join("");
  const hidden = PASSED_ON.filter((name) => params.get(name) !== null)
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name)!)}">`)
    .join("");
  const title = signer ? "Underskriv med MitID" : role === "citizen" ? "Log ind som borger" : "Log ind som sagsbehandler";
  const signerName = signer && (DEMO.citizens.find((citizen) => citizen.cpr === signer)?.name ?? `${signer.slice(0, 6)}-xxxx`);
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – TESTLOGIN</title>
<style>
  body { font-family: "IBM Plex Sans", Arial, sans-serif; background: #f5f5f5; color: #1a1a1a; margin: 0; }
  .banner { background: #b51d09; color: #fff; padding: .75rem 1rem; font-weight: 600; text-align: center; }
  main { max-width: 32rem; margin: 2rem auto; background: #fff; border-top: 6px solid #0060e6; padding: 1.5rem 2rem; box-shadow: 0 1px 4px rgba(0,0,0,.2); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  ul { list-style: none; padding: 0; }
  li { margin: .5rem 0; }
  label { margin-left: .5rem; }
  .hint { display: block; margin: .5rem 0 .25rem 1.75rem; }
  #cpr { margin-left: 1.75rem; padding: .4rem; font-size: 1rem; border: 1px solid #747474; }
  select { padding: .4rem; font-size: 1rem; }
  button { background: #0060e6; color: #fff; border: 0; padding: .75rem 1.5rem; font-size: 1rem; font-weight: 600; margin-top: 1rem; cursor: pointer; }
  button:focus, input:focus, select:focus { outline: 3px solid #ffbc2b; outline-offset: 2px; }
  .error { color: #b51d09; font-weight: 600; }
</style>
</head>
<body>
<div class="banner" role="note">TESTLOGIN – dette er ikke MitID. Kun til udvikling og test. / Test login – not MitID.</div>
<main>
<h1>${title}</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
<form method="post" action="/authorize">
${hidden}
${
  signer
    ? `<p>Du underskriver som <strong>${escape(signerName!)}</strong>. Din underskrift gælder det samtykke, du lige har udfyldt. / You sign as ${escape(signerName!)}, for the consent you have just filled in.</p>`
    : `<fieldset style="border:0;padding:0">
<legend>Vælg hvem du vil logge ind som / Choose who to sign in as</legend>
<ul>${radios}${other}</ul>
</fieldset>`
}
<label for="level" style="margin-left:0">Sikringsniveau (NSIS) / Assurance level</label><br>
<select id="level" name="level">${levels}</select><br>
<button type="submit">${signer ? "Underskriv / Sign" : "Log ind / Sign in"}</button>
</form>
</main>
</body>
</html>`;
}
