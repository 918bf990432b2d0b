import type { ReactNode } from "react";

/**
 * A table wider than the screen scrolls in its own region, which the keyboard reaches with Tab and
 * scrolls with the arrow keys; the page itself never scrolls sideways (axe: scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
