import type { Problem } from "@/lib/errors";
import { locate } from "@/lib/interchange/locate";

/** A place in the workbook a person can go to: worksheet, cell and the caption of what is there. */
export interface Where {
  worksheet: string;
  address: string;
  field: string;
}

/** `工作表「两区专项」单元格 G12 指标分值权重` */
export const describe = (w: Where): string => `工作表「${w.worksheet}」` + [w.address && `单元格 ${w.address}`, w.field].filter(Boolean).join(" ");

export const problemAt = (where: Where, message: string): Problem => ({ path: describe(where), message });

/**
 * Remembers where each value of the interchange file was read, keyed by its path in the file
 * (`["sheets", 1, "indicators", 3, "weight"]`), so that problems found later by `validateInterchange`
 * can point at the cell instead of at a JSON path the person never saw.
 */
export class CellMap {
  private readonly entries: Array<{ path: PropertyKey[]; where: Where }> = [];

  add(path: PropertyKey[], where: Where): void {
    this.entries.push({ path, where });
  }

  /**
   * Rewrites validator problems to cell addresses. A problem on a cell that reading already reported
   * is dropped: reading's message says the same thing in the cell's terms.
   */
  mapProblems(file: unknown, problems: Problem[], reported: ReadonlySet<string>): Problem[] {
    const byLocation = new Map(this.entries.map((e) => [locate(file, e.path), e.where]));
    const sheetWhere = (n: number) => byLocation.get(locate(file, ["sheets", n]));
    const out: Problem[] = [];
    for (const p of problems) {
      const where = byLocation.get(p.path);
      if (!where) {
        out.push(p);
        continue;
      }
      const path = describe(where);
      if (reported.has(path)) continue;
      const message = p.message.replace(/第(\d+)张表/g, (all, n: string) => {
        const other = sheetWhere(Number(n) - 1);
        return other ? `${describe(other)} 处的表` : all;
      });
      out.push({ path, message: withoutCaption(message, where.field) });
    }
    return out;
  }
}

/** `指标值「x」…` under the caption 指标值 reads `指标值：「x」…`; `三级指标不能为空` reads `三级指标：不能为空`. */
function withoutCaption(message: string, field: string): string {
  if (/^[\p{Script=Han}]+不能为空$/u.test(message)) return "不能为空";
  return field && message.startsWith(field) && message.length > field.length ? message.slice(field.length).replace(/^[：:\s]+/, "") : message;
}
