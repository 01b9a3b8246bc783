"use client";

/** 打印: the browser's print dialog; the page's print styles give an A4 landscape form. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-line bg-white px-3 py-1 hover:border-brand">
      打印
    </button>
  );
}
