import sprite from "dkfds-icons";

/** A dkfds icon, decorative: the text next to it says what it means. */
export function Icon({ name, className = "" }: { name: string; className?: string }) {
  return (
    <svg className={`icon-svg ${className}`} focusable="false" aria-hidden="true">
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
