"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useReducer, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { Problem } from "@/lib/errors";
import { offerable, readDraft, writeDraft } from "./browser-draft";
import { dirtyPaths, edits, type FormState, formReducer, initialFormState, onlyConfirmable, problemAt, type Values } from "./form-state";
import { useLeaveGuard } from "./leave-guard";
import { useHydrated } from "./use-hydrated";

/**
 * THE form hook: every form of the app keeps its draft, dirty state, problems by path, pending action,
 * reset-after-save, leave guard and browser draft here (the logic is the pure reducer of form-state.ts).
 *
 * Usage (fields are strings under paths; the server action follows app/_lib/action.ts):
 * ```tsx
 * const form = useActionForm({ initial: { displayName: user.displayName }, draftKey: `${me}:user:${user.id}` });
 * <Field label="姓名" {...form.field("displayName")}>{(aria) => <input {...aria} {...form.input("displayName")} />}</Field>
 * // or the kit's inputs: <TextInput label="姓名" {...form.bind("displayName")} />
 * <Button onClick={() => form.run("save", () => updateUserAction({ id, ...form.values }), { base: () => form.values })}>保存</Button>
 * <FormFeedback form={form} /> <DraftOffer form={form} /> <FormDialog form={form} />
 * ```
 * - `run(name, send, options)`: sends; a refusal puts each problem at its field (`problemPath` maps the
 *   server's paths to the form's), a refusal of only `confirmable` problems asks and sends again with
 *   `send(confirmed)`; success resets the sent fields to `base(data)` (the server's new state).
 * - `initial` may be a new object on every render: a change of content (router.refresh) rebases the draft
 *   and keeps what was typed.
 * - `draftKey` (user + form + record) keeps unsent input in the browser and offers it back; `secret`
 *   paths are never kept. While dirty, leaving (links, reload, closing) asks first.
 */
export interface ActionFormOptions {
  initial: Values;
  draftKey?: string;
  secret?: readonly string[];
  /** Ask before leaving while dirty (default: true). */
  guard?: boolean;
}

export interface Ask {
  title: string;
  body: ReactNode;
  confirm: string;
  cancel?: string;
  tone?: "primary" | "danger";
}

export interface RunOptions<T> {
  /** The paths this action sends: only they are reset on success (others keep what was typed). Default: all. */
  sent?: readonly string[];
  /** The server's state after success, as field values. */
  base?: (data: T) => Values;
  warnings?: (data: T) => readonly string[];
  /** The form path of a server problem's path (default: the same). */
  problemPath?: (path: string) => string;
  /** Title of the question asked for confirmable problems. */
  confirmTitle?: string;
}

const NETWORK = "无法连接服务器，请稍后重试（填写的内容仍保留在页面上）";
const NO_ANSWER = "没有收到服务器的答复（登录可能已过期）；填写的内容已保存在本浏览器，重新登录后回到此页可恢复";

export function useActionForm(options: ActionFormOptions) {
  const hydrated = useHydrated();
  const router = useRouter();
  const formId = useId();
  const [state, dispatch] = useReducer(formReducer, options.initial, initialFormState);
  const baseKey = JSON.stringify(options.initial);
  const [seenKey, setSeenKey] = useState(baseKey);
  if (seenKey !== baseKey) {
    setSeenKey(baseKey);
    dispatch({ type: "rebase", base: options.initial });
  }
  const stateRef = useRef<FormState>(state);
  stateRef.current = state;

  const [asking, setAsking] = useState<(Ask & { answer: (yes: boolean) => void }) | null>(null);
  const confirm = useCallback(
    (ask: Ask) =>
      new Promise<boolean>((resolve) => {
        setAsking({
          ...ask,
          answer: (yes) => {
            setAsking(null);
            resolve(yes);
          },
        });
      }),
    [],
  );

  const dirty = useMemo(() => dirtyPaths(state), [state]);
  const secret = options.secret;

  // Browser draft: read once per key (before anything is written), then keep the edits as they change.
  const draftKey = options.draftKey;
  const wrote = useRef(false);
  useEffect(() => {
    if (!draftKey) return;
    wrote.current = false;
    const kept = readDraft(window.localStorage, draftKey);
    const offer = offerable(kept, stateRef.current.draft);
    if (kept && Object.keys(offer).length === 0) writeDraft(window.localStorage, draftKey, {});
    dispatch({ type: "offer", values: offer });
  }, [draftKey]);
  useEffect(() => {
    if (!draftKey || state.offer) return;
    const typed = Object.fromEntries(Object.entries(edits(state)).filter(([path]) => !secret?.includes(path)));
    if (Object.keys(typed).length === 0 && !wrote.current) return;
    wrote.current = true;
    writeDraft(window.localStorage, draftKey, typed);
  }, [draftKey, state, secret]);

  useLeaveGuard({ dirtyCount: options.guard === false ? 0 : dirty.length, confirm, navigate: (href) => router.push(href) });

  const run = useCallback(
    async <T>(name: string, send: (confirmed: string[]) => Promise<ActionResult<T>>, opts: RunOptions<T> = {}): Promise<ActionResult<T> | null> => {
      const mapPath = opts.problemPath ?? ((p: string) => p);
      const mapped = (problems: readonly Problem[]) => problems.map((p) => ({ ...p, path: p.path ? mapPath(p.path) : "" }));
      dispatch({ type: "start", name });
      let confirmed: string[] = [];
      for (;;) {
        let result: ActionResult<T> | undefined;
        try {
          result = await send(confirmed);
        } catch {
          dispatch({ type: "failed", message: NETWORK });
          return null;
        }
        if (!result) {
          dispatch({ type: "failed", message: NO_ANSWER });
          return null;
        }
        if (result.ok) {
          dispatch({ type: "succeeded", message: result.message, warnings: opts.warnings?.(result.data), base: opts.base?.(result.data), sent: opts.sent });
          return result;
        }
        if (onlyConfirmable(result.problems)) {
          const yes = await confirm({
            title: opts.confirmTitle ?? "请确认这些数值",
            body: confirmText(result.problems),
            confirm: "确认无误，继续",
            cancel: "返回修改",
          });
          if (yes) {
            confirmed = [...new Set([...confirmed, ...result.problems.map((p) => p.path)])];
            continue;
          }
        }
        dispatch({ type: "refused", message: result.message, code: result.code, problems: mapped(result.problems) });
        return result;
      }
    },
    [confirm],
  );

  const set = useCallback((path: string, value: string) => dispatch({ type: "edit", path, value }), []);
  const fieldId = (path: string) => `${formId}-${path.replaceAll(".", "-")}`;
  const error = (path: string) => problemAt(state, path);
  const busy = !hydrated || state.pending !== null;

  return {
    state,
    values: state.draft,
    value: (path: string) => state.draft[path] ?? "",
    set,
    error,
    fieldId,
    dirty: dirty.length > 0,
    dirtyPaths: dirty,
    edits: () => edits(state),
    pending: state.pending,
    busy,
    hydrated,
    run,
    confirm,
    asking,
    /** Props for the kit's inputs: `<TextInput label="…" {...form.bind("name")} />`. */
    bind: (path: string) => ({
      id: fieldId(path),
      value: state.draft[path] ?? "",
      onChange: (value: string) => set(path, value),
      error: error(path),
      disabled: busy,
    }),
    restore: () => dispatch({ type: "restore" }),
    discard: () => {
      if (draftKey) writeDraft(window.localStorage, draftKey, {});
      dispatch({ type: "discard" });
    },
    dismiss: () => dispatch({ type: "dismiss" }),
  };
}

export type ActionForm = ReturnType<typeof useActionForm>;

/** The confirmable problems as the question's body, one per line (the dialog keeps the lines). */
function confirmText(problems: readonly Problem[]): string {
  return problems.map((p) => p.message).join("\n");
}
