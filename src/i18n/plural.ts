/**
 * English counts with their noun in the right number: "1 stream", "2 streams", "0 streams".
 * Chinese needs none (一场, 两场): its texts keep their measure words.
 */

/** `n` and the noun for it: counted(1, 'stream') → "1 stream"; an irregular plural is given: counted(2, 'person', 'people'). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
