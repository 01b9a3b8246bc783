import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto mt-16 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">页面不存在</h1>
      <p className="mt-2 text-muted">请检查链接是否正确。</p>
      <Link href="/sheets" className="mt-4 inline-block text-brand hover:underline">
        返回绩效目标表
      </Link>
    </main>
  );
}
