"use client";

import Link from "next/link";

/**
 * 清除筛选: goes to the unfiltered scorecard and blanks the filter form at once, so the form never shows a filter
 * the URL no longer has (nor one chosen but not yet applied). Without script, the link alone does the first half.
 */
export function ClearFilters({ href }: { href: string }) {
  return (
    <Link
      href={href}
      onClick={(event) => {
        const form = event.currentTarget.closest("form");
        if (!form) return;
        for (const field of form.querySelectorAll<HTMLSelectElement | HTMLInputElement>("select, input[type=search]")) field.value = "";
        for (const box of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) box.checked = false;
      }}
      className="pb-2 text-brand hover:underline"
    >
      清除筛选
    </Link>
  );
}
