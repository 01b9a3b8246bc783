import Link from "next/link";

/**
 * A page that cannot be shown as asked (a bad link, a month that does not exist): what is wrong, in
 * words, and the ways on. Rendered inside the app's layout, so the header still leads everywhere.
 */
export function PageProblem({ title, detail, links }: { title: string; detail: string; links: { href: string; label: string }[] }) {
  return (
    <section role="alert" aria-labelledby="page-problem-title" className="mx-auto mt-10 max-w-lg rounded border border-line bg-white p-6 text-center">
      <h1 id="page-problem-title" className="text-lg font-semibold">
        {title}
      </h1>
      <p className="mt-2 text-muted">{detail}</p>
      <ul className="mt-4 flex flex-wrap justify-center gap-x-6 gap-y-2">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="inline-flex min-h-[40px] items-center text-brand hover:underline">
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `?year=abc` on a page listed by year. */
export function BadYear({ href }: { href: string }) {
  return <PageProblem title="年度有误" detail="链接中的年度不是有效的年份（如 2025）。" links={[{ href, label: "查看最近的年度" }]} />;
}
