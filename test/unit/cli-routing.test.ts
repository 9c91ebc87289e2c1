/**
 * argv → which command runs, with which options: the routing of flags, tested without spawning
 * (every command module is mocked, as changesets tests its CLI). What each command then does is
 * tested by its own tests and end to end.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const run = vi.hoisted(() => ({
  runInspect: vi.fn(async () => 0),
  runRetro: vi.fn(async () => 0),
  runWeekly: vi.fn(async () => 0),
  runBrief: vi.fn(async () => 0),
  runSchedule: vi.fn(async () => 0),
  runScript: vi.fn(async () => 0),
  runScriptLint: vi.fn(async () => 0),
  runSelect: vi.fn(async () => 0),
  runKpi: vi.fn(async () => 0),
  runInit: vi.fn(async () => 0),
  runActions: vi.fn(async () => 0),
  runActionsDone: vi.fn(async () => 0),
}));
vi.mock('../../src/commands/inspect/index.js', () => ({ runInspect: run.runInspect }));
vi.mock('../../src/commands/retro/index.js', () => ({ runRetro: run.runRetro }));
vi.mock('../../src/commands/weekly/index.js', () => ({ runWeekly: run.runWeekly }));
vi.mock('../../src/commands/brief/index.js', () => ({ runBrief: run.runBrief }));
vi.mock('../../src/commands/schedule/index.js', () => ({ runSchedule: run.runSchedule }));
vi.mock('../../src/commands/script/index.js', () => ({ runScript: run.runScript }));
vi.mock('../../src/commands/script-lint/index.js', () => ({ runScriptLint: run.runScriptLint }));
vi.mock('../../src/commands/select/index.js', () => ({ runSelect: run.runSelect }));
vi.mock('../../src/commands/kpi/index.js', () => ({ runKpi: run.runKpi }));
vi.mock('../../src/commands/init/index.js', () => ({ runInit: run.runInit }));
vi.mock('../../src/commands/actions/index.js', () => ({
  runActions: run.runActions,
  runActionsDone: run.runActionsDone,
}));

const { buildProgram } = await import('../../src/cli.js');

beforeEach(() => {
  for (const f of Object.values(run)) f.mockClear();
});
afterEach(() => {
  process.exitCode = undefined;
});

/** Parse `args` as `liveops args…` would; the one command module called and what it was given. */
async function routed(
  args: string,
): Promise<{ called: string; ctx: Record<string, unknown>; opts: Record<string, unknown> }> {
  const program = buildProgram();
  program.exitOverride();
  await program.parseAsync(['node', 'liveops', ...args.split(' ').filter(Boolean)]);
  const called = Object.entries(run).filter(([, f]) => f.mock.calls.length > 0);
  expect(called.map(([name]) => name)).toHaveLength(1);
  const [name, f] = called[0]!;
  const [ctx, opts] = f.mock.calls[0] as unknown as [Record<string, unknown>, Record<string, unknown>];
  return { called: name, ctx, opts };
}

describe('argv → the command and its options', () => {
  it.each([
    ['inspect a.csv b.xlsx', 'runInspect', { files: ['a.csv', 'b.xlsx'], fields: false }],
    ['inspect --fields', 'runInspect', { files: [], fields: true }],
    ['retro s.xlsx c.csv', 'runRetro', { files: ['s.xlsx', 'c.csv'], baseline: [], baselineCount: 7, mask: true }],
    [
      'retro s.xlsx --baseline l1.xlsx l2.xlsx --no-mask',
      'runRetro',
      { files: ['s.xlsx'], baseline: ['l1.xlsx', 'l2.xlsx'], mask: false },
    ],
    ['retro --weekly exports/ --week 2026-W47', 'runWeekly', { inputs: ['exports/'], week: '2026-W47' }],
    [
      'retro --weekly exports/ --since 2026-11-16 --until 2026-11-22',
      'runWeekly',
      { inputs: ['exports/'], since: '2026-11-16', until: '2026-11-22' },
    ],
    ['schedule --month 2026-12 --pool 选品表.xlsx', 'runSchedule', { month: '2026-12', pool: ['选品表.xlsx'] }],
    ['schedule --brief', 'runBrief', { date: true, pool: [], baseline: [] }],
    ['schedule --brief 2026-12-05 --pool p.xlsx', 'runBrief', { date: '2026-12-05', pool: ['p.xlsx'] }],
    [
      'script --date 2026-12-03 --schedule s.xlsx --pool p.xlsx',
      'runScript',
      { date: '2026-12-03', schedule: 's.xlsx', pool: ['p.xlsx'] },
    ],
    ['script lint a.md b.md --pool p.xlsx', 'runScriptLint', { files: ['a.md', 'b.md'], pool: ['p.xlsx'] }],
    ['select wk/ --pool p.xlsx --week 2026-W47', 'runSelect', { inputs: ['wk/'], pool: ['p.xlsx'], week: '2026-W47' }],
    ['kpi kpi.xlsx --month 2026-11', 'runKpi', { file: 'kpi.xlsx', month: '2026-11' }],
    ['init team', 'runInit', { dir: 'team' }],
    ['actions', 'runActions', { all: false }],
    [
      'actions --owner 主播 --account 山野户外旗舰店 --all',
      'runActions',
      { owner: '主播', account: '山野户外旗舰店', all: true },
    ],
  ] as Array<[string, string, Record<string, unknown>]>)('liveops %s → %s', async (args, name, opts) => {
    const r = await routed(args);
    expect(r.called).toBe(name);
    expect(r.opts).toMatchObject(opts);
  });

  it('actions done takes the ids, and global options after them', async () => {
    const r = await routed('actions done A0188aud A18vh8dm --json');
    expect(r.called).toBe('runActionsDone');
    expect(r.opts).toEqual(['A0188aud', 'A18vh8dm']);
    expect(r.ctx).toMatchObject({ json: true });
  });

  it("script lint takes --pool given before lint (script's own) and after it, merged", async () => {
    const r = await routed('script --pool a.xlsx lint x.md --pool b.xlsx');
    expect(r.opts).toMatchObject({ files: ['x.md'] });
    expect([...(r.opts.pool as string[])].sort()).toEqual(['a.xlsx', 'b.xlsx']);
  });

  it('global options reach the context wherever they stand: --json, -o, --force, --lang', async () => {
    const r = await routed('--json retro s.xlsx -o out/ --force --lang en');
    expect(r.ctx).toMatchObject({ json: true, out: 'out/', force: true, lang: 'en' });
  });

  it('a retro flag that belongs to --weekly alone is a usage error, and nothing runs', async () => {
    const program = buildProgram();
    program.exitOverride();
    await expect(program.parseAsync(['node', 'liveops', 'retro', 's.xlsx', '--week', '2026-W47'])).rejects.toThrow(
      '--week, --since, --until and --from-history go with --weekly',
    );
    expect(Object.values(run).every((f) => f.mock.calls.length === 0)).toBe(true);
  });

  it("the command's exit code becomes the process exit code", async () => {
    run.runSelect.mockResolvedValueOnce(3);
    await routed('select wk/');
    expect(process.exitCode).toBe(3);
  });
});
