import { useLazyQuery } from "@apollo/client/react";
import { useEffect } from "react";
import { useNavigate } from "react-router";
import { CITIZEN_BY_CPR } from "../features/consents/operations.js";

const STORAGE_KEY = "samtykke.authority.openCitizen";

/**
 * A case system opens the app on one citizen with `#cpr=DDMMYYXXXX`. A fragment is never sent to a
 * server, and it is read once and dropped from the address before anything else runs, so the CPR
 * number reaches no log, no history entry and no login redirect. It waits in this tab's session
 * storage until the caseworker is signed in.
 */
export function takeCitizenFromLink(): void {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const cpr = fragment.get("cpr");
  if (cpr === null) return;
  history.replaceState(history.state, "", window.location.pathname + window.location.search);
  try {
    sessionStorage.setItem(STORAGE_KEY, cpr);
  } catch {
    // Without storage the link opens the app, not the citizen.
  }
}

/** Signed in: the citizen a link named is looked up and their consents shown, by platform id only. */
export function OpenCitizenFromLink() {
  const navigate = useNavigate();
  const [lookUp] = useLazyQuery(CITIZEN_BY_CPR, { fetchPolicy: "network-only" });
  useEffect(() => {
    let cpr: string | null = null;
    try {
      cpr = sessionStorage.getItem(STORAGE_KEY);
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      return;
    }
    if (!cpr) return;
    lookUp({ variables: { cpr } }).then(
      ({ data }) => navigate(data ? `/samtykker?borger=${data.citizen.id}` : "/samtykker", { state: data ? undefined : { citizenNotFound: true } }),
      () => navigate("/samtykker", { state: { citizenNotFound: true } }),
    );
  }, [lookUp, navigate]);
  return null;
}
