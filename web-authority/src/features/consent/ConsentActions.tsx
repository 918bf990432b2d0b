import { useMutation } from "@apollo/client/react";
import { useRef, useState } from "react";
import { Alert, ConfirmModal, ErrorAlert, Modal } from "@samtykke/web-kit";
import { useAuthorityLive } from "../../app/live.js";
import { useLanguage } from "../../lib/i18n.js";
import { CANCEL_REQUEST, CLOSE_CASE, COMPLETE_FOLLOW_UP, MARK_USED, PAUSE, REMIND, RESUME, WITHDRAW, type ConsentDetail } from "../consents/operations.js";

type Action = "withdraw" | "pause" | "resume" | "markUsed" | "remind" | "followUpDone" | "cancel" | "closeCase";
/**
 * What the authority writes down as it acts: how the citizen asked for it (withdraw, pause,
 * resume), or what the caseworker did to follow up a request.
 */
type Written = "withdraw" | "pause" | "resume" | "followUpDone";
const WRITTEN: readonly Action[] = ["withdraw", "pause", "resume", "followUpDone"];
const written = (action: Action | undefined): action is Written => WRITTEN.includes(action as Action);

/** What a caseworker may do to a consent in each status; the API decides again, this only offers. */
export function actionsFor(consent: Pick<ConsentDetail, "status" | "singleUse" | "caseReference" | "followUp">): Action[] {
  const closeCase: Action[] = consent.caseReference ? ["closeCase"] : [];
  switch (consent.status) {
    case "REQUESTED":
      return [...(consent.followUp.taskOpen ? (["followUpDone"] as Action[]) : []), "remind", "cancel", ...closeCase];
    case "ACTIVE":
      return ["withdraw", "pause", ...(consent.singleUse ? (["markUsed"] as Action[]) : []), ...closeCase];
    case "PAUSED":
      return ["resume", "withdraw", ...closeCase];
    default:
      return [];
  }
}

/** The actions the consent's status allows, each behind a dialog that says what it will do. */
export function ConsentActions({ consent, onDone }: { consent: ConsentDetail; onDone: () => void }) {
  const { t, shared } = useLanguage();
  const { authorityId } = useAuthorityLive();
  const [open, setOpen] = useState<Action>();
  const [done, setDone] = useState<Action>();
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const doneMessage = useRef<HTMLParagraphElement>(null);
  const [withdraw, withdrawing] = useMutation(WITHDRAW);
  const [pause, pausing] = useMutation(PAUSE);
  const [resume, resuming] = useMutation(RESUME);
  const [markUsed, marking] = useMutation(MARK_USED);
  const [cancel, cancelling] = useMutation(CANCEL_REQUEST);
  const [remind, reminding] = useMutation(REMIND);
  const [closeCase, closing] = useMutation(CLOSE_CASE);
  const [completeFollowUp, completing] = useMutation(COMPLETE_FOLLOW_UP);
  const states = [withdrawing, pausing, resuming, marking, cancelling, closing, reminding, completing];
  const busy = states.some((state) => state.loading);
  const error = states.find((state) => state.error)?.error;
  const ref = consent.caseReference ?? "";

  const run = async (action: Action) => {
    states.forEach((state) => state.reset());
    setDone(undefined);
    const variables = { id: consent.id };
    try {
      if (action === "withdraw") await withdraw({ variables: { ...variables, reason: reason.trim() } });
      if (action === "pause") await pause({ variables: { ...variables, reason: reason.trim() } });
      if (action === "resume") await resume({ variables: { ...variables, reason: reason.trim() } });
      if (action === "markUsed") await markUsed({ variables });
      if (action === "cancel") await cancel({ variables });
      if (action === "remind") await remind({ variables });
      if (action === "followUpDone") await completeFollowUp({ variables: { ...variables, note: reason.trim() } });
      if (action === "closeCase") await closeCase({ variables: { caseReference: ref, authorityId } });
      setDone(action);
      setReason("");
      onDone();
      // The buttons change with the status: focus goes to what happened, not to the top of the page.
      setTimeout(() => doneMessage.current?.focus(), 0);
    } catch {
      // Shown from `error`.
    }
  };

  const labels: Record<Action, string> = {
    withdraw: t("withdrawOnBehalf"),
    pause: t("pause"),
    resume: t("resume"),
    markUsed: t("markUsed"),
    remind: t("remind"),
    followUpDone: t("followUpDone"),
    cancel: t("cancelRequest"),
    closeCase: t("closeCase").replace("{ref}", ref),
  };
  const dialogs: Record<Action, { title: string; consequence: string }> = {
    withdraw: { title: t("withdrawTitle"), consequence: t("withdrawConsequence") },
    pause: { title: t("pauseTitle"), consequence: t("pauseConsequence") },
    resume: { title: t("resumeTitle"), consequence: t("resumeConsequence") },
    markUsed: { title: t("markUsedTitle"), consequence: t("markUsedConsequence") },
    remind: { title: t("remindTitle"), consequence: t("remindConsequence") },
    followUpDone: { title: t("followUpDoneTitle"), consequence: t("followUpDoneConsequence") },
    cancel: { title: t("cancelTitle"), consequence: t("cancelConsequence") },
    closeCase: { title: t("closeCaseTitle").replace("{ref}", ref), consequence: t("closeCaseConsequence") },
  };
  const actions = actionsFor(consent);

  return (
    <section aria-labelledby="actions-title" className="mb-6">
      <h2 id="actions-title" className="h3">
        {t("actionsTitle")}
      </h2>
      {error && <ErrorAlert error={error} />}
      <div role="status" tabIndex={-1} ref={doneMessage}>
        {done && (
          <Alert kind="success">
            <p className="alert-text">{t(`done_${done}`)}</p>
          </Alert>
        )}
      </div>
      {actions.length === 0 ? (
        <p>{t("noActions")}</p>
      ) : (
        <div className="d-flex flex-wrap" style={{ gap: "0.75rem" }}>
          {actions.map((action) => (
            <button key={action} type="button" className={`button ${action === "withdraw" || action === "followUpDone" ? "button-primary" : "button-secondary"}`} disabled={busy} onClick={() => setOpen(action)}>
              {labels[action]}
            </button>
          ))}
        </div>
      )}
      {written(open) && (
        <Modal
          title={dialogs[open].title}
          onClose={() => {
            setOpen(undefined);
            setReasonMissing(false);
          }}
          footer={
            <>
              <button
                type="button"
                className="button button-primary"
                disabled={busy}
                onClick={() => {
                  if (!reason.trim()) {
                    setReasonMissing(true);
                    document.getElementById("withdraw-reason")?.focus();
                    return;
                  }
                  const action = open;
                  setOpen(undefined);
                  setReasonMissing(false);
                  void run(action);
                }}
              >
                {open === "withdraw" ? t("withdrawConfirm") : labels[open]}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setOpen(undefined)}>
                {shared("cancel")}
              </button>
            </>
          }
        >
          <p>{dialogs[open].consequence}</p>
          <div className={`form-group${reasonMissing ? " form-error" : ""}`}>
            <label className="form-label" htmlFor="withdraw-reason">
              {open === "followUpDone" ? t("noteLabel") : t("reasonLabel")}
            </label>
            {reasonMissing && (
              <span className="form-error-message" id="withdraw-reason-error">
                {open === "followUpDone" ? t("noteMissing") : t("reasonMissing")}
              </span>
            )}
            <textarea
              id="withdraw-reason"
              className="form-input"
              rows={3}
              maxLength={1000}
              value={reason}
              aria-invalid={reasonMissing}
              aria-describedby={reasonMissing ? "withdraw-reason-error" : undefined}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </Modal>
      )}
      {open && !written(open) && (
        <ConfirmModal title={dialogs[open].title} confirmLabel={labels[open]} busy={busy} onClose={() => setOpen(undefined)} onConfirm={() => void run(open)}>
          <p>{dialogs[open].consequence}</p>
        </ConfirmModal>
      )}
    </section>
  );
}
