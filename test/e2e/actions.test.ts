/**
 * The improvement items of the history, walked as a team would: a retro records its list (ids,
 * owners, due dates), `liveops actions` lists them by owner, `actions done` closes one, the morning
 * brief and the weekly report no longer carry it, the same retro again adds nothing and does not
 * reopen it; an unknown id is exit 2, an overdue item exit 3, a damaged history file is named.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, STACK, tempDir } from './run.js';

const SESSION = join(FIXTURES, 'douyin-compass-session.xlsx');
const ACCOUNT = '山野户外旗舰店';

const tmp = tempDir();
const history = join(tmp.dir, 'history');
afterAll(() => tmp.cleanup());

const run = (args: string[], now: string, env: Record<string, string> = {}) =>
  liveops(args, { cwd: tmp.dir, env: { LIVEOPS_HISTORY: history, LIVEOPS_NOW: now, ...env } });
const json = (args: string[], now: string) => {
  const r = run(['--json', ...args], now);
  expect(r.stderr).not.toMatch(STACK);
  return { ...r, report: JSON.parse(r.stdout) };
};

interface Item {
  id: string;
  status: string;
  owner: string;
  ownerLabel: string;
  account: string;
  due: string;
  doneAt: string | null;
  streams: number;
  text: string;
}
const itemsOf = (report: { groups: Array<{ items: Item[] }> }) => report.groups.flatMap((g) => g.items);

/** The id formula written out again (records.ts actionId): FNV-1a 32 of account, owner, rule and subject, base 36. */
function expectedId(owner: string, rule: string, subject: string): string {
  const text = ['douyin', ACCOUNT, owner, rule, subject].join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `A${h.toString(36).padStart(7, '0')}`;
}
// The 11-18 stream's list: two products the anchor acts on, and the data check of a stated click rate.
const CONVERSION = expectedId('anchor', 'product-conversion-low', 'product:3650123456789012401');
const CLICK = expectedId('anchor', 'product-click-low', 'product:3650123456789012512');
const CHECK = expectedId('data', 'check', 'check:productClickRate');
// The stream ended 2026-11-18 23:12:40 (Beijing): the data check is due within the 24 h retro
// deadline; the anchor's changes, with no stream planned, a week after.
const CHECK_DUE = '2026-11-19T23:12:40+08:00';
const ANCHOR_DUE = '2026-11-25T23:12:40+08:00';

const actionFiles = () => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }))
      e.isDirectory() ? walk(join(d, e.name)) : out.push(join(d, e.name));
  };
  walk(join(history, 'actions'));
  return out.sort();
};

beforeAll(() => {
  mkdirSync(join(tmp.dir, 'out'));
  copyFileSync(join(FIXTURES, 'schedule', 'liveops.config.yaml'), join(tmp.dir, 'liveops.config.yaml'));
  const r = run(['retro', SESSION, '-o', 'out/'], '2026-11-19T10:00:00+08:00');
  expect(r.code, r.stderr).toBe(0);
});

describe('liveops actions after a retro', () => {
  it('lists the retro’s items by owner, with their ids and due dates', () => {
    const { code, report } = json(['actions'], '2026-11-19T10:00:00+08:00');
    expect(code).toBe(0);
    expect(report.counts).toEqual({ open: 3, overdue: 0, done: 0 });
    expect(report.groups.map((g: { owner: string; ownerLabel: string }) => [g.owner, g.ownerLabel])).toEqual([
      ['anchor', '主播'],
      ['data', '数据分析'],
    ]);
    const items = itemsOf(report);
    expect(items.map((x) => [x.id, x.owner, x.account, x.due, x.status])).toEqual([
      [CONVERSION, 'anchor', ACCOUNT, ANCHOR_DUE, 'open'],
      [CLICK, 'anchor', ACCOUNT, ANCHOR_DUE, 'open'],
      [CHECK, 'data', ACCOUNT, CHECK_DUE, 'open'],
    ]);
    expect(items[0]!.text).toMatch(/^调整「山野 GORE-TEX 硬壳冲锋衣 专业登山款」的逼单话术/);
    expect(report.history).toMatchObject({ dir: 'history', skipped: [], error: null });
  });

  it('the terminal: by role, ids to type, Chinese by default and English with --lang en', () => {
    const zh = run(['actions'], '2026-11-19T10:00:00+08:00');
    expect(zh.stdout).toContain('改进清单');
    expect(zh.stdout).toMatch(new RegExp(`主播\\n  • ${CONVERSION} \\[进行中 · 截止 2026-11-25 23:12\\]`));
    const en = run(['actions', '--lang', 'en', '--owner', 'data analyst'], '2026-11-19T10:00:00+08:00');
    expect(en.code).toBe(0);
    expect(en.stdout).toContain(`${CHECK} [open · due 2026-11-19 23:12]`);
    expect(en.stdout).not.toContain(CONVERSION);
    expect(en.stderr).toContain('liveops actions: 1 open, 0 overdue (exit 0)');
  });

  it('overdue strictly after the due date: exit 0 at it, exit 3 a second later', () => {
    expect(run(['actions'], CHECK_DUE).code).toBe(0);
    const late = json(['actions'], '2026-11-19T23:12:41+08:00');
    expect(late.code).toBe(3);
    expect(late.report.counts).toEqual({ open: 2, overdue: 1, done: 0 });
    expect(itemsOf(late.report).find((x) => x.id === CHECK)!.status).toBe('overdue');
  });

  it('--owner by person or role label, --account of another account lists nothing', () => {
    expect(itemsOf(json(['actions', '--owner', '主播'], '2026-11-19T10:00:00+08:00').report)).toHaveLength(2);
    const other = json(['actions', '--account', '小鹿美妆官方'], '2026-11-19T10:00:00+08:00');
    expect(other.code).toBe(0);
    expect(other.report.groups).toEqual([]);
  });
});

describe('closing an item', () => {
  it('an unknown id is exit 2 naming it, and nothing is recorded (not even the known one)', () => {
    const before = actionFiles();
    const r = run(['actions', 'done', CHECK, 'Anope123'], '2026-11-20T09:00:00+08:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Anope123');
    expect(r.stderr).not.toMatch(STACK);
    expect(actionFiles()).toEqual(before);
  });

  it('actions done <id> closes it: no longer listed, listed as done with --all', () => {
    const r = run(['actions', 'done', CHECK], '2026-11-20T09:00:00+08:00');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已完成 ${CHECK}`);
    const now = '2026-11-20T10:00:00+08:00';
    const open = json(['actions'], now);
    // The check was overdue; closed, nothing is overdue any more.
    expect(open.code).toBe(0);
    expect(itemsOf(open.report).map((x) => x.id)).toEqual([CONVERSION, CLICK]);
    const all = itemsOf(json(['actions', '--all'], now).report);
    expect(all.find((x) => x.id === CHECK)).toMatchObject({ status: 'done', doneAt: '2026-11-20T09:00:00+08:00' });
  });

  it('closing it again says so and records nothing', () => {
    const before = actionFiles();
    const { code, report } = json(['actions', 'done', CHECK], '2026-11-20T11:00:00+08:00');
    expect(code).toBe(0);
    expect(report.closed).toEqual([]);
    expect(report.alreadyDone.map((x: Item) => x.id)).toEqual([CHECK]);
    expect(actionFiles()).toEqual(before);
  });

  it('the morning brief lists the open items, not the closed one', () => {
    const { code, report } = json(
      ['schedule', '--brief', '2026-11-20', '--pool', join(FIXTURES, 'selection.xlsx'), '-o', 'out/', '--force'],
      '2026-11-20T09:30:00+08:00',
    );
    expect(code).toBe(0);
    expect(report.risks.items.map((x: Item) => [x.id, x.ownerLabel, x.due, x.status])).toEqual([
      [CONVERSION, '主播', ANCHOR_DUE, 'open'],
      [CLICK, '主播', ANCHOR_DUE, 'open'],
    ]);
    expect(report.summary).toContain('待办改进项 2 条（逾期 0 条）');
    // The workbook's own list is still read as before.
    expect(report.risks.openActions).toHaveLength(3);
  });

  it('the same retro again adds no item and does not reopen the closed one', () => {
    const r = run(['retro', SESSION, '-o', 'out/', '--force'], '2026-11-21T10:00:00+08:00');
    expect(r.code, r.stderr).toBe(0);
    const all = itemsOf(json(['actions', '--all'], '2026-11-21T10:00:00+08:00').report);
    expect(all.map((x) => [x.id, x.status, x.streams]).sort()).toEqual(
      [
        [CONVERSION, 'open', 1],
        [CLICK, 'open', 1],
        [CHECK, 'done', 1],
      ].sort(),
    );
  });

  it('the weekly report carries the items open at the week’s end', () => {
    const { report } = json(
      ['retro', '--weekly', join(FIXTURES, 'week-2026-W47'), '--week', '2026-W47', '-o', 'out/', '--force'],
      '2026-11-30T07:00:00+08:00',
    );
    expect(report.openItems.map((x: Item & { carriedOver: boolean }) => [x.id, x.status, x.carriedOver])).toEqual([
      [CONVERSION, 'open', false],
      [CLICK, 'open', false],
    ]);
    expect(report.history).toMatchObject({ skipped: [] });
  });
});

describe('without a history, and with a damaged file', () => {
  it('--no-history: exit 2, saying the items live in the history', () => {
    const r = run(['actions', '--no-history'], '2026-11-20T10:00:00+08:00');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no history this run');
  });

  it('a damaged file is named in the summary of actions and of the brief, never a crash', () => {
    const retroFile = actionFiles().find((f) => f.includes(`account=${ACCOUNT}`))!;
    writeFileSync(retroFile, 'not parquet');
    const r = run(['actions', '--all'], '2026-11-21T10:00:00+08:00');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toContain('历史文件已跳过');
    const brief = run(
      ['schedule', '--brief', '2026-11-20', '--pool', join(FIXTURES, 'selection.xlsx'), '-o', 'out/', '--force'],
      '2026-11-20T09:30:00+08:00',
    );
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain('历史文件已跳过');
  });
});

describe('a history that cannot be written', () => {
  it('actions done: exit 4 naming the folder, the item stays open', () => {
    const own = tempDir();
    try {
      const h = join(own.dir, 'history');
      const env = { LIVEOPS_HISTORY: h, LIVEOPS_NOW: '2026-11-20T09:00:00+08:00' };
      expect(liveops(['retro', SESSION, '-o', `${own.dir}/`], { cwd: own.dir, env }).code).toBe(0);
      const dir = join(h, 'actions', 'platform=douyin', `account=${ACCOUNT}`, 'month=2026-11');
      chmodSync(dir, 0o555);
      // root writes anywhere: without its override of file permissions it meets the folder as a user would.
      const prefix =
        process.getuid?.() === 0
          ? ['setpriv', '--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search']
          : undefined;
      const r = liveops(['actions', 'done', CHECK], { cwd: own.dir, env, ...(prefix ? { prefix } : {}) });
      chmodSync(dir, 0o755);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toContain(`cannot write ${dir}`);
      const after = JSON.parse(liveops(['--json', 'actions'], { cwd: own.dir, env }).stdout);
      expect(itemsOf(after).map((x) => x.id)).toContain(CHECK);
    } finally {
      own.cleanup();
    }
  });
});
