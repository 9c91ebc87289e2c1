import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';

/** Await `p`, expect it to reject with an InputError, and return that error for more checks. */
export async function inputError(p: Promise<unknown>): Promise<InputError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}
