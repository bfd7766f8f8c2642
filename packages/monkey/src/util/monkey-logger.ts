/** The subset of `console` the monkey logs through; pass your own logger in the options. */
export interface MonkeyLogger {
  info(message: string): void;
  warn(message: string): void;
}
