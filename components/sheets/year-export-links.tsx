/**
 * 导出Excel for a year: the workbook holds one department's sheets (it prints the department in every
 * header), so a year with several departments gets one link per department.
 */
export function YearExportLinks({ year, departments, className }: { year: number; departments: string[]; className: string }) {
  if (departments.length <= 1) {
    return (
      <a href={`/api/v1/years/${year}/xlsx`} className={className} download>
        导出Excel
      </a>
    );
  }
  return (
    <>
      {departments.map((department) => (
        <a key={department} href={`/api/v1/years/${year}/xlsx?department=${encodeURIComponent(department)}`} className={className} download>
          导出Excel（{department}）
        </a>
      ))}
    </>
  );
}
