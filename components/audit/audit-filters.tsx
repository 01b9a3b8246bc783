import Link from "next/link";
import type { AuditFilterOptions } from "@/lib/audit-log/list-audit-filters";

export interface AuditFilterValues {
  sheet?: string;
  user?: string;
  from?: string;
  to?: string;
}

const control = "h-8 rounded border border-line bg-white px-2 py-1 aria-[invalid=true]:border-red-600";

/**
 * The filters of the 操作日志 as a plain GET form: they live in the URL (a filtered log can be
 * bookmarked or sent on) and work before any JavaScript has loaded.
 */
export function AuditFilters({ options, values, errors }: { options: AuditFilterOptions; values: AuditFilterValues; errors: Record<string, string> }) {
  const years = [...new Set(options.sheets.map((s) => s.year))];
  const error = (name: string) =>
    errors[name] ? (
      <p id={`audit-${name}-error`} className="text-sm text-red-700">
        {errors[name]}
      </p>
    ) : null;
  const invalid = (name: string) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `audit-${name}-error` : undefined,
  });
  return (
    <form method="get" action="/audit" className="no-print flex flex-wrap items-start gap-3 rounded border border-line bg-white p-3" aria-label="筛选操作日志">
      <div className="space-y-1">
        <label htmlFor="audit-sheet" className="block font-medium">
          绩效目标表
        </label>
        <select id="audit-sheet" name="sheet" defaultValue={values.sheet ?? ""} className={`${control} max-w-96`} {...invalid("sheet")}>
          <option value="">全部</option>
          {years.map((year) => (
            <optgroup key={year} label={`${year}年度`}>
              {options.sheets
                .filter((s) => s.year === year)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {error("sheet")}
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-user" className="block font-medium">
          操作人
        </label>
        <select id="audit-user" name="user" defaultValue={values.user ?? ""} className={control} {...invalid("user")}>
          <option value="">全部</option>
          <option value="system">系统（导入、初始化）</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.displayName}（{u.username}）{u.active ? "" : "·已停用"}
            </option>
          ))}
        </select>
        {error("user")}
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block font-medium">
          开始日期
        </label>
        <input id="audit-from" type="date" name="from" defaultValue={values.from ?? ""} className={control} {...invalid("from")} />
        {error("from")}
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block font-medium">
          结束日期
        </label>
        <input id="audit-to" type="date" name="to" defaultValue={values.to ?? ""} className={control} {...invalid("to")} />
        {error("to")}
      </div>
      <div className="flex items-center gap-3 pt-[1.625rem]">
        <button type="submit" className="h-8 rounded bg-brand px-3 font-medium text-white hover:bg-brand-dark">
          筛选
        </button>
        <Link href="/audit" className="text-brand hover:underline">
          清除筛选
        </Link>
      </div>
    </form>
  );
}
