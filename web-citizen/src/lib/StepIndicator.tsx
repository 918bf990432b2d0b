import { useLanguage } from "./i18n.js";

/** The dkfds step indicator: where the citizen is in answering a request, and how many steps there are. */
export function StepIndicator({ steps, current }: { steps: string[]; current: number }) {
  const { t } = useLanguage();
  return (
    <nav aria-label={t("stepsLabel")} className="mb-6">
      <p className="step-subheading mb-3">
        {t("stepOf").replace("{n}", String(current + 1)).replace("{total}", String(steps.length))}
        <span className="d-lg-none">: {steps[current]}</span>
      </p>
      {/* On a narrow screen the line above says where the citizen is; the whole list takes the side column on a wide one. */}
      <ol className="step-indicator d-none d-lg-block">
        {steps.map((label, index) => (
          <li key={label} className={index === current ? "current" : index > current ? "disabled" : ""}>
            <div className="step" aria-current={index === current ? "step" : undefined}>
              <span className="step-number">
                <span>{index + 1}</span>
              </span>
              <div>
                <span className="step-title">{label}</span>
                {index < current && <span className="sr-only"> ({t("stepDone")})</span>}
                {index === current && <span className="sr-only"> ({t("stepCurrent")})</span>}
              </div>
            </div>
          </li>
        ))}
      </ol>
    </nav>
  );
}
