/**
 * What a command does once its workbook's charts are drawn: keep what came of it in the report
 * (`--json` charts), and say so when no Chinese font was found to draw their labels.
 */
import type { Lang } from '../format.js';
import { noChineseFontText } from '../i18n/messages.js';
import type { ChartsDrawn } from '../io/write/xlsx-template.js';
import { logger, type Terminal } from './terminal.js';

export function chartsDrawn(term: Terminal, lang: Lang, keep: (drawn: ChartsDrawn) => void) {
  return (drawn: ChartsDrawn): void => {
    keep(drawn);
    if (drawn.cjkFont === false) logger(term).warn(noChineseFontText(lang));
  };
}
