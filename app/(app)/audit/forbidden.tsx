import Link from "next/link";

export default function AuditForbidden() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">无权查看该操作日志</h1>
      <p className="mt-2 text-muted">操作日志仅对管理员和管理者开放；管理者只能按本部门的绩效目标表筛选。</p>
      <Link href="/sheets" className="mt-4 inline-block text-brand hover:underline">
        返回绩效目标表
      </Link>
    </section>
  );
}
