"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "./button";
import type { Ask } from "./use-action-form";

/**
 * The kit's question (提交 / 离开此页 / unusual values): a modal `<dialog>` with the question, what it
 * means, and the two answers; Escape or 取消 answers no.
 */
export function ConfirmDialog({ ask }: { ask: (Ask & { answer: (yes: boolean) => void }) | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (ask && !dialog.open) dialog.showModal();
    if (!ask && dialog.open) dialog.close();
  }, [ask]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        ask?.answer(false);
      }}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded border border-line bg-white p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      {ask ? (
        <div className="space-y-3 p-4">
          <h2 id={titleId} className="text-base font-semibold">
            {ask.title}
          </h2>
          <div className="whitespace-pre-line">{ask.body}</div>
          <div className="flex flex-wrap justify-end gap-2">
            <Button tone="plain" onClick={() => ask.answer(false)}>
              {ask.cancel ?? "取消"}
            </Button>
            <Button tone={ask.tone === "danger" ? "danger" : "primary"} onClick={() => ask.answer(true)} autoFocus>
              {ask.confirm}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
