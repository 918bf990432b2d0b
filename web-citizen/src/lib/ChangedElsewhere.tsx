import { useEffect, useRef, useState } from "react";
import { useLanguage } from "./i18n.js";
import { Alert, type ConsentStatus } from "@samtykke/web-kit";

/**
 * Notices when the consent a page shows changes status by someone else's hand while the citizen
 * looks at it (a caseworker withdraws it, the other parent signs, it expires). The page calls
 * `expectOwnChange` before its own mutation, so the citizen's own actions are not reported back.
 */
export function useChangedElsewhere(status: string): { changedTo: string | undefined; expectOwnChange: () => () => void } {
  const own = useRef(false);
  const shown = useRef(status);
  const [changedTo, setChangedTo] = useState<string>();
  useEffect(() => {
    if (status === shown.current) return;
    shown.current = status;
    if (own.current) {
      own.current = false;
      setChangedTo(undefined);
    } else setChangedTo(status);
  }, [status]);
  // Answers how to take the expectation back, for a mutation that failed and changed nothing.
  const expectOwnChange = () => {
    own.current = true;
    return () => void (own.current = false);
  };
  return { changedTo, expectOwnChange };
}

/** The notice itself: what the consent's status is now. Screen readers hear it from the app's live announcement already. */
export function ChangedElsewhere({ status }: { status: string | undefined }) {
  const { t, status: statusText } = useLanguage();
  if (!status) return null;
  return (
    <Alert kind="info">
      <p className="alert-text">{t("changedElsewhere").replace("{status}", statusText(status as ConsentStatus))}</p>
    </Alert>
  );
}
