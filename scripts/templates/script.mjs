// templates/script.xlsx (the run-sheet) and templates/cuesheet.xlsx (场控提示单) for a stream's script.
import ExcelJS from 'exceljs';
import { save, tableSheet } from './kit.mjs';

export default async function script(lang) {
  const zh = lang === 'zh';
  const run = new ExcelJS.Workbook();
  const ws = tableSheet(
    run,
    zh ? '流程' : 'Run-sheet',
    'runSheet',
    [
      { zh: '开始', en: 'Start', cell: '{{start}}', width: 7 },
      { zh: '结束', en: 'End', cell: '{{end}}', width: 7 },
      { zh: '分钟', en: 'Min', cell: '{{minutes}}', width: 6, format: 'count' },
      { zh: '环节', en: 'Segment', cell: '{{segment}}', width: 30 },
      { zh: '角色', en: 'Role', cell: '{{roleLabel}}', width: 12 },
      { zh: '步骤', en: 'Part', cell: '{{part}}', width: 10 },
      { zh: '主播话术', en: 'Anchor talk', cell: '{{talk}}', width: 60 },
      { zh: '助播动作', en: 'Assistant', cell: '{{assistant}}', width: 36 },
      { zh: '场控动作', en: 'Floor control', cell: '{{floor}}', width: 44 },
    ],
    lang,
  );
  for (const c of [7, 8, 9]) ws.getRow(2).getCell(c).alignment = { wrapText: true, vertical: 'top' };
  await save(run, zh ? 'script.xlsx' : 'script.en.xlsx');

  const cues = new ExcelJS.Workbook();
  tableSheet(
    cues,
    zh ? '场控提示单' : 'Cue sheet',
    'cueSheet',
    [
      { zh: '时间', en: 'Time', cell: '{{time}}', width: 8 },
      { zh: '开播后(分)', en: 'Minute', cell: '{{minute}}', width: 10, format: 'count' },
      { zh: '谁', en: 'Who', cell: '{{whoLabel}}', width: 8 },
      { zh: '提示', en: 'Cue', cell: '{{cue}}', width: 80 },
      { zh: '规则', en: 'Rule', cell: '{{ruleLabel}}', width: 14 },
    ],
    lang,
  );
  await save(cues, zh ? 'cuesheet.xlsx' : 'cuesheet.en.xlsx');
}
