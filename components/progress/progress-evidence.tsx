import { EvidencePanel } from "@/components/evidence/evidence-panel";
import type { EvidenceFileView } from "@/lib/evidence/evidence-view";
import type { ProgressView } from "@/lib/progress/progress-view";

/**
 * 佐证资料 of the month and of each indicator. Upload and 删除 follow the form's current state (the
 * progress edit permission: gone the moment the month is submitted), not the state the page was loaded in.
 */
export function ProgressEvidence({ view, files }: { view: ProgressView; files: EvidenceFileView[] }) {
  const canEdit = view.permissions.edit;
  const monthFiles = files.filter((f) => f.indicatorId === null);
  return (
    <section aria-labelledby="evidence-title" className="space-y-2">
      <h2 id="evidence-title" className="font-semibold">
        佐证资料（{view.monthLabel}）
      </h2>
      <EvidencePanel sheetId={view.sheet.id} month={view.month} files={monthFiles} canEdit={canEdit} label={`佐证资料：${view.monthLabel}`} />
      {view.rows.map((row) => {
        const rowFiles = files.filter((f) => f.indicatorId === row.indicatorId);
        if (!canEdit && rowFiles.length === 0) return null;
        return (
          <details
            key={row.indicatorId}
            id={`evidence-${row.indicatorId}`}
            className="rounded border border-line bg-white px-3 py-2"
            open={rowFiles.length > 0}
          >
            <summary className="min-h-[40px] cursor-pointer py-2 md:min-h-0 md:py-0">
              {row.name}
              <span className="ml-2 text-sm text-muted">
                （{rowFiles.length} 个文件{row.evidenceKinds ? `；应附：${row.evidenceKinds}` : ""}）
              </span>
            </summary>
            <div className="mt-2">
              <EvidencePanel
                sheetId={view.sheet.id}
                month={view.month}
                indicatorId={row.indicatorId}
                files={rowFiles}
                canEdit={canEdit}
                label={`佐证资料：${row.name}`}
              />
            </div>
          </details>
        );
      })}
    </section>
  );
}
