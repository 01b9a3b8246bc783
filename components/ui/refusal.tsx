/** A problem of a refusal: `path：message` where the path says where, or just the words. */
export type RefusalProblem = string | { path?: string; message: string };

const problemText = (p: RefusalProblem): string => (typeof p === "string" ? p : p.path ? `${p.path}：${p.message}` : p.message);

/**
 * A refused action as every form shows it: the message, then the problems as a list. `boxed` frames it
 * (a form whose success line is framed too).
 */
export function Refusal({ error, problems, boxed = false }: { error: string; problems: readonly RefusalProblem[]; boxed?: boolean }) {
  return (
    <div role="alert" className={boxed ? "rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800" : "text-red-800"}>
      <p className={boxed ? "font-medium" : undefined}>{error}</p>
      {problems.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {problems.map((p, i) => (
            <li key={i}>{problemText(p)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
