/**
 * Excel worksheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, unique ignoring case. Project names run to 40+ characters and share prefixes
 * (`2025年人才发展资金--…`), so the distinctive part is kept.
 */
const MAX = 31;

export function shortSheetName(projectName: string): string {
  let name = projectName
    .replace(/[[\]:*?/\\]/g, "")
    .replace(/[（(][^（()）]*[)）]/g, "") // `（+上年结转资金）`
    .replace(/^\s*\d{4}\s*年(度)?/, "")
    .trim();
  const parts = name
    .split(/-{1,2}|—+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last && [...last].length >= 4) name = last;
  name = name.replace(/^'+|'+$/g, "").trim();
  return truncate(name || "绩效目标表", MAX);
}

/** Names for the given project names, in order, made unique with `(2)`, `(3)` … */
export function uniqueSheetNames(projectNames: readonly string[]): string[] {
  const taken = new Set<string>(["history"]); // reserved by Excel
  return projectNames.map((projectName) => {
    const base = shortSheetName(projectName);
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = truncate(base, MAX - `(${n})`.length) + `(${n})`;
    taken.add(name.toLowerCase());
    return name;
  });
}

const truncate = (s: string, max: number) => [...s].slice(0, max).join("");
