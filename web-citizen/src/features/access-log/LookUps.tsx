import { useQuery } from "@apollo/client/react";
import { ErrorAlert } from "@samtykke/web-kit";
import { graphql } from "../../gql/index.js";
import { useLanguage } from "../../lib/i18n.js";

/** When an authority looked the citizen (or a child in their custody) up in the person register, and what it read. */
export const MY_LOOK_UPS = graphql(`
  query MyLookUps($first: Int!) {
    myLookUps(first: $first) {
      id occurredAt actorKind fields authority { id name } citizen { id name }
    }
    me { id }
  }
`);

// What a look-up read, in words; any other field is shown as it is named.
const FIELDS = ["name", "cprMasked", "custodyHolders", "children", "attorneys", "powersOfAttorney"] as const;

/** The newest look-ups, on the page that tells the citizen who used their data. */
export function LookUps() {
  const { t, dateTime } = useLanguage();
  const { data, error } = useQuery(MY_LOOK_UPS, { variables: { first: 20 }, fetchPolicy: "network-only" });
  const field = (name: string) => (FIELDS.includes(name as (typeof FIELDS)[number]) ? t(`lookUpField_${name as (typeof FIELDS)[number]}`) : name);
  return (
    <section aria-labelledby="look-ups-heading" className="mt-7">
      <h2 id="look-ups-heading">{t("lookUpsTitle")}</h2>
      <p>{t("lookUpsHelp")}</p>
      {error && <ErrorAlert error={error} />}
      {data && data.myLookUps.length === 0 && <p>{t("lookUpsNone")}</p>}
      {data && data.myLookUps.length > 0 && (
        <ul className="bordered-list" aria-label={t("lookUpsTitle")}>
          {data.myLookUps.map((entry) => (
            <li key={entry.id}>
              <strong>
                {entry.authority.name}
                {entry.actorKind === "CASE_SYSTEM" && ` (${t("accessSystem")})`}
              </strong>{" "}
              {entry.citizen.id === data.me?.id ? t("lookedUpYou") : t("lookedUpChild").replace("{name}", entry.citizen.name)}: {entry.fields.map(field).join(", ")}
              <br />
              <span className="form-hint">{dateTime(entry.occurredAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
