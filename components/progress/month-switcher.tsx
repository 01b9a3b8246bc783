import Link from "next/link";
import type { MonthSummaryView } from "@/lib/progress/progress-view";
import { LIGHT_SHORT } from "@/lib/figures/labels";
import { LIGHT_STYLE } from "./light-badge";

const STATUS_STYLE: Record<MonthSummaryView["status"], string> = {
  DRAFT: "text-muted",
  SUBMITTED: "text-brand",
  APPROVED: "text-green-800",
  RETURNED: "text-red-800",
};

/** 2025年1月 … 12月, each with its status and light; the current one marked. */
export function MonthSwitcher({ sheetId, months, current }: { sheetId: number; months: MonthSummaryView[]; current: number }) {
  return (
    <nav aria-label="月份" className="no-print">
      <ol className="grid grid-cols-6 gap-1 lg:grid-cols-12">
        {months.map((m) => {
          const active = m.month === current;
          return (
            <li key={m.month}>
              <Link
                href={`/sheets/${sheetId}/progress?month=${m.month}`}
                aria-current={active ? "page" : undefined}
                className={`block rounded border px-1.5 py-1 text-center leading-tight ${
                  active ? "border-brand bg-brand/5 ring-1 ring-brand" : "border-line bg-white hover:border-brand"
                } ${m.future ? "opacity-60" : ""}`}
              >
                {/* Phones show 5月 (the year is in the page title); the accessible name keeps 2025年5月. */}
                <span className="block font-medium">
                  <span className="max-md:sr-only">{m.label.slice(0, m.label.indexOf("年") + 1)}</span>
                  {m.label.slice(m.label.indexOf("年") + 1)}
                </span>
                <span className={`block text-xs ${STATUS_STYLE[m.status]}`}>
                  {m.statusLabel}
                  {m.locked ? "·已锁定" : ""}
                </span>
                <span className="mt-0.5 flex items-center justify-center gap-1 text-[11px] text-muted" title={m.light.reason}>
                  {m.light.light ? (
                    <>
                      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${LIGHT_STYLE[m.light.light].dot}`} />
                      <span aria-hidden="true">{LIGHT_SHORT[m.light.light]}</span>
                    </>
                  ) : (
                    <span aria-hidden="true">—</span>
                  )}
                  <span className="sr-only">{m.light.label}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
