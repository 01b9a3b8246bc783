import "server-only";
import type { SqlDriver } from "@/lib/db/sql-driver";

/**
 * A generated province-scale year of sheets for the scorecard bench (and, small, for its tests), written with a
 * few set-based INSERT … SELECT generate_series statements. Deterministic: every run builds the same rows.
 *
 * - one department, `units` budget units, fiscal year `year`;
 * - `sheets` sheets (the first is the 部门整体绩效目标), 8–17 indicators each (12.5 on average), weights summing
 *   to 90: 70% cumulative counts (`>=`), 10% rates (`>=90%`, level), 5% reverse (`<=5%`), 15% qualitative;
 * - a progress entry per indicator for each of the first `months` months, some with a forecast; 执行数 every month;
 *   months 1–9 approved, 10 submitted, 11 returned, 12 draft; a budget adjustment on every tenth sheet;
 * - the evaluator's FINAL evaluation on 30% of the sheets;
 * - a manager of the department, one lead per 10 sheets (assigned), an evaluator.
 *
 * The figures' triggers are disabled during the load (one stale figures row per sheet is written at the end), so
 * the caller computes the figures once afterwards.
 */
export interface DatasetOptions {
  sheets: number;
  units: number;
  year: number;
  months: number;
}

export const PROVINCE: DatasetOptions = { sheets: 2000, units: 50, year: 2025, months: 12 };

const SOURCE_TABLES = ["target_sheet", "indicator", "progress_entry", "sheet_month", "budget_adjustment", "evaluation"] as const;

export async function buildDataset(sql: SqlDriver, o: DatasetOptions): Promise<{ managerId: number; leadIds: number[]; evaluatorId: number }> {
  for (const t of SOURCE_TABLES) await sql.exec(`ALTER TABLE "${t}" DISABLE TRIGGER USER`);
  try {
    await sql.exec(`
INSERT INTO "department" ("name", "updated_at") VALUES ('省科学技术厅（基准测试）', now());
INSERT INTO "fiscal_year" ("year", "updated_at") VALUES (${o.year}, now());
INSERT INTO "budget_unit" ("department_id", "name", "updated_at")
  SELECT d."id", '基准单位' || lpad(u::text, 3, '0'), now() FROM "department" d, generate_series(1, ${o.units}) u;

INSERT INTO "app_user" ("username", "display_name", "password_hash", "role", "department_id", "updated_at")
  SELECT 'bench-manager', '基准管理者', 'x', 'MANAGER', d."id", now() FROM "department" d;
INSERT INTO "app_user" ("username", "display_name", "password_hash", "role", "updated_at")
  VALUES ('bench-evaluator', '基准评价人', 'x', 'EVALUATOR', now());
INSERT INTO "app_user" ("username", "display_name", "password_hash", "role", "updated_at")
  SELECT 'bench-lead-' || l, '负责人' || l, 'x', 'LEAD', now() FROM generate_series(1, ${Math.ceil(o.sheets / 10)}) l;

-- Sheets: s = 1 … N; the first is the department sheet.
INSERT INTO "target_sheet" ("kind", "unit_id", "fiscal_year_id", "name", "lead", "funds_total", "funds_fiscal", "funds_other", "goal", "position", "updated_at")
  SELECT CASE WHEN s = 1 THEN 'DEPARTMENT'::"SheetKind" ELSE 'PROJECT'::"SheetKind" END,
         (SELECT min("id") FROM "budget_unit") + (s % ${o.units}),
         (SELECT "id" FROM "fiscal_year" WHERE "year" = ${o.year}),
         CASE WHEN s = 1 THEN '部门整体绩效目标' ELSE '基准项目' || lpad(s::text, 5, '0') END,
         '负责人' || (1 + (s - 1) / 10),
         f, f, 0, '基准测试项目', s - 1, now()
    FROM generate_series(1, ${o.sheets}) s, LATERAL (SELECT round((10 + (s * 7919 % 1990))::numeric, 2) AS f) x;

-- Indicators: sheet s has 8 + (s*7 % 10) rows; row kind by (s + j) % 20.
INSERT INTO "indicator" ("sheet_id", "position", "level1", "level2", "name", "target_raw", "target_op", "target_value", "target_unit",
                         "target_qualitative", "measure_type", "basis", "last_year", "weight", "rule", "evidence", "updated_at")
  SELECT ts."id", j, k.level1, k.level2, '指标' || j, k.raw, k.op::"Comparator", k.val, k.unit, k.qual, k.measure::"MeasureType",
         '计划标准', '-',
         CASE WHEN j = n - 1 THEN 90 - (n - 1) * round(90.0 / n, 2) ELSE round(90.0 / n, 2) END,
         k.rule, ARRAY['说明材料'], now()
    FROM "target_sheet" ts
    CROSS JOIN LATERAL (SELECT 8 + (ts."position" + 1) * 7 % 10 AS n) c
    CROSS JOIN LATERAL generate_series(0, c.n - 1) j
    CROSS JOIN LATERAL (
      SELECT CASE WHEN r < 14 THEN '产出指标' WHEN r < 17 THEN '效益指标' ELSE '满意度指标' END AS level1,
             CASE WHEN r < 14 THEN '数量指标' WHEN r < 17 THEN '质量指标' ELSE '社会效益' END AS level2,
             CASE WHEN r < 14 THEN '＞=' || (2 + r * 3) || '项' WHEN r < 16 THEN '＞=90%' WHEN r < 17 THEN '＜=5%' ELSE '有效推动' END AS raw,
             CASE WHEN r < 16 THEN 'GTE' WHEN r < 17 THEN 'LTE' ELSE NULL END AS op,
             CASE WHEN r < 14 THEN (2 + r * 3)::numeric WHEN r < 16 THEN 90 WHEN r < 17 THEN 5 ELSE NULL END AS val,
             CASE WHEN r < 14 THEN '项' WHEN r < 17 THEN '%' ELSE NULL END AS unit,
             CASE WHEN r >= 17 THEN '有效推动' ELSE NULL END AS qual,
             CASE WHEN r < 14 THEN 'CUMULATIVE' ELSE 'LEVEL' END AS measure,
             CASE WHEN r >= 17 THEN '按评判等级赋分' WHEN r % 5 = 0 THEN '直接赋分' ELSE '按照完成比例赋分' END AS rule
        FROM (SELECT (ts."position" + 1 + j) % 20 AS r) rr) k;

-- A value per indicator and month (year to date): counts grow with time at a pace that differs per sheet.
INSERT INTO "progress_entry" ("indicator_id", "month", "value", "qualitative_value", "forecast", "updated_at")
  SELECT i."id", m,
         CASE WHEN i."target_op" IS NULL THEN NULL
              WHEN i."measure_type" = 'CUMULATIVE' THEN round(i."target_value" * m / 12 * pace, 2)
              WHEN i."target_op" = 'LTE' THEN round(2 + 6 * pace, 2)
              ELSE round(60 + 40 * pace, 2) END,
         CASE WHEN i."target_op" IS NOT NULL THEN NULL
              WHEN pace > 0.9 THEN 'ACHIEVED'::"QualitativeStatus" WHEN pace > 0.6 THEN 'PARTIAL'::"QualitativeStatus"
              ELSE 'NOT_ACHIEVED'::"QualitativeStatus" END,
         CASE WHEN i."target_op" IS NOT NULL AND i."measure_type" = 'CUMULATIVE' AND i."sheet_id" % 4 = 0 THEN i."target_value" END,
         now()
    FROM "indicator" i
    CROSS JOIN LATERAL (SELECT 0.4 + ((i."sheet_id" * 13 + i."position" * 7) % 100) / 100.0 AS pace) p
    CROSS JOIN generate_series(1, ${o.months}) m;

INSERT INTO "sheet_month" ("sheet_id", "month", "status", "executed", "updated_at")
  SELECT ts."id", m,
         CASE WHEN m <= 9 THEN 'APPROVED'::"MonthStatus" WHEN m = 10 THEN 'SUBMITTED'::"MonthStatus"
              WHEN m = 11 THEN 'RETURNED'::"MonthStatus" ELSE 'DRAFT'::"MonthStatus" END,
         round(ts."funds_total" * m / 12 * (0.5 + (ts."id" * 17 % 70) / 100.0), 2), now()
    FROM "target_sheet" ts CROSS JOIN generate_series(1, ${o.months}) m;

INSERT INTO "budget_adjustment" ("sheet_id", "month", "amount", "reason", "updated_at")
  SELECT "id", 6, round("funds_total" * 0.1, 2), '基准测试调增', now() FROM "target_sheet" WHERE "id" % 10 = 0;

INSERT INTO "evaluation" ("sheet_id", "kind", "status", "executed", "total", "grade", "finalised_at", "updated_at")
  SELECT ts."id", 'EVALUATOR', 'FINAL', ts."funds_total", t, CASE WHEN t >= 90 THEN '优' WHEN t >= 80 THEN '良' WHEN t >= 60 THEN '中' ELSE '差' END, now(), now()
    FROM "target_sheet" ts CROSS JOIN LATERAL (SELECT round(55 + (ts."id" * 37 % 4400) / 100.0, 2) AS t) x
   WHERE ts."id" % 10 < 3;

INSERT INTO "sheet_assignment" ("sheet_id", "user_id", "role", "updated_at")
  SELECT ts."id", u."id", 'LEAD', now() FROM "target_sheet" ts JOIN "app_user" u ON u."username" = 'bench-lead-' || (1 + ts."position" / 10);
INSERT INTO "sheet_assignment" ("sheet_id", "user_id", "role", "updated_at")
  SELECT ts."id", u."id", 'EVALUATOR', now() FROM "target_sheet" ts JOIN "app_user" u ON u."username" = 'bench-evaluator';

INSERT INTO "sheet_figures" ("sheet_id", "month", "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "budget")
  SELECT "id", m, "fiscal_year_id", "unit_id", "kind", "status", "funds_total", "funds_total" FROM "target_sheet" CROSS JOIN generate_series(1, 12) AS m
  ON CONFLICT ("sheet_id", "month") DO NOTHING;
`);
  } finally {
    for (const t of SOURCE_TABLES) await sql.exec(`ALTER TABLE "${t}" ENABLE TRIGGER USER`);
  }
  await sql.exec("ANALYZE");
  const users = await sql.query<{ id: number; username: string }>(`SELECT "id", "username" FROM "app_user" WHERE "username" LIKE 'bench-%' ORDER BY "id"`);
  return {
    managerId: users.find((u) => u.username === "bench-manager")!.id,
    evaluatorId: users.find((u) => u.username === "bench-evaluator")!.id,
    leadIds: users.filter((u) => u.username.startsWith("bench-lead-")).map((u) => u.id),
  };
}
