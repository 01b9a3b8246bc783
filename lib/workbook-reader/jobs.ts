import { readProgressWorkbook } from "@/lib/xlsx/read-progress-workbook";
import { readTargetSheets } from "./target-sheets";

/**
 * The jobs a worker can run: name → a pure reader `(bytes, options) => result`. The result crosses back by
 * structured clone, so it is plain data (objects, arrays, strings, numbers — no Decimal, no exceljs objects).
 *
 * Adding a job is one line here. Its reader must not import `server-only` or anything that opens a database or
 * reads a secret (it runs in a bare worker), and it must live in a folder below lib/workbook-reader in the layers
 * of docs/architecture.md: the use case that runs the job imports this folder, so the folder cannot import it back.
 */
export const WORKBOOK_JOBS = {
  /** 导入 (admin page, sheets:import): target sheets, their year, validation and lint. */
  "target-sheets": readTargetSheets,
  /** 进度填报工作簿 uploaded back by a lead. */
  progress: readProgressWorkbook,
} as const;

export type WorkbookJobName = keyof typeof WORKBOOK_JOBS;
export type WorkbookJobOptions<N extends WorkbookJobName> = Parameters<(typeof WORKBOOK_JOBS)[N]>[1];
export type WorkbookJobResult<N extends WorkbookJobName> = Awaited<ReturnType<(typeof WORKBOOK_JOBS)[N]>>;
