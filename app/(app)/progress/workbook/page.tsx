import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ProgressUpload } from "@/components/progress-workbook/progress-upload";
import { idSchema, monthSchema, yearSchema } from "@/lib/input";
import { requireActor } from "@/lib/session/session";
import { commitProgressWorkbookAction, discardProgressWorkbookAction, previewProgressWorkbookAction } from "./actions";

export const metadata: Metadata = { title: "进度填报工作簿" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where the page was opened from: one sheet's month (进度填报) or the lead's month (我的项目); only for the links. */
const searchSchema = z.object({ sheet: idSchema.optional(), year: yearSchema.optional(), month: monthSchema.optional() });
const first = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw) || undefined;

/** 上传工作簿: upload a filled 进度填报工作簿, check the preview, then 确认写入 or 取消. */
export default async function ProgressWorkbookPage({ searchParams }: Props) {
  await requireActor();
  const raw = await searchParams;
  const parsed = searchSchema.safeParse({ sheet: first(raw.sheet), year: first(raw.year), month: first(raw.month) });
  const from = parsed.success ? parsed.data : {};
  const download =
    from.sheet && from.month
      ? {
          href: `/api/v1/sheets/${from.sheet}/progress.xlsx?month=${from.month}`,
          back: `/sheets/${from.sheet}/progress?month=${from.month}`,
          backLabel: "返回进度填报",
        }
      : from.year && from.month
        ? { href: `/api/v1/progress.xlsx?year=${from.year}&month=${from.month}`, back: "/", backLabel: "返回工作台" }
        : null;
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">上传进度填报工作簿</h1>
      <p className="text-muted">
        在“进度填报”或“工作台 › 我的项目”下载本月工作簿，在 Excel
        中填写白色单元格后上传。系统逐表逐行检查并预览改动和预警，确认后一次写入全部改动；有任何问题都不会写入。
        下载后被他人修改过的行、已提交或已锁定的月份不会写入。
      </p>
      {download ? (
        <p className="flex flex-wrap gap-x-4">
          <a href={download.href} download className="inline-flex min-h-10 items-center text-brand hover:underline">
            下载本月工作簿
          </a>
          <Link href={download.back} className="inline-flex min-h-10 items-center text-brand hover:underline">
            {download.backLabel}
          </Link>
        </p>
      ) : null}
      <ProgressUpload actions={{ preview: previewProgressWorkbookAction, commit: commitProgressWorkbookAction, discard: discardProgressWorkbookAction }} />
    </div>
  );
}
