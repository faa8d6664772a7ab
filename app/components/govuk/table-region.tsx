// A wide table in a region of its own that scrolls sideways on a narrow screen, so the table moves
// and the page around it still reflows (WCAG 2.2, 1.4.10). The region can take focus, so a keyboard
// can scroll it too, and is named for screen readers.
import type { ReactNode } from "react";

export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="app-table-region" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}
