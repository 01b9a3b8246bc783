import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/auth/actor";
import { adjustTarget } from "@/lib/authoring/adjust-target";
import { validateInterchange } from "@/lib/interchange/validate";
import type { InterchangeFile, InterchangeIndicator } from "@/lib/interchange/schema";
import { saveProgress } from "@/lib/progress/save-progress";
import { AFTER_2025, createFixture, type Fixture, refusal } from "@/lib/testing/progress-fixtures";
import { disagreements } from "@/lib/testing/scorecard";
import { SEED_FILE } from "@/lib/seed/seed-database";
import { exportSheets, formatInterchange } from "@/lib/sheets/export-sheets";
import { importSheets } from "./import-sheets";

// `sheets:import --replace` over sheets leads have been reporting on: rows are matched, kept and updated in
// place, and a file that would lose or reinterpret recorded history is refused whole.

const seed = JSON.parse(fs.readFileSync(SEED_FILE, "utf8")) as InterchangeFile;
const LIANGQU = "2025年“两区”创新建设专项";
const PEITAO = "落实2023年厅地联动市级配套专项资金";

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});
afterEach(async () => {
  await f?.db.close();
});

const prisma = () => f.db.prisma;
const row = (i: number) => f.liangquRows[i]!;

/** The seed file reduced to the named sheets, as a copy to edit. */
function fileOf(...names: string[]): InterchangeFile & { sheets: (InterchangeFile["sheets"][number] & { indicators: InterchangeIndicator[] })[] } {
  const file = structuredClone(seed);
  file.sheets = names.map((name) => file.sheets.find((s) => s.name === name)!);
  return file as ReturnType<typeof fileOf>;
}

const replace = (file: InterchangeFile) => {
  const valid = validateInterchange(file);
  if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
  return importSheets(prisma(), f.actors.admin, valid.file, { replace: true });
};

/** The lead reports July on the 两区 sheet's first rows. */
const reportJuly = (values: string[]) =>
  saveProgress(
    prisma(),
    f.actors.lead,
    { sheetId: f.sheets.liangqu, month: 7, rows: values.map((value, i) => ({ indicatorId: row(i).id, version: 0, value })) },
    { now: AFTER_2025 },
  );

/** Everything a replacement could touch: it must not move when one is refused. */
const footprint = async () => ({
  exported: formatInterchange(await exportSheets(prisma(), SYSTEM, { year: 2025 })),
  sheets: await prisma().targetSheet.findMany({ orderBy: { id: "asc" }, select: { id: true, version: true, updatedAt: true } }),
  indicators: await prisma().indicator.findMany({ orderBy: { id: "asc" } }),
  entries: await prisma().progressEntry.findMany({ orderBy: { id: "asc" } }),
  adjustments: await prisma().targetAdjustment.findMany({ orderBy: { id: "asc" } }),
  audit: await prisma().auditLog.count(),
});

const storedRows = (sheetId: number) => prisma().indicator.findMany({ where: { sheetId }, orderBy: { position: "asc" } });

describe("importSheets with replace over recorded history", () => {
  it("keeps the rows leads reported on (same ids, same entries), applies wording, order, a new row and a dropped row without history", async () => {
    await reportJuly(["2", "1"]);
    const evidence = await prisma().evidenceFile.create({
      data: {
        sheetId: f.sheets.liangqu,
        month: 7,
        indicatorId: row(1).id,
        sha256: "a".repeat(64),
        originalName: "说明.pdf",
        mimeType: "application/pdf",
        sizeBytes: 3,
      },
    });
    const entries = await prisma().progressEntry.findMany({ where: { indicator: { sheetId: f.sheets.liangqu } }, orderBy: { id: "asc" } });
    expect(entries.map((e) => [e.indicatorId, e.value?.toString()])).toEqual([
      [row(0).id, "2"],
      [row(1).id, "1"],
    ]);

    const file = fileOf(LIANGQU);
    const sheet = file.sheets[0]!;
    const rows = sheet.indicators;
    sheet.goal = `${sheet.goal}（修订）`;
    rows[0] = { ...rows[0]!, targetRaw: ">=3项", basis: "计划标准（修订）" }; // the same target written differently
    delete rows[0]!.target;
    const [dropped] = rows.splice(4, 1); // 支持重点产业领域数量: nothing recorded on it
    rows.push(rows.splice(1, 1)[0]!); // the second row moves to the end
    const added = {
      level1: "产出指标",
      level2: "数量指标",
      name: "技术合同成交项目数量",
      targetRaw: "＞=5项",
      basis: "计划标准",
      lastYear: "-",
      weight: 10,
      rule: "按照完成比例赋分" as const,
      evidence: ["说明材料"],
    };
    rows.splice(2, 0, added);

    expect(await replace(file)).toEqual([{ id: f.sheets.liangqu, unit: sheet.unit, name: LIANGQU, action: "replaced" }]);

    const stored = await storedRows(f.sheets.liangqu);
    expect(stored.map((r) => r.name)).toEqual(rows.map((r) => r.name));
    const idOf = (name: string) => stored.find((r) => r.name === name)?.id;
    for (const i of [0, 1, 2, 3, 5, 6]) expect(idOf(row(i).name)).toBe(row(i).id);
    expect(idOf(dropped!.name)).toBeUndefined();
    expect(await prisma().indicator.count({ where: { id: row(4).id } })).toBe(0);
    expect(idOf(added.name)).toBeGreaterThan(row(6).id);

    // The history is untouched: the same entries (ids, values, versions) and the evidence file.
    expect(await prisma().progressEntry.findMany({ where: { indicator: { sheetId: f.sheets.liangqu } }, orderBy: { id: "asc" } })).toEqual(entries);
    expect(await prisma().evidenceFile.findUnique({ where: { id: evidence.id } })).toEqual(evidence);

    // Wording applied; a changed row's version moves, a row that only moved keeps its version.
    const first = stored[0]!;
    expect([first.id, first.targetRaw, first.basis, first.version, first.targetValue?.toString()]).toEqual([row(0).id, ">=3项", "计划标准（修订）", 2, "3"]);
    expect(stored.find((r) => r.id === row(1).id)).toMatchObject({ position: 6, version: 1 });
    const header = await prisma().targetSheet.findUniqueOrThrow({ where: { id: f.sheets.liangqu } });
    expect([header.goal.endsWith("（修订）"), header.version]).toEqual([true, 2]);

    // One audit entry with both snapshots; the scorecard's figures are current.
    const audit = await prisma().auditLog.findFirstOrThrow({ where: { action: "sheet.replace", entityId: String(f.sheets.liangqu) } });
    const names = (json: unknown) => (json as { indicators: { name: string }[] }).indicators.map((i) => i.name);
    expect(names(audit.before)).toEqual(f.liangquRows.map((r) => r.name));
    expect(names(audit.after)).toEqual(rows.map((r) => r.name));
    expect(await disagreements(prisma())).toEqual([]);
  });

  it("refuses a file that drops or renames a row with progress, naming sheet and row, and writes nothing (not even the other sheets)", async () => {
    await reportJuly(["2", "1"]);
    const file = fileOf(LIANGQU, PEITAO);
    const rows = file.sheets[0]!.indicators;
    rows.splice(1, 1); // dropped, with progress
    rows[0] = { ...rows[0]!, name: "支持产业核心技术攻关项目数（改名）" }; // renamed, with progress: a deletion plus a new row
    file.sheets[1]!.goal = "配套专项的新目标";
    file.sheets.push({ ...structuredClone(file.sheets[1]!), name: "全新的项目" });
    const before = await footprint();

    const refused = await refusal(replace(file));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toBe("覆盖会删除或改动已有填报记录的内容，未写入任何数据（2 处问题）：");
    expect(refused.problems).toEqual([
      {
        path: `第1张表「${LIANGQU}」 原第1行「支持产业核心技术攻关项目数量」`,
        message: expect.stringMatching(/^文件中没有这一行，它已有进度填报记录，不能删除（.*改名视同删除原行）$/),
      },
      { path: `第1张表「${LIANGQU}」 原第2行「产业核心技术攻关项目申报知识产权数量」`, message: expect.stringContaining("已有进度填报记录，不能删除") },
    ]);
    expect(await footprint()).toEqual(before);
  });

  it("refuses changing what a started sheet is scored against (target → 指标调整, weight, rule, budget), and allows it before any reporting", async () => {
    await reportJuly(["2"]);
    const file = fileOf(LIANGQU);
    const sheet = file.sheets[0]!;
    sheet.funds = { total: "1700.00", fiscal: "1700.00", other: "0.00" };
    const rows = sheet.indicators;
    rows[2] = { ...rows[2]!, targetRaw: "＞=4人" }; // a row nobody reported on yet: the sheet has started
    delete rows[2]!.target;
    rows[3] = { ...rows[3]!, weight: 6 };
    rows[4] = { ...rows[4]!, rule: "直接赋分" };
    rows[5] = { ...rows[5]!, basis: "行业标准" }; // wording alone would be fine
    const before = await footprint();

    const refused = await refusal(replace(file));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.problems).toEqual([
      {
        path: `第1张表「${LIANGQU}」 项目资金（funds）.年度预算总额（total）`,
        message: expect.stringContaining(
          "年度预算总额不能通过导入修改（现为 1600.00 万元，文件为 1700.00 万元）；年度中的预算变动请在进度填报中登记“调整预算”",
        ),
      },
      {
        path: `第1张表「${LIANGQU}」第3行「${row(2).name}」 指标值（targetRaw）`,
        message: "该表已开始填报，指标值不能通过导入由「＞=3人」改为「＞=4人」；请使用“指标调整”（会保留调整前指标值和调整原因）",
      },
      {
        path: `第1张表「${LIANGQU}」第4行「${row(3).name}」 指标分值权重（weight）`,
        message: "该表已开始填报，指标分值权重不能通过导入修改（现为 5.00，文件为 6.00）",
      },
      {
        path: `第1张表「${LIANGQU}」第5行「${row(4).name}」 赋分规则（rule）`,
        message: "该表已开始填报，赋分规则不能通过导入修改（现为「按照完成比例赋分」，文件为「直接赋分」）",
      },
    ]);
    expect(await footprint()).toEqual(before);

    // The same kind of change on a sheet nobody has reported on is a correction: applied in place.
    const peitao = fileOf(PEITAO);
    const peitaoRows = peitao.sheets[0]!.indicators;
    const ids = (await storedRows(f.sheets.peitao)).map((r) => r.id);
    const target = peitaoRows[0]!.targetRaw;
    peitaoRows[0] = { ...peitaoRows[0]!, targetRaw: target.replace(/\d+/, (n) => String(Number(n) + 1)), weight: Number(peitaoRows[0]!.weight) - 1 };
    delete peitaoRows[0]!.target;
    await replace(peitao);
    const stored = await storedRows(f.sheets.peitao);
    expect(stored.map((r) => r.id)).toEqual(ids);
    expect([stored[0]!.targetRaw, stored[0]!.weight.toString(), stored[0]!.version]).toEqual([peitaoRows[0]!.targetRaw, String(peitaoRows[0]!.weight), 2]);
    expect(stored[0]!.targetRaw).not.toBe(target);
  });

  it("waits for an evidence upload still in flight on the sheet, and then counts it as history", async () => {
    const [first] = await storedRows(f.sheets.peitao);
    let inserted!: () => void;
    const insertedNow = new Promise<void>((resolve) => (inserted = resolve));
    // An upload's transaction takes no sheet lock: its row is written but not yet committed when the import starts.
    const upload = prisma().$transaction(async (tx) => {
      await tx.evidenceFile.create({
        data: {
          sheetId: f.sheets.peitao,
          month: 7,
          indicatorId: first!.id,
          sha256: "b".repeat(64),
          originalName: "进度说明.pdf",
          mimeType: "application/pdf",
          sizeBytes: 3,
        },
      });
      inserted();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    await insertedNow;
    const file = fileOf(PEITAO);
    const rows = file.sheets[0]!.indicators;
    rows[0] = { ...rows[0]!, weight: Number(rows[0]!.weight) - 1 };
    const outcome = await refusal(replace(file));
    await upload;
    expect(outcome.code).toBe("CONFLICT");
    expect(outcome.problems.map((p) => p.message)).toEqual([expect.stringContaining("该表已开始填报，指标分值权重不能通过导入修改")]);
  });

  it("counts a target adjustment as history: the document's old target cannot undo it, nor can the adjusted row be dropped", async () => {
    const adjusted = await prisma().indicator.findUniqueOrThrow({ where: { id: row(0).id } });
    await adjustTarget(prisma(), f.actors.manager, { indicatorId: adjusted.id, version: adjusted.version, targetRaw: "＞=2项", reason: "年中调整" });
    const before = await footprint();

    const original = await refusal(replace(fileOf(LIANGQU)));
    expect(original.problems).toEqual([
      {
        path: `第1张表「${LIANGQU}」第1行「${row(0).name}」 指标值（targetRaw）`,
        message: expect.stringContaining("不能通过导入由「＞=2项」改为「＞=3项」；请使用“指标调整”"),
      },
    ]);
    const file = fileOf(LIANGQU);
    file.sheets[0]!.indicators.shift();
    const dropped = await refusal(replace(file));
    expect(dropped.problems).toEqual([
      { path: `第1张表「${LIANGQU}」 原第1行「${row(0).name}」`, message: expect.stringContaining("已有指标调整记录，不能删除") },
    ]);
    expect(await footprint()).toEqual(before);

    // The adjusted target written as it now stands goes through, and the adjustment stays.
    const current = fileOf(LIANGQU);
    current.sheets[0]!.indicators[0] = { ...current.sheets[0]!.indicators[0]!, targetRaw: "＞=2项", basis: "年中调整后" };
    delete current.sheets[0]!.indicators[0]!.target;
    await replace(current);
    expect(await prisma().indicator.findUniqueOrThrow({ where: { id: row(0).id } })).toMatchObject({
      targetRaw: "＞=2项",
      originalTargetRaw: "＞=3项",
      basis: "年中调整后",
    });
    expect(await prisma().targetAdjustment.count({ where: { indicatorId: row(0).id } })).toBe(1);
  });

  it("pairs rows that share a name in order: the k-th in the file continues the k-th stored", async () => {
    const file = fileOf(PEITAO);
    const twin = { ...file.sheets[0]!.indicators[0]!, weight: 1 };
    file.sheets[0]!.name = "重名指标的项目";
    file.sheets[0]!.indicators.push(twin);
    const valid = validateInterchange(file);
    if (!valid.ok) throw new Error(JSON.stringify(valid.problems));
    const { id } = (await importSheets(prisma(), SYSTEM, valid.file, { replace: false }))[0]!;
    const stored = await storedRows(id);
    const second = stored[stored.length - 1]!;
    expect(second.name).toBe(stored[0]!.name);
    await prisma().progressEntry.create({ data: { indicatorId: second.id, month: 3, value: "1" } });

    // Both kept (wording changed on each): ids in order.
    const reworded = structuredClone(file);
    for (const r of reworded.sheets[0]!.indicators) r.lastYear = "上年未统计";
    await replace(reworded);
    expect((await storedRows(id)).map((r) => [r.id, r.lastYear])).toEqual(stored.map((r) => [r.id, "上年未统计"]));

    // The second one dropped: it is the one with progress, so refused.
    const dropped = structuredClone(file);
    dropped.sheets[0]!.indicators.pop();
    const refused = await refusal(replace(dropped));
    expect(refused.problems).toEqual([
      { path: `第1张表「重名指标的项目」 原第${stored.length}行「${second.name}」`, message: expect.stringContaining("已有进度填报记录") },
    ]);
  });
});
