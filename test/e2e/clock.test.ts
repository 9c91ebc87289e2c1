/**
 * One Shanghai clock, end to end: the default week and month are Beijing's whatever the machine's
 * zone (TZ), and a report on a period not over yet says so in its title, its log line and --json.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, liveops, tempDir } from './run.js';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const WEEK = join(FIXTURES, 'week-2026-W47');
const KPI = join(FIXTURES, 'kpi-2026-11.xlsx');

describe.each(['Asia/Shanghai', 'America/Los_Angeles', 'UTC'])('on a machine set to %s', (TZ) => {
  const dir = (name: string) => join(tmp.dir, `${TZ.replace('/', '-')}-${name}`);

  it('Monday 00:30 in Beijing: the cron job reports W47, the week just ended, as finished', () => {
    const r = liveops(['--json', 'retro', '--weekly', WEEK, '-o', `${dir('w')}/`], {
      env: { TZ, LIVEOPS_NOW: '2026-11-23T00:30:00+08:00' },
    });
    expect([0, 3]).toContain(r.code);
    const report = JSON.parse(r.stdout);
    expect(report.week.id).toBe('2026-W47');
    expect(report.unfinished).toBeNull();
    expect(r.stderr).toMatch(/^liveops weekly 2026-W47: /m);
  });

  it('Friday of W47: the report on W47 is unfinished, in its title, log line and --json', () => {
    const env = { TZ, LIVEOPS_NOW: '2026-11-20T10:00:00+08:00' };
    const r = liveops(['retro', '--weekly', WEEK, '--week', '2026-W47', '-o', `${dir('u')}/`], { env });
    expect(r.stdout.split('\n')[0]).toMatch(/2026-W47 .*（未完结：数据截至 2026-11-20）$/);
    expect(r.stderr).toMatch(/^liveops weekly 2026-W47 \(not finished: figures up to 2026-11-20\): /m);
    const j = liveops(['--json', 'select', WEEK, '--week', '2026-W47', '-o', `${dir('s')}/`], { env });
    expect(JSON.parse(j.stdout).unfinished).toEqual({ asOf: '2026-11-20' });
  });

  it('KPI on the evening of 30 Nov in Beijing: November is not over yet; on 1 Dec it is', () => {
    const on30 = liveops(['--json', 'kpi', '--month', '2026-11', KPI, '-o', `${dir('k30')}/`], {
      env: { TZ, LIVEOPS_NOW: '2026-11-30T20:30:00+08:00' },
    });
    expect(JSON.parse(on30.stdout).unfinished).toEqual({ asOf: '2026-11-30' });
    const on1 = liveops(['--json', 'kpi', '--month', '2026-11', KPI, '-o', `${dir('k1')}/`], {
      env: { TZ, LIVEOPS_NOW: '2026-12-01T00:10:00+08:00' },
    });
    expect(JSON.parse(on1.stdout)).toMatchObject({ unfinished: null, periodNote: '' });
  });

  it('KPI of a month that has not begun in Beijing is refused', () => {
    const r = liveops(['kpi', '--month', '2026-12', KPI, '-o', `${dir('k12')}/`], {
      env: { TZ, LIVEOPS_NOW: '2026-11-30T20:30:00+08:00' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--month 2026-12: that month has not begun yet \(it is 2026-11 in Beijing\)/);
  });
});
