/** What `history import` and `history info` report (their --json), apart from the code that makes them. */
import type { HistoryNote, HistoryTable, SkippedFile } from '../../model/history.js';

export interface ImportedAccount {
  platform: string;
  account: string;
  /** Streams of the account in the files. */
  streams: number;
  months: string[];
  /** Of them, streams the history already had from an import: their record was replaced. */
  replaced: number;
  /** Of them, streams the history has a retro of: the retro's figures stay what the history gives. */
  retro: number;
}

export interface ImportReport {
  command: 'history import';
  history: HistoryNote;
  files: Array<{ file: string; streams: number }>;
  accounts: ImportedAccount[];
  streams: number;
  skipped: Array<{ file: string; reason: string }>;
  warnings: string[];
}

export interface InfoReport {
  command: 'history info';
  dir: string;
  exists: boolean;
  tables: Array<{ table: HistoryTable; files: number; rows: number }>;
  /** Streams, one per stream (an imported stream retro'd later is one). */
  streams: number;
  accounts: Array<{ platform: string; account: string; streams: number; months: string[] }>;
  months: string[];
  skipped: SkippedFile[];
}
