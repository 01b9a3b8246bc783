import { PageProblem } from "@/components/layout/page-problem";

/** A sheet id that is not a number, or no sheet with it. */
export default function SheetNotFound() {
  return (
    <PageProblem
      title="找不到该绩效目标表"
      detail="链接中的表编号有误，或该表已被删除。"
      links={[
        { href: "/sheets", label: "返回绩效目标表" },
        { href: "/", label: "返回工作台" },
      ]}
    />
  );
}
