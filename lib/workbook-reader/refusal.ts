import { formatBytes, formatCount, WORKBOOK_LIMITS, type WorkbookLimit } from "./limits";

/**
 * A workbook turned away by a limit: which one, and the sentence the person reads, naming the limit and the
 * file's own figure. Thrown inside the worker and carried back as plain data (structured clone).
 */
export class WorkbookRefusal extends Error {
  constructor(
    readonly limit: WorkbookLimit | "format",
    message: string,
  ) {
    super(message);
  }
}

const L = WORKBOOK_LIMITS;

/** The refusals, in the words of docs/workbooks.md. `figure` is the file's own number. */
export const refuse = {
  empty: () => new WorkbookRefusal("fileBytes", "请选择要导入的 Excel 文件（.xlsx）"),
  fileBytes: (bytes: number) => new WorkbookRefusal("fileBytes", `文件过大：${formatBytes(bytes)}，上限 ${formatBytes(L.fileBytes)}，已拒绝`),
  notZip: (why: string) => new WorkbookRefusal("format", `不是有效的 Excel 工作簿（.xlsx）：${why}`),
  entries: (count: number) => new WorkbookRefusal("entries", `工作簿包含 ${formatCount(count)} 个压缩条目，超过上限 ${formatCount(L.entries)}，已拒绝`),
  worksheets: (count: number) => new WorkbookRefusal("worksheets", `工作簿有 ${formatCount(count)} 张工作表，超过上限 ${formatCount(L.worksheets)}，已拒绝`),
  declared: (bytes: number) =>
    new WorkbookRefusal("uncompressedBytes", `工作簿解压后超过 ${formatBytes(L.uncompressedBytes)}（声明 ${formatBytes(bytes)}），已拒绝`),
  /** A part inflates past what the directory declared for it: the declared sizes lied. */
  overDeclared: (part: string, declared: number) =>
    new WorkbookRefusal("uncompressedBytes", `工作簿的「${part}」解压后超过其声明的 ${formatBytes(declared)}（疑似压缩炸弹），已拒绝`),
  ratio: (part: string, ratio: number) =>
    new WorkbookRefusal("ratio", `工作簿的「${part}」压缩比为 ${formatCount(Math.round(ratio))} 倍，超过上限 ${L.ratio} 倍（疑似压缩炸弹），已拒绝`),
  rows: (count: number) => new WorkbookRefusal("rows", `工作簿共有 ${formatCount(count)} 行，超过上限 ${formatCount(L.rows)} 行，已拒绝`),
  cells: (count: number) => new WorkbookRefusal("cells", `工作簿共有 ${formatCount(count)} 个单元格，超过上限 ${formatCount(L.cells)} 个，已拒绝`),
  gridPositions: (part: string, rows: number, cols: number) =>
    new WorkbookRefusal(
      "gridPositions",
      `工作簿的「${part}」使用区域为 ${formatCount(rows)} 行 × ${formatCount(cols)} 列，合计超过上限 ${formatCount(L.gridPositions)} 个单元格位置，已拒绝`,
    ),
  time: (milliseconds: number) => new WorkbookRefusal("milliseconds", `读取工作簿超过 ${milliseconds / 1000} 秒，已停止并拒绝`),
  heap: () => new WorkbookRefusal("heapMb", `读取工作簿所需内存超过 ${L.heapMb} MB，已停止并拒绝（工作簿过大或已损坏）`),
  busy: () => new WorkbookRefusal("queue", `正在读取的工作簿过多（上限同时 ${L.workers} 个、排队 ${L.queue} 个），请稍后再试`),
};
