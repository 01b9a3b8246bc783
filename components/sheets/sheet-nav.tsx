import Link from "next/link";
import type { ReactNode } from "react";
import type { SheetNav as SheetNavData, SheetTabKey } from "@/lib/sheets/sheet-nav";

/**
 * The one header of every sheet page: where the sheet belongs, its name, and a tab for each page of it
 * the viewer may open (docs/ux.md). `actions` sit at the right of the tabs (export, print, edit).
 */
export function SheetNav({ nav, current, actions }: { nav: SheetNavData; current: SheetTabKey | null; actions?: ReactNode }) {
  return (
    <header className="no-print space-y-2 border-b border-line pb-0">
      <p className="text-sm">
        <Link href={`/sheets?year=${nav.year}`} className="text-brand hover:underline">
          {nav.year}年度绩效目标表
        </Link>
        <span className="text-muted"> › {nav.unit}</span>
      </p>
      <p className="text-base font-semibold">{nav.name}</p>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <nav aria-label="本表页面">
          <ul className="-mb-px flex flex-wrap">
            {nav.tabs.map((tab) => (
              <li key={tab.key}>
                <Link
                  href={tab.href}
                  aria-current={tab.key === current ? "page" : undefined}
                  className="flex min-h-[40px] items-center border-b-2 border-transparent px-3 text-brand hover:border-line aria-[current=page]:border-brand aria-[current=page]:font-semibold aria-[current=page]:text-ink"
                >
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        {actions ? <div className="flex flex-wrap items-center gap-2 pb-1">{actions}</div> : null}
      </div>
    </header>
  );
}
