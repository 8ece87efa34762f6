/** File names for per-department documents: safe on Windows, unique within one output folder. */

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Strip characters Windows forbids (\ / : * ? " < > | and control characters), trailing dots/spaces. */
export function safeFileName(name: string, fallback = '未命名'): string {
  let clean = name
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<![. ])[. ]+$/, '');
  if (clean.length > 80) clean = clean.slice(0, 80);
  if (!clean || RESERVED.test(clean)) clean = clean ? `${clean}_` : fallback;
  return clean;
}

export interface NamedItem {
  department: string;
  year: number | null;
}

/**
 * One base name per item (no extension). Departments appearing once keep their plain name; when
 * several items share a department, the year is appended, and a version number (v1, v2… in input
 * order) when they also share the year.
 */
export function uniqueBaseNames(items: NamedItem[]): string[] {
  const base = items.map((i) => safeFileName(i.department));
  const count = (list: string[], key: string): number => list.filter((k) => k.toLowerCase() === key.toLowerCase()).length;
  const withYear = base.map((b, i) => (count(base, b) > 1 ? `${b}-${items[i]!.year ?? '年度未知'}` : b));
  const seen = new Map<string, number>();
  return withYear.map((b) => {
    if (count(withYear, b) === 1) return b;
    const key = b.toLowerCase();
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return `${b}-v${n}`;
  });
}
