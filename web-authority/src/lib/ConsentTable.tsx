import { Link } from "react-router";
import { StatusBadge, type ConsentStatus } from "@samtykke/web-kit";
import type { AuthorityConsent } from "../features/consents/operations.js";
import { useLanguage } from "./i18n.js";
import { TableRegion } from "./TableRegion.js";

/** Where "valid until" still means something: a withdrawn or expired consent is valid no longer. */
const IN_FORCE = new Set<ConsentStatus>(["ACTIVE", "PAUSED"]);

/** The systems that have not yet confirmed they stopped using a withdrawn or expired consent. */
function UnconfirmedStops({ consent }: { consent: AuthorityConsent }) {
  const { t } = useLanguage();
  const waiting = consent.stopConfirmations.filter((stop) => !stop.confirmedAt);
  if (!consent.stopConfirmations.length) return null;
  return (
    <p className="form-hint m-0">
      {waiting.length ? `${t("stopNotConfirmed")}: ${waiting.map((stop) => stop.caseSystem?.name ?? stop.thirdParty?.name).join(", ")}` : t("stopAllConfirmed")}
    </p>
  );
}

/** A dkfds table of consents, each row a link to the consent's page; it scrolls in its own keyboard-reachable region when wider than the screen. */
export function ConsentTable({ consents, label }: { consents: AuthorityConsent[]; label: string }) {
  const { t, pick, date } = useLanguage();
  return (
    <TableRegion label={label}>
      <table className="table table--zebra">
        <thead>
          <tr>
            <th scope="col">{t("citizen")}</th>
            <th scope="col">{t("template")}</th>
            <th scope="col">{t("caseReference")}</th>
            <th scope="col">{t("requestedOn")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("validUntil")}</th>
          </tr>
        </thead>
        <tbody>
          {consents.map((consent) => (
            <tr key={consent.id}>
              <td>
                <Link to={`/samtykker/${consent.id}`}>{consent.subject.name}</Link> ({consent.subject.cprMasked})
              </td>
              <td>
                {pick(consent.title)} (v{consent.templateVersion})
              </td>
              <td>{consent.caseReference ?? "–"}</td>
              <td>{date(consent.requestedAt)}</td>
              <td>
                <StatusBadge status={consent.status} />
                <UnconfirmedStops consent={consent} />
              </td>
              <td>{consent.validTo && IN_FORCE.has(consent.status) ? date(consent.validTo) : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
