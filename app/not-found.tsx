import Link from "next/link";
import { connection } from "next/server";

/**
 * Outside the app's pages (the app's own 404 is app/(app)/not-found.tsx, inside its layout). Rendered per
 * request like every page: a page built ahead would carry no CSP nonce, and its scripts would be refused.
 */
export default async function NotFound() {
  await connection();
  return (
    <main id="main" className="mx-auto mt-16 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">页面不存在</h1>
      <p className="mt-2 text-muted">请检查链接是否正确。</p>
      <Link href="/" className="mt-4 inline-flex min-h-10 items-center text-brand hover:underline">
        返回工作台
      </Link>
    </main>
  );
}
