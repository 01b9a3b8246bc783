"use server";

import { z } from "zod";
import { runAction } from "@/app/_lib/action";
import { commitWorkbookImport } from "@/lib/authoring/commit-workbook-import";
import { workbookImportSchema } from "@/lib/authoring/import-workbook-input";
import { type ImportPreview, previewWorkbookImport } from "@/lib/authoring/preview-workbook-import";
import { discardUpload, readUpload, saveUpload } from "@/lib/uploads/upload-store";

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

const NO_FILE = "请选择要导入的 Excel 文件（.xlsx）";
const previewSchema = workbookImportSchema.extend({ file: z.instanceof(File, { error: NO_FILE }).refine((f) => f.size > 0, NO_FILE) });
const tokenSchema = z.object({ token: z.string().max(200).default("") });

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : undefined;
};

/** 上传并预览: reads the workbook, keeps its bytes for the commit only when it may be imported (a file travels as FormData). */
export async function previewImportAction(form: FormData) {
  const input = { file: form.get("file") ?? undefined, year: field(form, "year"), department: field(form, "department"), replace: field(form, "replace") };
  return runAction(previewSchema, input, async ({ prisma, actor, input: { file, ...options } }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await previewWorkbookImport(prisma, actor, bytes, options);
    const token =
      preview.blockers.length === 0
        ? await saveUpload(bytes, {
            userId: actor.id,
            purpose: "sheets-import",
            fileName: file.name,
            options: { year: String(preview.year), department: preview.department, replace: preview.replace },
          })
        : null;
    const data: PreviewData = { token, fileName: file.name, preview };
    return { data, message: token ? "请核对预览，确认无误后点击“确认导入”" : "工作簿不能导入，请按提示修改后重新上传" };
  });
}

/** 确认导入: the kept bytes, read again and written in one transaction — or nothing. */
export async function commitImportAction(input: unknown) {
  return runAction(
    tokenSchema,
    input,
    async ({ prisma, actor, input: { token } }) => {
      const upload = await readUpload(token, { userId: actor.id, purpose: "sheets-import" });
      const result = await commitWorkbookImport(prisma, actor, upload.bytes, upload.meta.options);
      await discardUpload(token);
      const data: CommitData = { year: result.year, imported: result.imported.map((s) => ({ id: s.id, name: s.name, action: s.action })) };
      return { data, message: `已导入 ${result.imported.length} 张${result.year}年绩效目标表` };
    },
    { revalidate: ["/sheets"] },
  );
}

/** 取消: forgets the kept upload. */
export async function discardImportAction(input: unknown) {
  return runAction(tokenSchema, input, async ({ input: { token } }) => {
    await discardUpload(token);
    return { data: null, message: "已取消导入，未写入任何内容" };
  });
}
