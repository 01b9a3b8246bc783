import Link from "next/link";

export default function UserNotFound() {
  return (
    <section className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">找不到该用户</h1>
      <p className="mt-2 text-muted">链接可能有误。</p>
      <Link href="/admin/users" className="mt-4 inline-block text-brand hover:underline">
        返回用户列表
      </Link>
    </section>
  );
}
