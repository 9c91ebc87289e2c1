/**
 * Reads a workbook liveops wrote as a careful analyst would, and lists what reads wrong (issue 20):
 * - an internal id in a sheet (a field, rule, role, platform or option id where a label belongs);
 * - a number stored as text ('¥1,685,000.00', '18.0%', '356'), so nothing sums or filters;
 * - a rate (a column or a row labelled …率 / 占比 / rate / share) not formatted as a percentage.
 * The very hidden `_liveops` sheet (the model kept for liveops to read back) is not a page.
 */
import ExcelJS from 'exceljs';
import { FIELDS } from '../../src/io/read/fields.js';
import { PLATFORMS } from '../../src/io/read/detect.js';
import { THRESHOLD_RULES } from '../../src/domain/rules.js';
import { ROLE_LABELS } from '../../src/i18n/labels.js';

export interface Finding {
  sheet: string;
  cell: string;
  kind: 'internal-id' | 'number-as-text' | 'rate-not-percent';
  text: string;
}

/** Every id the code uses for something a person reads by its label. */
function internalIds(): Set<string> {
  const ids = new Set<string>([
    ...FIELDS.keys(),
    ...PLATFORMS,
    ...THRESHOLD_RULES.map((r) => r.id),
    ...Object.keys(ROLE_LABELS),
    // The options and kinds that have leaked into sheets before: where a weight came from, a
    // target's period, a hotspot's source, a product role.
    'table',
    'sheet',
    'default',
    'config',
    'annual',
    'quarterly',
    'monthly',
    'consultations',
    'comments',
    'traffic',
    'profit',
    'image',
    'stated',
    'derived',
    'read',
    'computed',
  ]);
  for (const id of ['gmv', 'uv', 'pv', 'gpm', 'roi']) ids.delete(id); // GMV, UV, PV, GPM, ROI are the team's own words
  return ids;
}

const IDS = internalIds();
// Identifiers as code writes them: camelCase (itemsSold), kebab-case (cs-response), or plain words.
const TOKEN = /[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*/g;
const CAMEL_OR_KEBAB = /^[a-z]+(?:[A-Z][a-z0-9]*)+$|^[a-z]+(?:-[a-z0-9]+)+$/;

// A figure written as text: "¥1,234.50", "18.0%", "356", "3.20", "-5.6%". Digit runs of 9+ are IDs
// (order, product and account ids are text on purpose: Excel would round them).
const FIGURE = /^[-+]?[¥￥]?\s?(?:\d{1,3}(?:,\d{3})+|\d{1,8})(?:\.\d+)?\s?(?:%|万|元|秒|分钟)?$/;

const RATE_LABEL = /率|占比|比例|比重|\brate\b|\bshare\b|%|（%）|\(%\)/i;
const NOT_RATE = /ROI|UV价值|UV value|倍|次数|人数|金额|件数|单数|得分|加权|amount|count|score|weighted/i;

function text(v: ExcelJS.CellValue): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return null;
}

export async function auditWorkbook(file: string, lang: 'zh' | 'en'): Promise<Finding[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const found: Finding[] = [];
  for (const ws of wb.worksheets) {
    if (ws.state === 'veryHidden') continue;
    // The label a figure is read by: its column's header (the nearest text above it in a row of
    // text), or the label on its left in a key/value row.
    const headerAbove = new Map<number, string>();
    ws.eachRow((row) => {
      const cells: ExcelJS.Cell[] = [];
      row.eachCell((c) => cells.push(c));
      const texts = cells.filter((c) => text(c.value) !== null);
      // A header row: text only, in the bold header style (a data row of text is not one).
      const isHeader = texts.length >= 2 && texts.length === cells.length && cells.every((c) => c.font?.bold);
      for (const c of cells) {
        const t = text(c.value);
        const where = { sheet: ws.name, cell: c.address };
        if (t !== null) {
          // A file's path or name is the user's own: not an id. inspect's 配置键 column shows the
          // key a team writes in the config's `headers:` mapping: the id is the point there.
          const configKey = /^(配置键|Config key)$/.test(headerAbove.get(Number(c.col)) ?? '');
          const words = configKey || /[\\/]|\.(xlsx|csv|md)\b/.test(t) ? [] : (t.match(TOKEN) ?? []);
          for (const token of words) {
            // In Chinese any id reads wrong; in English a plain word may be the word itself
            // ("comments"), but a code-shaped id (itemsSold, cs-response) never is.
            const id =
              lang === 'zh'
                ? IDS.has(token) || CAMEL_OR_KEBAB.test(token)
                : IDS.has(token) && CAMEL_OR_KEBAB.test(token);
            if (id) {
              found.push({ ...where, kind: 'internal-id', text: t });
              break;
            }
          }
          if (FIGURE.test(t.trim())) found.push({ ...where, kind: 'number-as-text', text: t });
          if (isHeader) headerAbove.set(Number(c.col), t);
          continue;
        }
        if (typeof c.value !== 'number') continue;
        // Key/value rows put the label in column A and the figure in B.
        const left = Number(c.col) === 2 ? text(row.getCell(1).value) : null;
        const isRate = (label: string | null | undefined) => !!label && RATE_LABEL.test(label) && !NOT_RATE.test(label);
        const label = [left, headerAbove.get(Number(c.col))].find(isRate);
        if (label && !(c.numFmt ?? '').includes('%'))
          found.push({ ...where, kind: 'rate-not-percent', text: `${label}: ${c.value} [${c.numFmt ?? 'General'}]` });
      }
    });
  }
  return found;
}
