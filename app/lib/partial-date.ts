// Dates as precise as their sources: a day, about a day, a month (or its early, middle or late
// part) or a year. Stored as a date column (the start of what is known, which is also where it
// sorts) beside a precision column; shown, exported and compared only as precisely as recorded.
//
// README, Decision 47: A past date carries its precision. "March 2021" is stored as 2021-03-01 with
// the precision `month`, sorts at the start of the month (events of one month keep the order they
// were added), is shown as "March 2021", exported as ISO 8601 `2021-03` (EDTF `2025-11-26~` for
// about a day) with the words beside it, and never becomes a day anywhere: only day-precise dates
// start a statutory clock or go into the calendar feed. Early, mid and late month are stored at the
// 1st, 11th and 21st, so they sort within their month.

export const datePrecisions = ["day", "about_day", "early_month", "mid_month", "late_month", "month", "year"] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** The words an officer chooses from, in the order of the form's radios. */
export const DATE_PRECISION_LABELS: Record<DatePrecision, string> = {
  day: "The exact day",
  about_day: "About this day (the source is not certain)",
  early_month: "Early in the month (day not known)",
  mid_month: "In the middle of the month (day not known)",
  late_month: "Late in the month (day not known)",
  month: "The month only",
  year: "The year only",
};

/** Precisions for which the form's day field is left empty. */
export const PRECISIONS_WITHOUT_DAY: readonly DatePrecision[] = [
  "early_month",
  "mid_month",
  "late_month",
  "month",
  "year",
];

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** The day of the month a precision is stored at (its sorting point), when it has no day of its own. */
const STORED_DAY: Partial<Record<DatePrecision, string>> = {
  early_month: "01",
  mid_month: "11",
  late_month: "21",
  month: "01",
  year: "01",
};

/**
 * The date to store for what is known: the day itself, or the sorting point of a month or year
 * ("2021-03" with `month` → "2021-03-01"; "2025-11" with `late_month` → "2025-11-21").
 */
export function storedDate(iso: string, precision: DatePrecision): string {
  const [year = "", month = "01", day = "01"] = iso.split("-");
  if (precision === "year") return `${year}-01-01`;
  const storedDay = STORED_DAY[precision];
  return `${year}-${month}-${storedDay ?? day}`;
}

function parts(iso: string) {
  const [year = "", month = "1", day = "1"] = iso.split("-");
  return { year, month: Number(month), day: Number(day) };
}

/**
 * The date as its source gives it: "19 August 2025", "about 26 November 2025", "late November
 * 2025", "March 2021", "2021".
 */
export function formatPartialDate(iso: string, precision: DatePrecision = "day"): string {
  const { year, month, day } = parts(iso);
  const monthName = MONTHS[month - 1] ?? "";
  switch (precision) {
    case "day":
      return `${day} ${monthName} ${year}`;
    case "about_day":
      return `about ${day} ${monthName} ${year}`;
    case "early_month":
      return `early ${monthName} ${year}`;
    case "mid_month":
      return `mid ${monthName} ${year}`;
    case "late_month":
      return `late ${monthName} ${year}`;
    case "month":
      return `${monthName} ${year}`;
    case "year":
      return year;
  }
}

/** As formatPartialDate, with a capital letter, for the start of a sentence or a table cell. */
export function formatPartialDateStart(iso: string, precision: DatePrecision = "day"): string {
  const text = formatPartialDate(iso, precision);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The date for exports: ISO 8601 as far as it is known ("2025-08-19", "2021-03", "2021"), with
 * EDTF's "~" for about a day ("2025-11-26~"). Early, mid and late month export as the month; the
 * words (formatPartialDate) go beside it.
 */
export function exportedPartialDate(iso: string, precision: DatePrecision = "day"): string {
  const [year = "", month = ""] = iso.split("-");
  switch (precision) {
    case "day":
      return iso;
    case "about_day":
      return `${iso}~`;
    case "year":
      return year;
    default:
      return `${year}-${month}`;
  }
}

/** Whether a date is known to the day, so may start a statutory clock or go into a calendar. */
export function isDayPrecise(precision: DatePrecision): precision is "day" {
  return precision === "day";
}

/** The last day a partial date may stand for ("2021-03" month → "2021-03-31"), for order checks. */
export function latestDayOf(iso: string, precision: DatePrecision): string {
  const { year, month } = parts(iso);
  const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  switch (precision) {
    case "day":
    case "about_day":
      return iso;
    case "early_month":
      return `${year}-${pad(month)}-10`;
    case "mid_month":
      return `${year}-${pad(month)}-20`;
    case "late_month":
    case "month":
      return `${year}-${pad(month)}-${pad(lastDay(Number(year), month))}`;
    case "year":
      return `${year}-12-31`;
  }
}

/**
 * Whether a period's end can come before its start, given what each date means: an end is refused
 * only when even its latest possible day is before the start's earliest ("March 2021" may end on
 * 10 March 2021; it may not end in February 2021).
 */
export function endsBeforeStart(
  start: { on: string; precision: DatePrecision },
  end: { on: string; precision: DatePrecision },
): boolean {
  // A partial date is stored at its earliest day (storedDate), so that is the start's earliest.
  return latestDayOf(end.on, end.precision) < storedDate(start.on, start.precision);
}
