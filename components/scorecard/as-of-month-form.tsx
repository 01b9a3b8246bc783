/**
 * 截至月份: which month a page's lights, projections, cards and exports measure. A GET form: the month lives in the
 * URL; `keep` carries the page's other parameters (filters, sorting, columns) through a change of month.
 */
export function AsOfMonthForm({
  asOfMonth,
  months,
  action,
  keep = [],
}: {
  asOfMonth: number;
  months: readonly { month: number; label: string }[];
  action?: string;
  keep?: readonly [string, string][];
}) {
  return (
    <form method="get" action={action} aria-label="截至月份" className="no-print flex items-end gap-2">
      {keep.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="flex flex-col gap-0.5">
        <label htmlFor="as-of-month" className="text-sm text-muted">
          截至月份
        </label>
        <select
          id="as-of-month"
          name="month"
          defaultValue={String(asOfMonth)}
          key={asOfMonth}
          className="min-h-10 rounded border border-line bg-white px-2 py-1"
        >
          {months.map((m) => (
            <option key={m.month} value={m.month}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-10 rounded border border-brand bg-white px-3 py-1 text-brand hover:bg-brand hover:text-white">
        查看
      </button>
    </form>
  );
}
