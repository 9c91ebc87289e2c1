/**
 * The Chinese fonts a PNG chart is drawn with. An SVG names its fonts and lets the viewer find
 * them; a PNG is drawn here, so the fonts must be found here. Without one, Chinese labels come out
 * as boxes (or not at all): the caller is told, and tells the user which package to install.
 *
 * Known places are looked at first (no process started); on Linux `fc-list :lang=zh` is asked
 * after that, for fonts installed elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { win32 } from 'node:path';

export interface CjkFont {
  file: string;
  /** The family name inside the file, which the renderer matches the SVG's font-family against. */
  family: string;
}

/** Where to look, and how: the real system by default, a made-up one in tests. */
export interface FontSearch {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
  /** `fc-list :lang=zh` as "file\tfamily" lines, or null when fontconfig is not there. */
  fcList(): string | null;
}

type Known = readonly [file: string, family: string];

// Regular before Bold: the first file's family becomes the default; Bold gives titles real weight.
const LINUX: readonly Known[] = [
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'], // Debian, Ubuntu: fonts-noto-cjk
  ['/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', 'Noto Sans CJK SC'],
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'], // Arch: noto-fonts-cjk
  ['/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', 'Noto Sans CJK SC'],
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', 'Noto Sans CJK SC'], // Fedora
  ['/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc', 'Noto Sans CJK SC'],
  ['/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'], // Debian: fonts-wqy-zenhei
  ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', 'WenQuanYi Micro Hei'],
  ['/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc', 'WenQuanYi Zen Hei'],
];

const MACOS: readonly Known[] = [
  ['/System/Library/Fonts/PingFang.ttc', 'PingFang SC'],
  ['/System/Library/Fonts/Hiragino Sans GB.ttc', 'Hiragino Sans GB'],
  ['/System/Library/Fonts/STHeiti Light.ttc', 'Heiti SC'],
  ['/System/Library/Fonts/STHeiti Medium.ttc', 'Heiti SC'],
  ['/Library/Fonts/Arial Unicode.ttf', 'Arial Unicode MS'],
  ['/System/Library/Fonts/Supplemental/Arial Unicode.ttf', 'Arial Unicode MS'],
];

const WINDOWS: readonly (readonly [name: string, family: string])[] = [
  ['msyh.ttc', 'Microsoft YaHei'],
  ['msyhbd.ttc', 'Microsoft YaHei'],
  ['simhei.ttf', 'SimHei'],
  ['Deng.ttf', 'DengXian'],
  ['simsun.ttc', 'SimSun'],
];

function knownFiles(search: FontSearch): readonly Known[] {
  switch (search.platform) {
    case 'darwin':
      return MACOS;
    case 'win32': {
      const dir = win32.join(search.env['WINDIR'] ?? search.env['SystemRoot'] ?? 'C:\\Windows', 'Fonts');
      return WINDOWS.map(([name, family]) => [win32.join(dir, name), family] as const);
    }
    default:
      return LINUX;
  }
}

/**
 * fc-list's "file\tfamily[,family…]" lines (one per face: a .ttc repeats its file) → one font per
 * file, named by its simplified-Chinese family where it has one; sans before serif and monospace.
 */
export function parseFcList(out: string): CjkFont[] {
  const families = new Map<string, string[]>();
  for (const line of out.split('\n')) {
    const [file, names] = line.split('\t');
    if (!file?.trim() || !names) continue;
    const list = families.get(file.trim()) ?? [];
    list.push(
      ...names
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    );
    families.set(file.trim(), list);
  }
  const plain = (f: string) => !/mono/i.test(f);
  const fonts: CjkFont[] = [];
  for (const [file, names] of families) {
    const family = names.find((f) => plain(f) && /\bSC\b|GB|YaHei/.test(f)) ?? names.find(plain) ?? names[0];
    if (family) fonts.push({ file, family });
  }
  const rank = (f: CjkFont) =>
    /serif|song|ming|kai/i.test(`${f.family} ${f.file}`) ? 2 : /mono/i.test(f.family) ? 1 : 0;
  return fonts.sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
}

/** The CJK fonts on this system, the default family's first; empty when there is none. */
export function findCjkFonts(search: FontSearch = systemFontSearch()): CjkFont[] {
  const known = knownFiles(search)
    .filter(([file]) => search.exists(file))
    .map(([file, family]) => ({ file, family }));
  if (known.length > 0) return known;
  const listed = search.platform === 'win32' ? null : search.fcList();
  return listed ? parseFcList(listed) : [];
}

export function systemFontSearch(): FontSearch {
  return {
    platform: process.platform,
    env: process.env,
    exists: (file) => existsSync(file),
    fcList: () => {
      try {
        return execFileSync('fc-list', [':lang=zh', '--format', '%{file}\\t%{family}\\n'], {
          encoding: 'utf8',
          timeout: 5000,
          stdio: ['ignore', 'pipe', 'ignore'],
        });
      } catch {
        return null; // no fontconfig: then there are no fonts it knows of either
      }
    },
  };
}
