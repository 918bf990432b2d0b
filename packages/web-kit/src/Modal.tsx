import { useEffect, useId, useRef, type ReactNode } from "react";
import { createPortal } from "react-dom";
import { Icon } from "./Icon.js";
import { useSharedLanguage } from "./i18n.js";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A dkfds modal dialog: the page behind is inert, Tab and Shift+Tab stay inside, Escape closes it,
 * and focus goes back to whatever opened it. It opens on its heading, so what it says is read first.
 */
export function Modal({ title, onClose, children, footer }: { title: string; onClose: () => void; children: ReactNode; footer: ReactNode }) {
  const { shared: t } = useSharedLanguage();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = document.getElementById("root");
    root?.setAttribute("inert", "");
    document.body.classList.add("modal-open");
    heading.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.preventDefault();
        close.current();
        return;
      }
      if (event.key !== "Tab" || !dialog.current) return;
      const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (!first || !last) return;
      const inside = dialog.current.contains(document.activeElement);
      if (event.shiftKey && (document.activeElement === first || document.activeElement === heading.current || !inside)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (document.activeElement === last || !inside)) {
        event.preventDefault();
        first.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
      root?.removeAttribute("inert");
      document.body.classList.remove("modal-open");
      // Back to what opened it, if it is still there; the caller moves focus otherwise.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return createPortal(
    <>
      <div className="fds-modal" role="dialog" aria-modal="true" aria-labelledby={titleId} aria-hidden="false" ref={dialog}>
        <div className="modal-content">
          <div className="modal-header">
            <h2 className="modal-title" id={titleId} tabIndex={-1} ref={heading}>
              {title}
            </h2>
            <button type="button" className="modal-close function-link" onClick={onClose}>
              <Icon name="close" />
              {t("closeDialog")}
            </button>
          </div>
          <div className="modal-body">{children}</div>
          <div className="modal-footer">{footer}</div>
        </div>
      </div>
      <div className="modal-backdrop show" />
    </>,
    document.body,
  );
}

/** A modal that asks before an answer that cannot be taken back: what it means first, then confirm or cancel. */
export function ConfirmModal({ title, confirmLabel, busy = false, onConfirm, onClose, children }: { title: string; confirmLabel: string; busy?: boolean; onConfirm: () => void; onClose: () => void; children: ReactNode }) {
  const { shared: t } = useSharedLanguage();
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button
            type="button"
            className="button button-primary"
            disabled={busy}
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            {t("cancel")}
          </button>
        </>
      }
    >
      {children}
    </Modal>
  );
}
