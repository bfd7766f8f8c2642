/**
 * Smallest and largest of many numbers without spreading them into Math.min/max, which overflows
 * the call stack past ~100k arguments (a long continuous run has that many samples).
 */
export function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return { min, max };
}
