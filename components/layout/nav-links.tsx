"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavItem {
  href: string;
  label: string;
  /** Path prefix that marks the item as the current section; none for an item without its own page yet. */
  section?: string;
}

/** The header's navigation; the current section is marked for screen readers and by an underline. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const current = items.find(({ section }) => section && (pathname === section || pathname.startsWith(`${section}/`)));
  return (
    <ul className="flex flex-col gap-1 md:flex-row md:items-center">
      {items.map((item) => {
        const active = item === current;
        return (
          <li key={item.label}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`flex min-h-[40px] items-center rounded px-3 text-white/90 hover:bg-white/10 hover:text-white ${active ? "bg-white/15 text-white" : ""}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
