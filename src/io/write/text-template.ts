/**
 * Text outputs (Markdown summaries, script drafts) from eta templates a team can edit. Values are
 * escaped for Markdown; the model is read through a strict view so a misspelt field is an error
 * naming the line, not a silent "undefined".
 */
import { InputError } from '../../errors.js';
import { strictView, UnknownFieldError } from './model-path.js';

/** Escape text so it shows as itself in Markdown, also inside a table cell. */
export function escapeMarkdown(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    // Only at the start of a line do these begin a heading, list or quote.
    .replace(/^([#+\-=>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export interface TextTemplateHelpers {
  [name: string]: (...args: never[]) => unknown;
}

/**
 * Render `template` (eta syntax: `<%= it.summary.gmv %>` escaped, `<%~ … %>` raw, `<% … %>` code)
 * with `model` as `it` and `helpers` as `h`.
 */
export async function renderTextTemplate(
  template: string,
  model: object,
  opts: { file: string; helpers?: object },
): Promise<string> {
  const { Eta } = await import('eta');
  const eta = new Eta({ autoEscape: true, escapeFunction: escapeMarkdown, debug: true, autoTrim: [false, 'nl'], useWith: false });
  try {
    const fn = eta.compile(template);
    return fn.call(eta, strictView({ ...model, h: opts.helpers ?? {} })) as string;
  } catch (e) {
    const err = e as Error;
    const line = /^line (\d+)/.exec(err.message)?.[1];
    const cause = err.message.split('\n\n').pop() ?? err.message;
    const where = line ? { file: opts.file, row: Number(line) } : { file: opts.file };
    if (err.name === 'EtaParseError' || err.name === 'EtaRuntimeError' || e instanceof UnknownFieldError) {
      throw new InputError(where, `template: ${cause.replace(/^unknown field/, 'unknown placeholder: the report has no field')}`);
    }
    throw e;
  }
}
