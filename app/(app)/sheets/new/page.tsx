import type { Metadata } from "next";
import { z } from "zod";
import { yearSchema } from "@/lib/input";
import { orInterrupt } from "@/app/_lib/interrupts";
import { blankRow } from "@/components/authoring/editor-model";
import { SheetEditor } from "@/components/authoring/sheet-editor";
import { listAuthoringChoices } from "@/lib/authoring/list-authoring-choices";
import { requireActor } from "@/lib/session/session";
import { beijingYear } from "@/lib/beijing-time";
import { getPrisma } from "@/lib/db";
import { createSheetAction } from "./actions";

export const metadata: Metadata = { title: "新建绩效目标表" };

const searchSchema = z.object({ year: yearSchema.optional() });

/** 新建绩效目标表: a blank form (one row to start), saved as a draft. */
export default async function NewSheetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = searchSchema.safeParse(await searchParams);
  const actor = await requireActor();
  const choices = await orInterrupt(getPrisma().then((prisma) => listAuthoringChoices(prisma, actor)));
  const year = (search.success ? search.data.year : undefined) ?? choices.years[0] ?? beijingYear();
  const department = choices.departments[0];
  return (
    <div className="space-y-3">
      <h1 className="text-lg font-semibold">新建绩效目标表</h1>
      <p className="text-muted">
        {actor.role === "LEAD" ? "保存为草稿后，可继续修改，完成后提交审核；审核通过即发布，并由您负责填报。" : "保存为草稿后，可继续修改，检查无误后发布。"}
      </p>
      <SheetEditor
        mode="create"
        header={{
          kind: "project",
          year: String(year),
          department: department?.name ?? "",
          unit: choices.mayAddUnit ? (department?.units[0] ?? "") : "",
          name: "",
          lead: actor.role === "LEAD" ? actor.displayName : "",
          fundsTotal: "",
          fundsFiscal: "",
          fundsOther: "",
          budgetExecutionWeight: "",
          goal: "",
        }}
        rows={[blankRow()]}
        choices={{ departments: choices.departments, mayAddUnit: choices.mayAddUnit }}
        action={createSheetAction}
        cancelHref={`/sheets?year=${year}`}
      />
    </div>
  );
}
