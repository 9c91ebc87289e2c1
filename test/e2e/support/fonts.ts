/**
 * What a run that draws charts (an xlsx with its 图表 sheet) says on stderr about fonts on this
 * machine: nothing where a Chinese font is installed, else the one warning that names the package
 * to install. Tests of the stderr log line expect exactly these lines before it, so `npm test`
 * holds on a machine with Node alone as on one with fonts-noto-cjk.
 */
import { noChineseFontText } from '../../../src/i18n/messages.js';
import { findCjkFonts } from '../../../src/io/write/charts/fonts.js';

export function chartFontLines(lang: 'zh' | 'en' = 'zh'): string[] {
  return findCjkFonts().length > 0 ? [] : [`liveops: warning: ${noChineseFontText(lang)}`];
}
