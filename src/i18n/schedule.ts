/**
 * The words of the schedule (排期表): the team stage and its hint, weekday and stream-type labels,
 * members' themes, why a product is left out, what the plan could not do, who is an anchor or an
 * assistant, the month calendar's (月历) days; and the schedule command's prompts and summary. The domain's plan (codes and
 * numbers) in, the plan the command prints with --json and writes out.
 */
import type { Exclusion, SchedulePlan, ScheduleProblem, Stage, StreamTheme } from '../domain/schedule/plan.js';
import { monthCalendar, type CalendarDay } from '../domain/schedule/calendar.js';
import type { StreamType } from '../config/schedule-section.js';
import { ROLE_LABELS, ROLE_SOURCE_LABELS, type Lang } from './labels.js';
import { PRODUCT_ROLE_LABELS } from './product-roles.js';
import { counted } from './plural.js';

const STAGE_TEXT: Record<Stage, { zh: string; en: string; hintZh: string; hintEn: string }> = {
  startup: {
    zh: '初创期',
    en: 'startup',
    hintZh: '单账号、每月≤10场：岗位合并——运营兼场控，主播兼助播',
    hintEn:
      'one account, ≤ 10 streams a month: merge roles — operations also runs floor control, the anchor also assists',
  },
  growth: {
    zh: '成长期',
    en: 'growth',
    hintZh: '多账号、每月10–30场：设专职选品、运营、主播、数据岗位',
    hintEn: 'several accounts, 10–30 streams a month: dedicated selection, operations, anchor and data roles',
  },
  mature: {
    zh: '成熟期',
    en: 'mature',
    hintZh: '账号矩阵、每月≥30场：增设供应链、合规法务、IP孵化',
    hintEn: 'account matrix, ≥ 30 streams a month: add supply chain, compliance/legal and IP incubation',
  },
};

const WEEKDAY_ZH = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** The stream types are codes in the playbook's words (日常场 …), so zh shows the code itself. */
const TYPE_EN: Record<StreamType, string> = {
  日常场: 'daily',
  专场: 'themed',
  品牌联名场: 'brand collab',
  会员专属场: 'members-only',
};

function themeText(t: StreamTheme | null, lang: Lang): string | null {
  if (t === null) return null;
  if (t.kind === 'given') return t.text;
  return lang === 'zh' ? `${t.category}会员复购日` : `${t.category} members' repurchase day`;
}

function exclusionText(x: Exclusion, lang: Lang): string {
  if (x.why === 'eliminated') return lang === 'zh' ? `在 ${x.week} 淘汰清单上` : `on the ${x.week} elimination list`;
  if (x.why === 'not-listed') return lang === 'zh' ? '尚未上架（无商品ID）' : 'not listed yet (no product ID)';
  return lang === 'zh' ? `库存 ${x.stock} 低于 ${x.threshold}` : `stock ${x.stock} below ${x.threshold}`;
}

function problemText(x: ScheduleProblem, lang: Lang): string {
  const zh = lang === 'zh';
  switch (x.kind) {
    case 'pool-short':
      return zh
        ? `选品池只有 ${x.available} 个可排的${x.role}，每场需要 ${x.needed} 个`
        : `the pool has ${counted(x.available, `${PRODUCT_ROLE_LABELS[x.role].en} product`)} to schedule; each stream needs ${x.needed}`;
    case 'no-anchor':
      return zh ? `${x.date} ${x.time}：没有可排的主播` : `${x.date} ${x.time}: no anchor available`;
    case 'no-assistant':
      return zh ? `${x.date} ${x.time}：没有可排的助播` : `${x.date} ${x.time}: no assistant available`;
  }
}

const WEEK_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type WeekKey = (typeof WEEK_KEYS)[number];
const MONTH_EN = 'January February March April May June July August September October November December'.split(' ');

interface CalendarStream {
  date: string;
  start: string;
  time: string;
  account: string | null;
  anchor: string | null;
  typeLabel: string;
  theme: string | null;
}

/** A calendar day's cell: its number and its streams' lines; a day outside the month has neither. */
export interface CalendarCell {
  date: string | null;
  day: number | null;
  inMonth: boolean;
  lines: string[];
}

/**
 * A stream on its calendar day: start time, type·theme and anchor — "20:00 专场·双12 · 阿杰" —
 * and, when the month streams on several accounts, the account on a line of its own under it (a
 * shop's name is long: within the line it would break mid-name).
 */
function calendarLines(s: CalendarStream, withAccount: boolean, lang: Lang): string[] {
  const what = `${s.time.split('-')[0]} ${s.typeLabel}${s.theme ? `·${s.theme}` : ''}`;
  const line = s.anchor ? `${what} · ${s.anchor}` : what;
  if (!withAccount || s.account === null) return [line];
  return [line, lang === 'zh' ? `（${s.account}）` : `(${s.account})`];
}

/** The month calendar (月历) in words: the month's name, and its weeks Monday to Sunday. */
export function localiseCalendar(month: string, streams: CalendarStream[], lang: Lang) {
  const withAccount = new Set(streams.map((s) => s.account)).size > 1;
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const cell = (d: CalendarDay<CalendarStream> | null): CalendarCell =>
    d === null
      ? { date: null, day: null, inMonth: false, lines: [] }
      : {
          date: d.date,
          day: d.day,
          inMonth: true,
          lines: d.streams.flatMap((s) => calendarLines(s, withAccount, lang)),
        };
  return {
    monthLabel: lang === 'zh' ? `${year}年${mon}月` : `${MONTH_EN[mon - 1]} ${year}`,
    /** "19 场", "19 streams", "1 stream": the title's count. */
    streamsLabel: scheduleText[lang].streams(streams.length),
    weeks: monthCalendar(month, streams).map(
      (week) => Object.fromEntries(week.map((d, i) => [WEEK_KEYS[i], cell(d)])) as Record<WeekKey, CalendarCell>,
    ),
  };
}

/** Where the month's target came from: given (flag or config), or the annual target's share. */
const MONTH_TARGET_SOURCES = {
  given: { zh: '指定', en: 'given' },
  annual: { zh: '按年度目标拆解', en: 'from the annual target' },
} as const;

/** The plan in words: labels beside their codes, in the order the --json and the templates have always had. */
export function localiseSchedule(plan: SchedulePlan, lang: Lang) {
  const zh = lang === 'zh';
  const { stage } = plan.stage;
  const streams = plan.streams.map((s) => ({
    no: s.no,
    id: s.id,
    date: s.date,
    weekday: s.weekday,
    weekdayLabel: zh ? WEEKDAY_ZH[s.weekday]! : WEEKDAY_EN[s.weekday]!,
    time: s.time,
    start: s.start,
    end: s.end,
    account: s.account,
    anchor: s.anchor,
    assistant: s.assistant,
    type: s.type,
    typeLabel: zh ? s.type : TYPE_EN[s.type],
    theme: themeText(s.theme, lang),
    products: s.products,
    productList: s.productList,
    benefit: s.benefit,
    giveaways: s.giveaways,
    gmvTarget: s.gmvTarget,
    rehearsal: s.rehearsal,
    retroDeadline: s.retroDeadline,
  }));
  return {
    month: plan.month,
    stage: {
      stage,
      label: STAGE_TEXT[stage][lang],
      streams: plan.stage.streams,
      hint: zh ? STAGE_TEXT[stage].hintZh : STAGE_TEXT[stage].hintEn,
    },
    targets: {
      ...plan.targets,
      monthSourceLabel:
        plan.targets.monthSource === null
          ? null
          : (MONTH_TARGET_SOURCES[plan.targets.monthSource as keyof typeof MONTH_TARGET_SOURCES]?.[lang] ??
            plan.targets.monthSource),
    },
    streams,
    /** The month calendar (月历): weeks Monday to Sunday, each day with its streams in words. */
    calendar: localiseCalendar(plan.month, streams, lang),
    members: plan.members,
    productPlan: plan.productPlan.map((p) => ({
      ...p,
      roleLabel: p.role === null ? null : PRODUCT_ROLE_LABELS[p.role][lang],
      roleSourceLabel: ROLE_SOURCE_LABELS[p.roleSource][lang],
    })),
    excluded: plan.excluded.map((x) => ({ name: x.name, reason: exclusionText(x, lang) })),
    /** The latest selection's eliminated products (from the history): left out, with the week of that selection. */
    eliminated: plan.eliminated,
    /** Streams whose rehearsal date has already passed, as of today in Beijing. */
    /** Today in Beijing, the day past rehearsals are counted from (null: not checked). */
    today: plan.today,
    pastRehearsals: plan.pastRehearsals.map((r) => ({ ...r, message: scheduleText[lang].pastRehearsal(r) })),
    staffing: plan.staffing.map((x) => ({
      name: x.name,
      role: x.role,
      roleLabel: ROLE_LABELS[x.role][lang],
      streams: x.streams,
    })),
    problems: plan.problems.map((x) => problemText(x, lang)),
    /** Filled by the command with the files it wrote. */
    outputs: [] as string[],
  };
}

export type LocalisedSchedule = ReturnType<typeof localiseSchedule>;

/** The schedule command's prompts and terminal summary. */
export const scheduleText = {
  zh: {
    askMonth: '排哪个月？（如 2026-12）',
    badMonth: '请输入 2026-12 这样的月份',
    askSlots: '每周哪几天、几点开播？（如 1,3,5@20:00-23:00，多个用 ; 分隔）',
    badSlots: '格式如 1,3,5@20:00-23:00 或 一三五@20:00-23:00',
    askTarget: (m: string) => `${m} 的 GMV 目标（元）？`,
    badTarget: '请输入大于 0 的金额',
    noStreams: (m: string) => `${m} 没有可排的场次：检查 schedule.slots 的星期和 schedule.special 的日期`,
    title: '直播排期表',
    streams: (n: number) => `${n} 场`,
    target: '月目标',
    stage: '团队阶段',
    problems: '需要处理：',
    wrote: '已写入',
    excluded: '未排入的商品：',
    eliminated: (week: string, names: string[]) => `按 ${week} 淘汰清单不排：${names.join('、')}`,
    eliminatedNone: (week: string) => `${week} 淘汰清单没有要剔除的商品`,
    pastRehearsals: '彩排日已过：',
    pastRehearsal: (r: { date: string; time: string; rehearsal: string }) =>
      `${r.date} ${r.time} 场的彩排日 ${r.rehearsal} 已过`,
  },
  en: {
    askMonth: 'Which month? (e.g. 2026-12)',
    badMonth: 'a month such as 2026-12',
    askSlots: 'Which weekdays and hours? (e.g. 1,3,5@20:00-23:00; several separated by ;)',
    badSlots: 'e.g. 1,3,5@20:00-23:00',
    askTarget: (m: string) => `GMV target for ${m} (CNY)?`,
    badTarget: 'an amount above 0',
    noStreams: (m: string) =>
      `no streams to schedule in ${m}: check the weekdays of schedule.slots and the dates of schedule.special`,
    title: 'Stream schedule',
    streams: (n: number) => counted(n, 'stream'),
    target: 'month target',
    stage: 'team stage',
    problems: 'To sort out:',
    wrote: 'wrote',
    excluded: 'Products left out:',
    eliminated: (week: string, names: string[]) => `left out as on the ${week} elimination list: ${names.join(', ')}`,
    eliminatedNone: (week: string) => `the ${week} elimination list leaves nothing out`,
    pastRehearsals: 'Rehearsal dates already past:',
    pastRehearsal: (r: { date: string; time: string; rehearsal: string }) =>
      `the ${r.date} ${r.time} stream's rehearsal date ${r.rehearsal} has passed`,
  },
};
