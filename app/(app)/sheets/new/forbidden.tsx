import Link from "next/link";

export default function NewSheetForbidden() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">无权新建绩效目标表</h1>
      <p className="mt-2 text-muted">评价人不能新建绩效目标表。</p>
      <Link href="/sheets" className="mt-4 inline-block text-brand hover:underline">
        返回绩效目标表
      </Link>
    </section>
  );
}
