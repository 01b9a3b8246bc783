import { PageProblem } from "@/components/layout/page-problem";

/** Any address of the app that leads nowhere, shown inside the layout (its header still leads on). */
export default function AppNotFound() {
  return (
    <PageProblem
      title="页面不存在"
      detail="这个地址没有对应的页面，可能是链接有误或页面已移动。"
      links={[
        { href: "/", label: "返回工作台" },
        { href: "/sheets", label: "查看绩效目标表" },
      ]}
    />
  );
}
