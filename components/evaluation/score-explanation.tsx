/**
 * 得分反查: a score that opens to show how it was computed. A native disclosure: keyboard and screen readers work
 * without script, and the explanation prints only if it was opened.
 */
export function ScoreExplanation({ label, score, explanation }: { label: string; score: string | null; explanation: string }) {
  return (
    <details className="group inline-block text-right">
      <summary
        aria-label={`${label} ${score ?? "待评"}，查看计算过程`}
        className="cursor-pointer list-none tabular-nums underline decoration-dotted underline-offset-4 hover:text-brand"
      >
        {score ?? <span className="text-amber-800">待评</span>}
      </summary>
      <p className="mt-1 max-w-72 whitespace-normal text-left text-xs text-muted">{explanation}</p>
    </details>
  );
}
