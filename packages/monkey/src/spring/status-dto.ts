import type { MonkeyStatus } from '../monkey/monkey-types.js';

/** java.time.Duration#toString: PT1H2M3.5S, PT0S. */
export function isoDuration(ms: number): string {
  if (ms <= 0) return 'PT0S';
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = (ms % 60_000) / 1000;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds ? `${Number(seconds.toFixed(3))}S` : ''}`;
}

/** Chaos Monkey for Spring Boot's human form: "1 hours 02 minutes 03 seconds". */
export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (hours > 0) return `${hours} hours ${two(minutes)} minutes ${two(seconds)} seconds`;
  if (minutes > 0) return `${minutes} minutes ${two(seconds)} seconds`;
  return `${total} seconds`;
}

/**
 * Status JSON: Spring Boot 3.x's ChaosMonkeyStatusResponseDto (`enabled`, `enabledAt` or
 * `disabledAt`, `enabledFor {raw, formatted}`) plus 2.x's `status` sentence, so clients of either
 * version find what they read.
 */
export function statusDto(
  status: MonkeyStatus,
  sentence: string,
  enabledForMs = status.enabledForMs,
): Record<string, unknown> {
  const dto: Record<string, unknown> = { status: sentence, enabled: status.enabled };
  if (status.enabledAt) dto.enabledAt = status.enabledAt.toISOString();
  if (status.disabledAt) dto.disabledAt = status.disabledAt.toISOString();
  if (enabledForMs !== null)
    dto.enabledFor = { raw: isoDuration(enabledForMs), formatted: formatDuration(enabledForMs) };
  return dto;
}
