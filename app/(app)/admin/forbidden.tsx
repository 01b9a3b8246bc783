import Link from "next/link";

export default function AdminForbidden() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">无权访问系统管理</h1>
      <p className="mt-2 text-muted">用户与分工仅由管理员维护。如需调整账号或分工，请联系管理员。</p>
      <Link href="/sheets" className="mt-4 inline-block text-brand hover:underline">
        返回绩效目标表
      </Link>
    </section>
  );
}
