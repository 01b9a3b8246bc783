import Link from "next/link";

const TABS = [
  { key: "users", href: "/admin/users", label: "用户", title: "用户与分工" },
  { key: "assignments", href: "/admin/assignments", label: "分工", title: "用户与分工" },
  { key: "units", href: "/admin/units", label: "预算单位", title: "部门与预算单位" },
  { key: "years", href: "/admin/years", label: "年度", title: "年度与期间锁定" },
  { key: "import", href: "/admin/import", label: "导入", title: "导入绩效目标表（Excel）" },
  { key: "rollover", href: "/admin/rollover", label: "年度结转", title: "年度结转" },
  { key: "backup", href: "/admin/backup", label: "备份", title: "备份与恢复" },
  { key: "notifications", href: "/admin/notifications", label: "通知", title: "通知：邮件、群机器人与发送记录" },
  { key: "evidence", href: "/admin/evidence", label: "佐证资料", title: "佐证资料存储限制" },
] as const;

/** 系统管理: the heading and the tabs of the section. */
export function AdminHeader({ current, children }: { current: (typeof TABS)[number]["key"]; children?: React.ReactNode }) {
  const title = TABS.find((tab) => tab.key === current)!.title;
  return (
    <header className="space-y-2">
      <p className="text-muted">系统管理</p>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        {children}
      </div>
      {/* A phone shows every tab on two or three lines, as pills: a row that scrolls sideways hides the current one. */}
      <nav aria-label="系统管理" className="no-print flex gap-1 border-line max-sm:flex-wrap sm:border-b">
        {TABS.map((tab) => (
          <Link
            key={tab.key}
            href={tab.href}
            aria-current={tab.key === current ? "page" : undefined}
            className={`shrink-0 whitespace-nowrap border px-4 py-1.5 max-sm:rounded max-sm:px-3 sm:-mb-px sm:rounded-t ${tab.key === current ? "border-line bg-white font-medium text-brand sm:border-b-white" : "border-transparent text-muted hover:text-brand"}`}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
