"use server";

import { revalidatePath } from "next/cache";
import { refusal } from "@/app/_lib/authoring-action";
import type { AuthoringResult } from "@/components/authoring/action-state";
import { commitWorkbookImport } from "@/lib/authoring/commit-workbook-import";
import { workbookImportSchema } from "@/lib/authoring/import-workbook-input";
import { type ImportPreview, previewWorkbookImport } from "@/lib/authoring/preview-workbook-import";
import { discardUpload, readUpload, saveUpload } from "@/lib/authoring/upload-store";
import { requireActor } from "@/lib/auth/session";
import { getPrisma } from "@/lib/db";
import { zodProblems } from "@/lib/parse-input";

export interface PreviewData {
  /** Names the kept upload for 确认导入; null when the preview shows the import cannot go ahead. */
  token: string | null;
  fileName: string;
  preview: ImportPreview;
}

export interface CommitData {
  year: number;
  imported: { id: number; name: string; action: "created" | "replaced" }[];
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** 上传并预览: reads the workbook, keeps its bytes for the commit only when it may be imported. */
export async function previewImportAction(form: FormData): Promise<AuthoringResult<PreviewData>> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    const message = "请选择要导入的 Excel 文件（.xlsx）";
    return { ok: false, error: message, problems: [{ path: "file", message }] };
  }
  const options = workbookImportSchema.safeParse({ year: text(form, "year"), department: text(form, "department"), replace: text(form, "replace") });
  if (!options.success) return { ok: false, error: "请按提示修改后再上传", problems: zodProblems(options.error) };
  const actor = await requireActor();
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await previewWorkbookImport(await getPrisma(), actor, bytes, options.data);
    const token =
      preview.blockers.length === 0
        ? await saveUpload(bytes, { userId: actor.id, fileName: file.name, options: { year: String(preview.year), department: preview.department, replace: preview.replace } })
        : null;
    return { ok: true, message: token ? "请核对预览，确认无误后点击“确认导入”" : "工作簿不能导入，请按提示修改后重新上传", data: { token, fileName: file.name, preview } };
  } catch (error) {
    return refusal(error);
  }
}

/** 确认导入: the kept bytes, read again and written in one transaction — or nothing. */
export async function commitImportAction(form: FormData): Promise<AuthoringResult<CommitData>> {
  const token = text(form, "token") ?? "";
  const actor = await requireActor();
  try {
    const upload = await readUpload(token, actor.id);
    const result = await commitWorkbookImport(await getPrisma(), actor, upload.bytes, upload.meta.options);
    await discardUpload(token);
    revalidatePath("/sheets");
    return {
      ok: true,
      message: `已导入 ${result.imported.length} 张${result.year}年绩效目标表`,
      data: { year: result.year, imported: result.imported.map((s) => ({ id: s.id, name: s.name, action: s.action })) },
    };
  } catch (error) {
    return refusal(error);
  }
}

/** 取消: forgets the kept upload. */
export async function discardImportAction(form: FormData): Promise<AuthoringResult<never>> {
  await requireActor();
  await discardUpload(text(form, "token") ?? "");
  return { ok: true, message: "已取消导入，未写入任何内容" };
}
