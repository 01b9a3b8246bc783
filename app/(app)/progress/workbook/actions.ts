"use server";

import { z } from "zod";
import { runAction } from "@/app/_lib/action";
import { AppError } from "@/lib/errors";
import { applyUpload } from "@/lib/progress-workbook/apply-upload";
import { runWorkbookJob } from "@/lib/workbook-reader/run-job";
import { discardUpload, readUpload, saveUpload } from "@/lib/uploads/upload-store";
import type { CommitData, PreviewData } from "@/components/progress-workbook/progress-upload";

/** A month's workbook of even 200 indicators is far below this; anything bigger is not one. */
const MAX_BYTES = 5 * 1024 * 1024;
const NO_FILE = "请选择要上传的进度填报工作簿（.xlsx）";
const PURPOSE = "progress-workbook" as const;
const previewSchema = z.object({
  file: z
    .instanceof(File, { error: NO_FILE })
    .refine((f) => f.size > 0, NO_FILE)
    .refine((f) => f.size <= MAX_BYTES, "工作簿超过 5 MB，不是本系统下载的进度填报工作簿"),
});
const tokenSchema = z.object({ token: z.string().max(200).default("") });

/** 上传并预览: reads the workbook and runs it without keeping anything; keeps its bytes for 确认写入 when it may be written. */
export async function previewProgressWorkbookAction(form: FormData) {
  return runAction(previewSchema, { file: form.get("file") ?? undefined }, async ({ prisma, actor, input: { file } }) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const preview = await applyUpload(prisma, actor, await runWorkbookJob("progress", bytes, {}), "preview");
    const token = preview.canCommit ? await saveUpload(bytes, { userId: actor.id, purpose: PURPOSE, fileName: file.name, options: {} }) : null;
    const data: PreviewData = { token, fileName: file.name, preview };
    const message = token
      ? "请核对预览，确认无误后点击“确认写入”"
      : preview.writes === 0 && preview.problems.length === 0 && preview.sheets.every((s) => s.problems.length === 0)
        ? "工作簿与系统中的填报内容一致，没有需要写入的改动"
        : "工作簿不能写入，请按提示修改后重新上传";
    return { data, message };
  });
}

/** 确认写入: the kept bytes, read again and written in one transaction through the progress use case — or nothing. */
export async function commitProgressWorkbookAction(input: unknown) {
  return runAction(
    tokenSchema,
    input,
    async ({ prisma, actor, input: { token } }) => {
      const upload = await readUpload(token, { userId: actor.id, purpose: PURPOSE });
      const read = await runWorkbookJob("progress", upload.bytes, {});
      const outcome = await applyUpload(prisma, actor, read, "commit");
      await discardUpload(token);
      if (outcome.writes === 0) throw new AppError("INVALID", "没有需要写入的改动（可能已写入过）");
      const data: CommitData = {
        writes: outcome.writes,
        sheets: outcome.sheets
          .filter((s) => s.writes > 0)
          .map((s) => ({ name: s.name, monthLabel: s.monthLabel, href: s.href, writes: s.writes, warnings: s.warnings })),
      };
      return { data, message: `已写入 ${outcome.writes} 条填报记录（${data.sheets.length} 张表）` };
    },
    { revalidate: ["/", "/sheets"] },
  );
}

/** 取消: forgets the kept upload. */
export async function discardProgressWorkbookAction(input: unknown) {
  return runAction(tokenSchema, input, async ({ input: { token } }) => {
    await discardUpload(token);
    return { data: null, message: "已取消，未写入任何内容" };
  });
}
