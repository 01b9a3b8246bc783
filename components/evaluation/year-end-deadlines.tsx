import type { EvaluationList } from "@/lib/evaluation/list-evaluations";

/** The year's 自评 and 年终评价 deadlines (Beijing time) with how long is left, above the list. */
export function YearEndDeadlines({ deadlines }: { deadlines: NonNullable<EvaluationList["deadlines"]> }) {
  const items = [
    { label: "年终自评截止", d: deadlines.selfEvaluation },
    { label: "年终评价截止", d: deadlines.evaluation },
  ];
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
      {items.map(({ label, d }) => (
        <div key={label} className="flex gap-1">
          <dt className="text-muted">{label}</dt>
          <dd>
            {d.due}（北京时间）<span className={d.past ? "ml-1 font-medium text-red-800" : "ml-1 text-muted"}>{d.countdown}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
