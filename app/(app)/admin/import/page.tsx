import type { Metadata } from "next";
import { AdminHeader } from "@/components/admin/admin-tabs";
import { forbidden } from "next/navigation";
import { ImportWorkbook } from "@/components/authoring/import-workbook";
import { listAuthoringChoices } from "@/lib/authoring/list-authoring-choices";
import { can } from "@/lib/auth/authorize";
import { requireActor } from "@/lib/session/session";
import { getPrisma } from "@/lib/db";
import { commitImportAction, discardImportAction, previewImportAction } from "./actions";

export const metadata: Metadata = { title: "导入绩效目标表" };

/** 导入: upload a filled 项目支出绩效目标表 workbook, check the preview, then 确认导入 or 取消 (admins). */
export default async function ImportPage() {
  const actor = await requireActor();
  if (!can(actor, { type: "sheets.import" })) forbidden();
  // An admin (the only one who may import) is offered every department, in order.
  const { departments } = await listAuthoringChoices(await getPrisma(), actor);
  return (
    <div className="space-y-3">
      <AdminHeader current="import" />
      <p className="text-muted">
        上传预算单位填好的项目支出绩效目标表（.xlsx，可一个工作表一张表，也可一个工作簿多张表）。系统先逐表逐行解析并检查，预览无误后再确认导入；有任何问题都不会写入。
        <a href="/api/v1/template.xlsx" className="ml-2 text-brand hover:underline" download>
          下载空白模板
        </a>
      </p>
      <ImportWorkbook
        departments={departments.map((d) => d.name)}
        actions={{ preview: previewImportAction, commit: commitImportAction, discard: discardImportAction }}
      />
    </div>
  );
}
