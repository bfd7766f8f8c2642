import type { PlanWindow } from './plan-schema.js';

const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Whether `now` is inside the window (in its time zone); a window whose end is before its start spans midnight. */
export function insideWindow(window: PlanWindow, now: Date): boolean {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: window.timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((part) => [part.type, part.value]),
  );
  const minutes = Number(parts['hour']) * 60 + Number(parts['minute']);
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const [start, end] = [toMinutes(window.start), toMinutes(window.end)];
  const inTime = start <= end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  const weekday = String(parts['weekday']).slice(0, 3).toLowerCase();
  return (
    inTime && (!window.days || window.days.includes(weekday as (typeof window.days)[number])) && days.includes(weekday)
  );
}
