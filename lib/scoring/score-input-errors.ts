/**
 * Turns an issue path into `第2张表「示例项目」第3行「系统故障处理时长」 weight：…`, so a person fixing a file
 * can find the cell. Names are read from the raw input because the invalid parts never parsed.
 */
export function locateIssue(raw: unknown, path: readonly PropertyKey[], message: string): string {
  const [top, si, sub, ri, ...rest] = path;
  if (top !== "sheets" || typeof si !== "number") return path.length === 0 ? `输入：${message}` : `${path.map(String).join(".")}：${message}`;

  const sheet = item(field(raw, "sheets"), si);
  let where = `第${si + 1}张表${nameOf(sheet)}`;
  if (sub === "indicators" && typeof ri === "number") {
    where += `第${ri + 1}行${nameOf(item(field(sheet, "indicators"), ri))}`;
    return withField(where, rest.map(String).join("."), message);
  }
  return withField(
    where,
    [sub, ri, ...rest]
      .filter((p) => p !== undefined)
      .map(String)
      .join("."),
    message,
  );
}

const withField = (where: string, fieldPath: string, message: string): string =>
  fieldPath === "" ? `${where}：${message}` : `${where} ${fieldPath}：${message}`;

const field = (v: unknown, key: string): unknown => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[key] : undefined);

const item = (v: unknown, i: number): unknown => (Array.isArray(v) ? v[i] : undefined);

function nameOf(v: unknown): string {
  const name = field(v, "name");
  return typeof name === "string" && name.trim() !== "" ? `「${name}」` : "（无名称）";
}
