/** 草稿 / 待审核 beside a sheet's name; a published sheet needs no tag. */
export function StatusTag({ status }: { status: "DRAFT" | "SUBMITTED" | "PUBLISHED" }) {
  if (status === "PUBLISHED") return null;
  return status === "DRAFT" ? (
    <span className="ml-2 rounded border border-gray-300 bg-gray-100 px-1.5 text-xs text-gray-700">草稿</span>
  ) : (
    <span className="ml-2 rounded border border-amber-300 bg-amber-50 px-1.5 text-xs text-amber-900">待审核</span>
  );
}
