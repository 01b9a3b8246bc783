import Link from "next/link";

/**
 * The way to the 进度填报工作簿 from 进度填报 (one sheet) and 我的项目 (all the lead's sheets): download the month's
 * workbook, or go to the upload page. A plain download link: the file is an attachment, the page stays.
 */
export function WorkbookLinks({
  label,
  downloadHref,
  downloadLabel,
  uploadHref,
}: {
  label: string;
  downloadHref: string;
  downloadLabel: string;
  uploadHref: string;
}) {
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <span className="text-muted">{label}</span>
      <a href={downloadHref} download className="inline-flex min-h-10 items-center text-brand hover:underline">
        {downloadLabel}
      </a>
      <Link href={uploadHref} className="inline-flex min-h-10 items-center text-brand hover:underline">
        上传工作簿
      </Link>
    </p>
  );
}
