/** Reading back the model a liveops workbook carries (see ../own-model.ts). */
import { InputError } from '../../errors.js';
import { MODEL_SHEET, modelFromRows } from '../own-model.js';
import { openRawSource } from './raw.js';

/**
 * The model of a workbook liveops wrote, checked to be of `kind` (retro, schedule…). A workbook
 * without one (another program's, or liveops's before it carried its model) is an InputError
 * saying what to do.
 */
export async function readOwnModel(
  file: string,
  shown: string,
  kind: string,
  remedy: string,
): Promise<Record<string, unknown>> {
  const source = await openRawSource(file);
  for await (const sheet of source.sheets) {
    if (sheet.name !== MODEL_SHEET) continue;
    const rows: unknown[][] = [];
    for await (const r of sheet.rows) rows.push(r.cells);
    const found = modelFromRows(rows);
    if (!found)
      throw new InputError(
        { file: shown, sheet: MODEL_SHEET },
        'the data liveops keeps in this workbook is damaged; ' + remedy,
      );
    if (found.kind !== kind)
      throw new InputError({ file: shown }, `is a ${found.kind} workbook written by liveops, not a ${kind}; ${remedy}`);
    return found.model;
  }
  throw new InputError(
    { file: shown },
    `is not a ${kind} workbook written by liveops (or one written before liveops kept its data in it); ${remedy}`,
  );
}
