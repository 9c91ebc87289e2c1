/**
 * liveops's own workbooks carry the report model they were written from, in a very hidden sheet
 * `_liveops`: row 1 says what it is, the rows after it hold the model's JSON in chunks. Commands
 * that read a liveops workbook back (script --schedule, script --retro, the morning brief) read
 * this part, never the visible sheets, so a team that edits a template's labels loses nothing,
 * and neutralised text comes back as it was (no leading apostrophe).
 */
export const MODEL_SHEET = '_liveops';
export const MODEL_MARK = 'liveops-model';
/** A cell holds at most 32,767 characters. */
const CHUNK = 30_000;
/** Around every chunk, so a chunk never starts like a formula and trimming never eats its spaces. */
const FENCE = '~';

export function modelChunks(kind: string, model: object): string[][] {
  const json = JSON.stringify(model);
  const rows: string[][] = [[MODEL_MARK, kind, '1']];
  for (let i = 0; i < json.length; i += CHUNK) rows.push([`${FENCE}${json.slice(i, i + CHUNK)}${FENCE}`]);
  return rows;
}

/** The model from the rows of a `_liveops` sheet, or null when they are not one. */
export function modelFromRows(rows: Array<Array<unknown>>): { kind: string; model: Record<string, unknown> } | null {
  const head = rows[0];
  if (!head || head[0] !== MODEL_MARK || typeof head[1] !== 'string') return null;
  const json = rows
    .slice(1)
    .map((r) => (typeof r[0] === 'string' && r[0].startsWith(FENCE) && r[0].endsWith(FENCE) ? r[0].slice(1, -1) : ''))
    .join('');
  try {
    return { kind: head[1], model: JSON.parse(json) as Record<string, unknown> };
  } catch {
    return null;
  }
}
