import type { ReactNode } from "react";

/**
 * The box of a wide table: on a phone the table scrolls sideways inside it instead of widening the whole page;
 * from `sm` up it is plain flow, so the table's sticky header keeps sticking to the page (a scroll box would
 * capture it). Relative, so the visually hidden labels in its cells (absolute) are clipped by the box too.
 */
export function TableScroll({ children }: { children: ReactNode }) {
  return <div className="max-sm:relative max-sm:overflow-x-auto">{children}</div>;
}
