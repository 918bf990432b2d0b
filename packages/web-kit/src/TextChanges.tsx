/** One text that changed between two versions, in one language. */
export interface TextChange {
  key: string;
  /** What the text is, as the reader's language names it (e.g. "Formål (dansk)"). */
  label: string;
  lang: "da" | "en";
  before: string;
  after: string;
}

/**
 * The texts that changed between two versions: the old text struck through, the new one inserted,
 * each marked for screen readers too ("Før" / "Efter"), since the strike-through alone is not read.
 */
export function TextChanges({ changes, beforeLabel, afterLabel }: { changes: readonly TextChange[]; beforeLabel: string; afterLabel: string }) {
  return (
    <dl>
      {changes.map((change) => (
        <div key={change.key} className="mb-4">
          <dt>{change.label}</dt>
          <dd className="m-0">
            <del lang={change.lang} className="d-block">
              <span className="sr-only">{beforeLabel}: </span>
              {change.before}
            </del>
            <ins lang={change.lang} className="d-block">
              <span className="sr-only">{afterLabel}: </span>
              {change.after}
            </ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}
