// Calendar dates (ISO "2025-08-19" strings, no time of day): arithmetic, the GOV.UK date input,
// and working days in England and Wales.
//
// README, Decision 20: Working days leave out weekends and England and Wales bank holidays, from a
// list in `app/lib/dates.ts` (2020 to 2027, from GOV.UK). The list must be extended each year;
// there is no network at run time to fetch it.
import {
  addDays as addDaysToDate,
  addMonths as addMonthsToDate,
  differenceInCalendarDays,
  format,
  isWeekend,
  parseISO,
} from "date-fns";

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const parsed = parseISO(value);
  return !Number.isNaN(parsed.getTime()) && format(parsed, "yyyy-MM-dd") === value;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return format(addDaysToDate(parseISO(date), days), "yyyy-MM-dd");
}

/** Calendar months; the 31st plus one month is the last day of the next month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return format(addMonthsToDate(parseISO(date), months), "yyyy-MM-dd");
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return differenceInCalendarDays(parseISO(to), parseISO(from));
}

// Made once: a formatter is costly to create, and this one is used on every request.
const londonDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today in London, as a calendar date. */
export function todayInLondon(now = new Date()): IsoDate {
  return londonDate.format(now);
}

const londonClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** How far London's clocks are ahead of UTC at an instant, in milliseconds (0 or 3,600,000). */
function londonOffset(instant: number): number {
  const part = Object.fromEntries(londonClock.formatToParts(new Date(instant)).map((p) => [p.type, Number(p.value)]));
  const wall = Date.UTC(part.year ?? 0, (part.month ?? 1) - 1, part.day ?? 1, part.hour, part.minute, part.second);
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a London date and wall-clock time ("16:00" or "16:00:00") names, GMT or BST as the
 * day requires. A time skipped when the clocks go forward lands an hour later; a time that occurs
 * twice when they go back is taken as the second (GMT).
 */
export function londonTimeToInstant(date: IsoDate, time: string): Date {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const [hour = 0, minute = 0, second = 0] = time.split(":").map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const guess = wall - londonOffset(wall);
  return new Date(wall - londonOffset(guess));
}

/** England and Wales bank holidays (GOV.UK), for counting working days. */
const BANK_HOLIDAYS = new Set([
  "2020-01-01",
  "2020-04-10",
  "2020-04-13",
  "2020-05-08",
  "2020-05-25",
  "2020-08-31",
  "2020-12-25",
  "2020-12-28",
  "2021-01-01",
  "2021-04-02",
  "2021-04-05",
  "2021-05-03",
  "2021-05-31",
  "2021-08-30",
  "2021-12-27",
  "2021-12-28",
  "2022-01-03",
  "2022-04-15",
  "2022-04-18",
  "2022-05-02",
  "2022-06-02",
  "2022-06-03",
  "2022-08-29",
  "2022-09-19",
  "2022-12-26",
  "2022-12-27",
  "2023-01-02",
  "2023-04-07",
  "2023-04-10",
  "2023-05-01",
  "2023-05-08",
  "2023-05-29",
  "2023-08-28",
  "2023-12-25",
  "2023-12-26",
  "2024-01-01",
  "2024-03-29",
  "2024-04-01",
  "2024-05-06",
  "2024-05-27",
  "2024-08-26",
  "2024-12-25",
  "2024-12-26",
  "2025-01-01",
  "2025-04-18",
  "2025-04-21",
  "2025-05-05",
  "2025-05-26",
  "2025-08-25",
  "2025-12-25",
  "2025-12-26",
  "2026-01-01",
  "2026-04-03",
  "2026-04-06",
  "2026-05-04",
  "2026-05-25",
  "2026-08-31",
  "2026-12-25",
  "2026-12-28",
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-03",
  "2027-05-31",
  "2027-08-30",
  "2027-12-27",
  "2027-12-28",
]);

/** Whether a day is a working day in England and Wales: not a weekend, not a bank holiday. */
export function isWorkingDay(day: IsoDate): boolean {
  return !isWeekend(parseISO(day)) && !BANK_HOLIDAYS.has(day);
}

/** Working days after `from` up to and including `to` (weekends and bank holidays excluded). */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const total = daysBetween(from, to);
  let count = 0;
  for (let offset = 1; offset <= total; offset++) {
    if (isWorkingDay(addDays(from, offset))) count++;
  }
  return count;
}

export interface DateParts {
  day?: string;
  month?: string;
  year?: string;
}

/**
 * Reads a GOV.UK date input (day, month, year boxes). `name` is how the error messages refer to
 * the date, e.g. "The date the notice was served". Returns null when all three boxes are empty.
 */
export function parseDateParts(parts: DateParts, name: string): { value: IsoDate | null } | { error: string } {
  const day = parts.day?.trim() ?? "";
  const month = parts.month?.trim() ?? "";
  const year = parts.year?.trim() ?? "";
  if (!day && !month && !year) return { value: null };
  const missing = [!day && "day", !month && "month", !year && "year"].filter(Boolean);
  if (missing.length > 0) return { error: `${name} must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${name} must be a real date, like 19 8 2025` };
  }
  const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  if (!isIsoDate(iso)) return { error: `${name} must be a real date, like 19 8 2025` };
  if (Number(year) < 1900 || Number(year) > 2100) return { error: `${name} must be between 1900 and 2100` };
  return { value: iso };
}

/** "today", "1 working day ago", "4 working days ago" */
export function workingDaysAgo(days: number): string {
  if (days <= 0) return "today";
  return `${days} working day${days === 1 ? "" : "s"} ago`;
}
