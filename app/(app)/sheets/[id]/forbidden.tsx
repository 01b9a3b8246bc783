import Link from "next/link";

export default function SheetForbidden() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">无权查看该绩效目标表</h1>
      <p className="mt-2 text-muted">该绩效目标表未分配给您。如需查看，请联系管理员分配。</p>
      <Link href="/sheets" className="mt-4 inline-block text-brand hover:underline">
        返回绩效目标表
      </Link>
    </section>
  );
}
