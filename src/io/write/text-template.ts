/**
 * Text outputs (Markdown summaries, script drafts) from eta templates a team can edit. Values are
 * made inert for Markdown (markdownText: look-alikes, no backslashes, which chat apps show as
 * written); the model is read through a strict view so a misspelt field is an error naming the
 * line, not a silent "undefined".
 */
import { InputError } from '../../errors.js';
import { htmlText, markdownText } from '../../text-safety.js';
import { strictView, UnknownFieldError } from './model-path.js';

/** A value as it shows itself in Markdown, in a line, a list item or a table cell (`<%= … %>`). */
export function escapeMarkdown(v: unknown): string {
  if (v === null || v === undefined) return '';
  return markdownText(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
}

/** A value as it shows itself in HTML text or a quoted attribute (`<%= … %>` in an .html.eta template). */
export function escapeHtml(v: unknown): string {
  if (v === null || v === undefined) return '';
  return htmlText(typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v));
}

export interface TextTemplateHelpers {
  [name: string]: (...args: never[]) => unknown;
}

/**
 * Render `template` (eta syntax: `<%= it.summary.gmv %>` escaped, `<%~ … %>` raw, `<% … %>` code;
 * `-%>` drops the line break after a tag) with `model` as `it` and `helpers` as `it.h`.
 */
export async function renderTextTemplate(
  template: string,
  model: object,
  opts: { file: string; helpers?: object; escape?: 'markdown' | 'html' },
): Promise<string> {
  const { Eta } = await import('eta');
  // No automatic trimming: output tags keep their line breaks; control lines end with `-%>`.
  const eta = new Eta({
    autoEscape: true,
    escapeFunction: opts.escape === 'html' ? escapeHtml : escapeMarkdown,
    debug: true,
    autoTrim: false,
    useWith: false,
  });
  try {
    const fn = eta.compile(template);
    return fn.call(eta, strictView({ ...model, h: opts.helpers ?? {} }), { filepath: opts.file }) as string;
  } catch (e) {
    const err = e as Error & { cause?: unknown };
    // eta wraps runtime errors (EtaRuntimeError, cause = ours) and puts "file:line" first.
    const root = err.cause instanceof Error ? err.cause : err;
    const isEta = err.constructor.name.startsWith('Eta');
    if (isEta || root instanceof UnknownFieldError) {
      const m = /^(?:line (\d+)|.*?:(\d+))\s*\n/.exec(err.message);
      const line = m?.[1] ?? m?.[2];
      const where = line ? { file: opts.file, row: Number(line) } : { file: opts.file };
      const cause =
        root instanceof UnknownFieldError
          ? `unknown placeholder: the report has no field "${root.path}"${root.available.length ? ` (fields there: ${root.available.slice(0, 15).join(', ')})` : ''}`
          : (root.message.split('\n\n').pop() ?? root.message);
      throw new InputError(where, `template: ${cause}`);
    }
    throw e;
  }
}
