import { useContext, useState } from "react";
import { ConsentTexts, LanguageContext, type ConsentTextFields, type Language, type LocalizedText } from "@samtykke/web-kit";
import { useLanguage } from "./i18n.js";

export interface PreviewedTemplate extends ConsentTextFields {
  title: LocalizedText;
  choices: { key: string; group?: LocalizedText | null; label: LocalizedText }[];
}

/** Exactly what the citizen will be shown, in the language picked here (the citizen picks their own). */
export function TemplatePreview({ template }: { template: PreviewedTemplate }) {
  const { t } = useLanguage();
  const app = useContext(LanguageContext);
  const [shown, setShown] = useState<Language>("da");
  return (
    <section aria-labelledby="preview-title" className="mb-6">
      <h2 id="preview-title" className="h3">
        {t("previewTitle")}
      </h2>
      <p>
        {t("previewIn")}:{" "}
        {(["da", "en"] as const).map((language) => (
          <button key={language} type="button" className="function-link mr-4" aria-pressed={shown === language} onClick={() => setShown(language)}>
            {language === "da" ? "Dansk" : "English"}
          </button>
        ))}
      </p>
      {/* The preview speaks the language chosen for it, the rest of the page the caseworker's own. */}
      <div lang={shown} className="p-4" style={{ border: "1px solid #bfbfbf" }}>
        <LanguageContext.Provider value={{ ...app, language: shown }}>
          <h3>{template.title[shown]}</h3>
          <ConsentTexts consent={template} />
          {template.choices.length > 0 && (
            <>
              <h3 className="h4">{t("choicesTitle")}</h3>
              <ul>
                {template.choices.map((choice) => (
                  <li key={choice.key}>
                    {choice.group ? `${choice.group[shown]}: ` : ""}
                    {choice.label[shown]}
                  </li>
                ))}
              </ul>
            </>
          )}
        </LanguageContext.Provider>
      </div>
    </section>
  );
}
