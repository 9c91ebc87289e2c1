/**
 * The history on disk: a partitioned Parquet dataset, `<root>/<table>/platform=…/account=…/month=…/`,
 * one file per run and table and partition, never edited in place.
 *
 * - A run writes each file to a temp name and moves it into place (writeFileAtomic); the `runs`
 *   table's file goes last and is the commit: rows of a run without it (killed between two moves)
 *   are not read. Two runs at once never write the same file, so neither waits for the other.
 * - A run records one thing (a stream's retro, a week's selection…), named by its record key: a
 *   later run with the same key replaces it, by deleting the earlier files once its own are in
 *   place; a reader that still finds both (two runs of the same stream at once) keeps the later one.
 * - A file that cannot be read (damaged, truncated, not Parquet) is reported and skipped.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../write/atomic.js';
import {
  HISTORY_TABLES,
  PARTITION_KEYS,
  type HistoryColumn,
  type HistoryPart,
  type HistoryPartition,
  type HistoryRow,
  type HistoryTable,
  type SkippedFile,
} from '../../model/history.js';

/** What a run hands the store: its record key and its rows by table and partition. */
export interface RunToRecord {
  command: string;
  /** What the run records ("retro|douyin|山野|2026-11-18T19:58"): a later run with the same key replaces it. */
  recordKey: string;
  recordedAt: Date;
  version: string;
  inputs: string[];
  /** The partition the run's own `runs` row goes to. */
  partition: HistoryPartition;
  parts: HistoryPart[];
}

export interface Recorded {
  runId: string;
  files: string[];
  /** Files of earlier runs with the same record key, removed. */
  replaced: number;
}

export type { SkippedFile };

/** Rows of one file with its partition, as read. */
export interface ReadFile {
  file: string;
  partition: HistoryPartition;
  runId: string;
  rows: HistoryRow[];
}

/** `<12 hex of the record key>.<run id>.parquet`: the key's hash groups a record's files, the run id orders them. */
const FILE_NAME = /^([0-9a-f]{12})\.(\d{13}-[0-9a-f]{8})\.parquet$/;

export const recordHash = (key: string): string => createHash('sha1').update(key).digest('hex').slice(0, 12);

/**
 * A partition value as a folder name, Hive style: characters a path cannot hold, or that an engine
 * reads as syntax, are %XX-escaped (DuckDB and Spark unescape them); Chinese stays as it is.
 */
export function partitionValue(v: string): string {
  const s = v === '' ? '_' : v;
  // A leading dot or underscore would hide the folder from Hive-style readers (Spark skips _ and . folders).
  return [...s]
    .map((ch, i) =>
      /[\u0000-\u001f\u007f/\\:*?"<>|%=#\[\]{}^'`]/.test(ch) || (i === 0 && (ch === '.' || ch === '_'))
        ? [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
        : ch,
    )
    .join('');
}

export function partitionOfFolder(parts: string[]): HistoryPartition | null {
  const out: Partial<HistoryPartition> = {};
  if (parts.length !== PARTITION_KEYS.length) return null;
  for (let i = 0; i < parts.length; i++) {
    const [k, ...rest] = parts[i]!.split('=');
    if (k !== PARTITION_KEYS[i] || rest.length === 0) return null;
    try {
      out[k as keyof HistoryPartition] = decodeURIComponent(rest.join('='));
    } catch {
      return null;
    }
  }
  return out as HistoryPartition;
}

export function partitionDir(root: string, table: HistoryTable, p: HistoryPartition): string {
  return join(root, table, ...PARTITION_KEYS.map((k) => `${k}=${partitionValue(p[k])}`));
}

let lastMs = 0;

/**
 * A run's id orders runs as they were written: the wall clock when the run is recorded (not the run's
 * own clock, which a test or a back-dated run may fix), strictly increasing within a process, then
 * random hex so two processes in the same millisecond never share a file name.
 */
function newRunId(): string {
  lastMs = Math.max(Date.now(), lastMs + 1);
  return `${String(lastMs).padStart(13, '0')}-${randomBytes(4).toString('hex')}`;
}

async function toColumns(table: HistoryTable, rows: HistoryRow[]) {
  const columns: HistoryColumn[] = HISTORY_TABLES[table];
  const type = {
    string: 'STRING',
    double: 'DOUBLE',
    boolean: 'BOOLEAN',
    timestamp: 'TIMESTAMP',
    json: 'JSON',
  } as const;
  return columns.map((col) => ({
    name: col.name,
    type: type[col.type],
    data: rows.map((r) => cell(col, r[col.name])),
  }));
}

function cell(col: HistoryColumn, v: unknown): unknown {
  if (v === undefined || v === null) return null;
  switch (col.type) {
    case 'double':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'boolean':
      return Boolean(v);
    case 'timestamp': {
      const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
      return Number.isFinite(t) ? new Date(t) : null;
    }
    case 'json':
      return v;
    case 'string':
      return String(v);
  }
}

async function parquetBytes(table: HistoryTable, rows: HistoryRow[]): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const buf = parquetWriteBuffer({
    columnData: (await toColumns(table, rows)) as never,
    kvMetadata: [{ key: 'liveops.table', value: table }],
    createdBy: 'liveops',
  });
  return new Uint8Array(buf);
}

/**
 * Record one run: its files moved into place (the `runs` row last), then the earlier files of the
 * same record key removed. Returns the files written. A failed write is a WriteError naming the path.
 */
export async function recordRun(root: string, run: RunToRecord): Promise<Recorded> {
  const runId = newRunId();
  const hash = recordHash(run.recordKey);
  const name = `${hash}.${runId}.parquet`;
  const stamp = { run_id: runId, record_key: run.recordKey };
  const runsPart: HistoryPart = {
    table: 'runs',
    partition: run.partition,
    rows: [{ command: run.command, recorded_at: run.recordedAt, version: run.version, inputs: run.inputs }],
  };
  const files: string[] = [];
  for (const part of [...run.parts.filter((p) => p.rows.length > 0), runsPart]) {
    const dir = partitionDir(root, part.table, part.partition);
    const bytes = await parquetBytes(
      part.table,
      part.rows.map((r) => ({ ...r, ...stamp })),
    );
    files.push(await writeFileAtomic(join(dir, name), bytes));
  }
  let replaced = 0;
  // Earlier runs of the same record: a record's key fixes its partitions (a stream's account and
  // month), so they are in these partitions of any table (an earlier run may have had rows in a
  // table this one has none in).
  const partitions = new Map(
    run.parts.concat(runsPart).map((p) => [PARTITION_KEYS.map((k) => p.partition[k]).join('\u0000'), p.partition]),
  );
  for (const table of Object.keys(HISTORY_TABLES) as HistoryTable[]) {
    for (const partition of partitions.values()) {
      const dir = partitionDir(root, table, partition);
      for (const n of await readdir(dir).catch(() => [] as string[])) {
        const m = FILE_NAME.exec(n);
        if (!m || m[1] !== hash || m[2]! >= runId) continue;
        await unlink(join(dir, n)).then(
          () => replaced++,
          () => undefined,
        );
      }
    }
  }
  return { runId, files, replaced };
}

/** The partition folders of a table (three levels down), or none when it has no rows yet. */
async function folders(tableDir: string): Promise<string[]> {
  let level = [tableDir];
  for (let depth = 0; depth < PARTITION_KEYS.length; depth++) {
    const next: string[] = [];
    for (const d of level) {
      const entries = await readdir(d, { withFileTypes: true }).catch(() => []);
      for (const e of entries)
        if (e.isDirectory() && e.name.startsWith(`${PARTITION_KEYS[depth]}=`)) next.push(join(d, e.name));
    }
    level = next;
  }
  return level;
}

export interface ReadFilter {
  platform?: string | undefined;
  account?: string | undefined;
  /** Months to read ("2026-11"); all when omitted. */
  months?: string[] | undefined;
}

/** Per record key (its hash), the latest run that committed (its `runs` file is in place). */
export async function committedRuns(root: string): Promise<Map<string, string>> {
  const latest = new Map<string, string>();
  for (const dir of await folders(join(root, 'runs')))
    for (const n of await readdir(dir).catch(() => [] as string[])) {
      const m = FILE_NAME.exec(n);
      if (m && m[2]! > (latest.get(m[1]!) ?? '')) latest.set(m[1]!, m[2]!);
    }
  return latest;
}

/**
 * The files of a table, one at a time (bounded memory: a file is one run's rows of one partition),
 * the latest run per record; damaged files and files of runs that never committed go to `skipped`.
 */
export async function* readTable(
  root: string,
  table: HistoryTable,
  filter: ReadFilter,
  skipped: SkippedFile[],
  committed?: Map<string, string>,
): AsyncGenerator<ReadFile> {
  const done = committed ?? (await committedRuns(root));
  const { parquetReadObjects } = await import('hyparquet');
  for (const dir of await folders(join(root, table))) {
    const partition = partitionOfFolder(dir.slice(join(root, table).length + 1).split(/[\\/]/));
    if (!partition) continue;
    if (filter.platform !== undefined && partition.platform !== filter.platform) continue;
    if (filter.account !== undefined && partition.account !== filter.account) continue;
    if (filter.months && !filter.months.includes(partition.month)) continue;
    const names: string[] = [];
    for (const n of (await readdir(dir).catch(() => [] as string[])).sort()) {
      const m = FILE_NAME.exec(n);
      if (!m) continue;
      const latest = done.get(m[1]!);
      // A run that never committed (being written, or killed before its runs file) is not read;
      // an earlier run of a record a later one replaced is not either.
      if (latest === undefined || m[2]! > latest) {
        // One being written now is no news; one left for a minute was killed.
        const st = await stat(join(dir, n)).catch(() => null);
        if (st && Date.now() - st.mtimeMs > 60_000)
          skipped.push({ file: join(dir, n), reason: 'incomplete run (killed before it finished): not read' });
        continue;
      }
      if (m[2] === latest) names.push(n);
    }
    for (const n of names) {
      const file = join(dir, n);
      try {
        const bytes = await readFile(file);
        const rows = (await parquetReadObjects({
          file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
        })) as HistoryRow[];
        yield { file, partition, runId: FILE_NAME.exec(n)![2]!, rows };
      } catch (e) {
        skipped.push({ file, reason: `cannot be read: ${(e as Error).message.split('\n')[0]}` });
      }
    }
  }
}

/** Every row of a table (with its partition's values), for the small tables and tests. */
export async function readAll(
  root: string,
  table: HistoryTable,
  filter: ReadFilter,
  skipped: SkippedFile[],
): Promise<Array<HistoryRow & HistoryPartition>> {
  const out: Array<HistoryRow & HistoryPartition> = [];
  for await (const f of readTable(root, table, filter, skipped))
    for (const r of f.rows) out.push({ ...r, ...f.partition } as HistoryRow & HistoryPartition);
  return out;
}
