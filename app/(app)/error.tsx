"use client";

/** Anything unexpected: say so plainly and offer a retry; details stay in the server log. */
export default function AppErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section role="alert" className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 className="text-lg font-semibold">页面出错了</h1>
      <p className="mt-2 text-muted">请稍后重试；如果问题持续，请联系管理员。</p>
      <button type="button" onClick={reset} className="mt-4 rounded border border-line px-3 py-1 hover:border-brand">
        重试
      </button>
    </section>
  );
}
