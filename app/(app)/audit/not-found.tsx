import Link from "next/link";

export default function AuditNotFound() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">找不到该记录</h1>
      <p className="mt-2 text-muted">链接可能有误，或所筛选的绩效目标表已不存在。</p>
      <Link href="/audit" className="mt-4 inline-block text-brand hover:underline">
        返回操作日志
      </Link>
    </section>
  );
}
