// Two time limits read from a site's periods of use: when the use could become immune from
// enforcement (TCPA 1990 s.171B(3)), and whether a stop notice could prohibit it (s.183(5)). Pure,
// so the site page and the stop-notice form share one reckoning, and the tests can pin its edges.
//
// What the law says, as far as relied on here (Town and Country Planning Act 1990, as amended):
// - s.171B(3): for a breach other than those in (1) and (2), "no enforcement action may be taken
//   after the end of the period of ten years beginning with the date of the breach". A period
//   "beginning with" a day includes that day (Zoan v Rouamba [2000] 1 WLR 1509, CA), so ten years
//   beginning with 1 October 2022 end at the end of 30 September 2032, and the use could be immune
//   from 1 October 2032: the tenth anniversary of the first day, not the day after it
//   (`IMMUNITY_MONTHS` added with addMonths; a start on 29 February counts to 28 February,
//   the earlier of the two readings).
// - For a material change of use the use must have gone on throughout those ten years: a break
//   restarts the count, so only the latest continuous run of use is counted.
// - s.171B(1) (operations, four years from substantial completion) and s.171B(2) (change of use to a
//   single dwellinghouse, four years) do not apply to these sites: a hotel used as a hostel for
//   asylum seekers is neither. Section 115 of the Levelling-up and Regeneration Act 2023 made those
//   two ten years in England from 25 April 2024 (commenced by SI 2024/452, reg. 3(b), whose
//   transitional provisions keep four years where the operations were substantially completed, or
//   the change to a dwellinghouse happened, before that day); Wales keeps four. The answer for
//   these sites is ten years in both nations; the nation changes only the sentence saying why.
// - s.183(5): "A stop notice shall not prohibit the carrying out of any activity if the activity has
//   been carried out (whether continuously or not) for a period of more than four years ending with
//   the service of the notice", leaving out time when it had planning permission (not recorded
//   here); s.183(5A) keeps operations and the deposit of waste outside that protection; s.183(4)
//   protects use as a dwellinghouse (not these sites). The words can be read two ways: more than
//   four years of use in all (`totalDays`, what the warning counts), or use that began more than
//   four years before and went on with breaks (`firstBeganMoreThanFourYearsBefore`). Where only the
//   second is true the page says so and asks the officer to check, rather than choose for them.
//
// How dates are read (app/lib/partial-date.ts): a period runs from the earliest day its start may
// mean to the latest day its end may mean ("March 2021" ends on 31 March 2021), so every warning
// errs early and towards showing. "About a day" counts as that day. A period with no end, or one
// recorded to end later, runs to the day asked about (today, or the day a notice was served).
// Periods that overlap, or where one ends on a day and the next begins the day after, are one
// continuous use; so are "ended March 2021" and "began April 2021", which may have been continuous,
// and the warning says it assumed so. A period that begins after the day asked about is left out.
//
// Left out, each of which can only make immunity later or the stop-notice total shorter, so the
// warnings still err early: further enforcement action within four years of earlier action
// (s.171B(4)(b)), planning enforcement orders for concealed breaches (s.171BA, England), and time
// when the use had planning permission (s.183(5)).
//
// README, Decision 51: Time limits are counted from the periods of use, never stored, and err early:
// ten years of continuous use for immunity (s.171B(3)), more than four years in all for a stop
// notice (s.183(5)), each date read as widely as its precision allows. The site page computes them
// in its reused data (records-data.server.ts), from the periods it has already loaded.
import { addDays, addMonths, daysBetween, type IsoDate } from "./dates";
import { formatDate } from "./format";
import { type DatePrecision, formatPartialDate, latestDayOf, storedDate } from "./partial-date";
import type { Nation } from "./roles";
import type { UsePeriodDates } from "./site-on-date";

/** Ten years beginning with the date of the breach (s.171B(3)), in months. */
export const IMMUNITY_MONTHS = 120;
/** Four years ending with the service of a stop notice (s.183(5)), in months. */
export const STOP_NOTICE_MONTHS = 48;

/** A continuous run of use: one period, or several that overlap or follow each other without a gap. */
export interface UseRun {
  /** The earliest day the run may have begun. */
  from: IsoDate;
  /** The latest day the run may have lasted to, up to the day asked about. */
  to: IsoDate;
  /** The run's first period, whose start is `from`. */
  first: UsePeriodDates;
  /** The period whose end is `to`; its `endsOn` is null (or later) while the use goes on. */
  last: UsePeriodDates;
  /** How many periods the run joins. */
  periods: number;
  /** Where two periods were joined only because their dates are not known to the day. */
  assumedContinuous: { ended: UsePeriodDates; began: UsePeriodDates }[];
}

interface Span {
  from: IsoDate;
  to: IsoDate;
  period: UsePeriodDates;
}

const precisionOf = (precision: DatePrecision | undefined): DatePrecision => precision ?? "day";

/** The earliest and latest days a period may cover, up to `until`; null if it began after `until`. */
function spanOf(period: UsePeriodDates, until: IsoDate): Span | null {
  const from = storedDate(period.startsOn, precisionOf(period.startsOnPrecision));
  if (from > until) return null;
  const end = period.endsOn ? latestDayOf(period.endsOn, precisionOf(period.endsOnPrecision)) : until;
  return { from, to: end < until ? end : until, period };
}

/**
 * The periods as continuous runs of use, earliest first, up to and including `until`: overlapping
 * periods, and a period beginning the day after another's latest possible end, join into one.
 */
export function useRuns(periods: readonly UsePeriodDates[], until: IsoDate): UseRun[] {
  const spans = periods
    .map((period) => spanOf(period, until))
    .filter((span): span is Span => span !== null)
    .sort((a, b) => a.from.localeCompare(b.from) || b.to.localeCompare(a.to));
  const runs: UseRun[] = [];
  for (const span of spans) {
    const run = runs.at(-1);
    if (!run || span.from > addDays(run.to, 1)) {
      runs.push({
        from: span.from,
        to: span.to,
        first: span.period,
        last: span.period,
        periods: 1,
        assumedContinuous: [],
      });
      continue;
    }
    run.periods += 1;
    // Joined for certain when the next period's latest start is no later than the day after the
    // run's earliest end; otherwise only because neither date is known to the day.
    const { last } = run;
    if (last.endsOn) {
      const earliestEnd = storedDate(last.endsOn, precisionOf(last.endsOnPrecision));
      const latestStart = latestDayOf(span.period.startsOn, precisionOf(span.period.startsOnPrecision));
      if (latestStart > addDays(earliestEnd, 1)) run.assumedContinuous.push({ ended: last, began: span.period });
    }
    if (span.to > run.to) {
      run.to = span.to;
      run.last = span.period;
    }
  }
  return runs;
}

/** "1 year and 7 months", "4 years, 2 months and 3 days": the calendar length of `from` to `to`, both days counted. */
export function lengthInWords(from: IsoDate, to: IsoDate): string {
  const after = addDays(to, 1);
  let months = 0;
  while (addMonths(from, months + 1) <= after) months += 1;
  const days = daysBetween(addMonths(from, months), after);
  const parts = [
    [Math.floor(months / 12), "year"],
    [months % 12, "month"],
    [days, "day"],
  ] as const;
  const words = parts
    .filter(([count]) => count > 0)
    .map(([count, unit]) => `${count} ${unit}${count === 1 ? "" : "s"}`);
  if (words.length === 0) return "0 days";
  return words.length === 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function began(period: UsePeriodDates): string {
  const precision = precisionOf(period.startsOnPrecision);
  const words = formatPartialDate(period.startsOn, precision);
  if (precision === "day") return `on ${words}`;
  if (precision === "about_day") return `on ${words} (the day is approximate; counted from that day)`;
  const earliest = formatDate(storedDate(period.startsOn, precision));
  return `in ${words} (the day is not recorded, so it is counted from ${earliest}, the earliest it could have begun)`;
}

function ended(period: UsePeriodDates): string {
  if (!period.endsOn) return "";
  const precision = precisionOf(period.endsOnPrecision);
  const words = formatPartialDate(period.endsOn, precision);
  if (precision === "day") return `on ${words}`;
  if (precision === "about_day") return `on ${words} (the day is approximate; counted to that day)`;
  const latest = formatDate(latestDayOf(period.endsOn, precision));
  return `in ${words} (counted to ${latest}, the latest it could have ended)`;
}

const startWords = (period: UsePeriodDates) =>
  formatPartialDate(period.startsOn, precisionOf(period.startsOnPrecision));
const endWords = (period: UsePeriodDates) =>
  period.endsOn ? formatPartialDate(period.endsOn, precisionOf(period.endsOnPrecision)) : "";

/** A warning as the page shows it: a heading, the sentence that matters, how it was counted. */
export interface TimeLimitWarning {
  title: string;
  summary: string;
  details: string[];
}

export const NOT_LEGAL_ADVICE = "Not legal advice: this counts only the periods recorded here.";

/** Why the four-year limb of s.171B is not used, in one sentence: the same answer in both nations. */
export function fourYearLimbSentence(nation: Nation): string {
  const england =
    nation === "england"
      ? ", and in England only where those were completed or made before 25 April 2024 (Levelling-up and Regeneration Act 2023 s.115)"
      : "";
  return `The four-year limits in s.171B(1) and (2) do not apply: they are for building and other operations and for a change of use to a single dwellinghouse, not a change of use such as a hotel to a hostel${england}.`;
}

export interface Immunity {
  /** The latest continuous run of use, which is what counts. */
  run: UseRun;
  /** The day the ten years are counted from: the earliest the run may have begun. */
  countedFrom: IsoDate;
  /** The first day on which no enforcement action could be taken, if the use went on throughout. */
  immuneFrom: IsoDate;
  /** The use goes on (its latest period has no end, or ends on or after `today`). */
  ongoing: boolean;
  /** The use has gone on throughout the ten years (to today, or to the day it ended). */
  reached: boolean;
  /** Earlier runs, each followed by a break, so not counted. */
  earlierRuns: UseRun[];
  /** Periods recorded to begin after today, not counted. */
  futurePeriods: UsePeriodDates[];
}

/**
 * When the site's use could become immune from enforcement (s.171B(3)): ten years from the earliest
 * day its latest continuous run of use may have begun. Null when no period had begun by `today`.
 */
export function immunityFromEnforcement(periods: readonly UsePeriodDates[], today: IsoDate): Immunity | null {
  const runs = useRuns(periods, today);
  const run = runs.at(-1);
  if (!run) return null;
  const immuneFrom = addMonths(run.from, IMMUNITY_MONTHS);
  const lastEnd = run.last.endsOn ? latestDayOf(run.last.endsOn, precisionOf(run.last.endsOnPrecision)) : null;
  const ongoing = lastEnd === null || lastEnd >= today;
  return {
    run,
    countedFrom: run.from,
    immuneFrom,
    ongoing,
    // Going on: the ten years are over once today is the first day after them. Ended: the use lasted
    // to the last day of the ten years at least.
    reached: ongoing ? immuneFrom <= today : run.to >= addDays(immuneFrom, -1),
    earlierRuns: runs.slice(0, -1),
    futurePeriods: periods.filter((period) => spanOf(period, today) === null),
  };
}

/** The immunity warning for the site page; null when no period of use had begun by `today`. */
export function immunityWarning(
  periods: readonly UsePeriodDates[],
  options: { nation: Nation; today: IsoDate },
): TimeLimitWarning | null {
  const immunity = immunityFromEnforcement(periods, options.today);
  if (!immunity) return null;
  const { run, immuneFrom, ongoing, reached } = immunity;
  const subject =
    run.periods === 1
      ? ongoing
        ? "The current period of use"
        : "The latest period of use"
      : `${ongoing ? "The current" : "The latest"} continuous use (${run.periods} periods with no break between them)`;
  const from = formatDate(immuneFrom);
  let summary: string;
  if (ongoing && !reached) {
    summary = `${subject} began ${began(run.first)}. If it continues without a break, the use could become immune from enforcement from ${from}. A break in the use restarts the count.`;
  } else if (ongoing) {
    summary = `${subject} began ${began(run.first)} and has continued for ten years without a recorded break: the use could have been immune from enforcement since ${from}.`;
  } else if (reached) {
    summary = `${subject} began ${began(run.first)} and ended ${ended(run.last)}, after ten years without a recorded break: the use could have become immune from enforcement from ${from}.`;
  } else {
    summary = `${subject} began ${began(run.first)} and ended ${ended(run.last)}, so the count stopped then, after ${lengthInWords(run.from, run.to)}. If the use starts again, the count starts again.`;
  }
  const details: string[] = [];
  if (run.periods > 1) {
    details.push(
      "Periods that overlap, or where one ends on a day and the next begins the day after, are counted as one continuous use.",
    );
  }
  for (const join of run.assumedContinuous) {
    details.push(
      `The period that ended ${endWords(join.ended)} and the one that began ${startWords(join.began)} are counted as continuous: their days are not recorded, so there may have been no break between them.`,
    );
  }
  if (immunity.earlierRuns.length > 0) {
    const earlier = immunity.earlierRuns.map(
      (earlierRun) => `${startWords(earlierRun.first)} to ${endWords(earlierRun.last)}`,
    );
    details.push(
      `Earlier use is not counted, because a break followed it: ${earlier.length === 1 ? earlier[0] : `${earlier.slice(0, -1).join(", ")} and ${earlier.at(-1)}`}.`,
    );
  }
  if (immunity.futurePeriods.length > 0) {
    details.push(
      `Not counted yet: ${immunity.futurePeriods.length === 1 ? "a period" : "periods"} recorded to begin after today (${immunity.futurePeriods.map(startWords).join(", ")}).`,
    );
  }
  details.push(fourYearLimbSentence(options.nation), NOT_LEGAL_ADVICE);
  return { title: "Immunity from enforcement (s.171B(3))", summary, details };
}

export interface UseCarriedOn {
  /** The day asked about (a stop notice's service), counted in. */
  onDate: IsoDate;
  /** Days of use up to and including `onDate`, overlaps counted once, gaps left out. */
  totalDays: number;
  /** `totalDays` as a calendar length ending on `onDate`: "4 years, 2 months and 3 days". */
  totalInWords: string;
  /** More than four years of use in all, ending with `onDate` (the warning's test). */
  moreThanFourYears: boolean;
  /** The earliest day the first period may have begun; null with no use by `onDate`. */
  firstBegan: UsePeriodDates | null;
  /** The first use began more than four years before `onDate` (with or without breaks since). */
  firstBeganMoreThanFourYearsBefore: boolean;
}

/**
 * How long the use had been carried on, in all, up to and including `onDate` (the day a stop notice
 * is, or would be, served): s.183(5) stops a stop notice prohibiting an activity carried on for
 * more than four years. A period with no end counts to `onDate`.
 */
export function useCarriedOnBefore(periods: readonly UsePeriodDates[], onDate: IsoDate): UseCarriedOn {
  const runs = useRuns(periods, onDate);
  const totalDays = runs.reduce((sum, run) => sum + daysBetween(run.from, run.to) + 1, 0);
  const fourYearsBefore = addMonths(onDate, -STOP_NOTICE_MONTHS);
  const first = runs[0];
  return {
    onDate,
    totalDays,
    totalInWords: totalDays === 0 ? "0 days" : lengthInWords(addDays(onDate, 1 - totalDays), onDate),
    // The four years ending with `onDate` are the days after `fourYearsBefore`, up to `onDate`.
    moreThanFourYears: totalDays > daysBetween(fourYearsBefore, onDate),
    firstBegan: first?.first ?? null,
    firstBeganMoreThanFourYearsBefore: first !== undefined && first.from <= fourYearsBefore,
  };
}

/**
 * The stop-notice warning: `served` null for one served today (the site as a whole), else the
 * notice's service date. Null when neither reading of s.183(5) is met.
 */
export function stopNoticeWarning(
  periods: readonly UsePeriodDates[],
  options: { today: IsoDate; servedOn: IsoDate | null },
): TimeLimitWarning | null {
  const onDate = options.servedOn ?? options.today;
  const carried = useCarriedOnBefore(periods, onDate);
  const when = options.servedOn ? `when this notice was served, on ${formatDate(options.servedOn)}` : "today";
  const counted = options.servedOn
    ? "Counted from the site's periods of use to the day of service"
    : "Counted from the periods below to today";
  const how = `${counted}, gaps left out, each period from the earliest day it could have begun to the latest it could have ended, so the total errs long. Time when the use had planning permission does not count (s.183(5)); the periods do not say whether it had any.`;
  const title = "Stop notices (s.183(5))";
  if (carried.moreThanFourYears) {
    const summary = options.servedOn
      ? `This notice could not prohibit the use: ${when}, it had been carried on for more than four years in total (${carried.totalInWords}, from the site's periods of use).`
      : `A stop notice served today could not prohibit this use: it has been carried on for more than four years in total (${carried.totalInWords}, from the periods below).`;
    return { title, summary, details: [how, NOT_LEGAL_ADVICE] };
  }
  if (carried.firstBeganMoreThanFourYearsBefore && carried.firstBegan) {
    const firstWords = startWords(carried.firstBegan);
    const summary = options.servedOn
      ? `This notice may not be able to prohibit the use: ${when}, the use had first been carried on more than four years before (from ${firstWords}), with breaks (${carried.totalInWords} in total).`
      : `A stop notice served today may not be able to prohibit this use: it was first carried on more than four years ago (from ${firstWords}), with breaks (${carried.totalInWords} in total).`;
    const check =
      "Section 183(5) protects an activity carried on for more than four years “whether continuously or not”: check with the council's lawyers whether these breaks matter.";
    return { title, summary, details: [check, how, NOT_LEGAL_ADVICE] };
  }
  return null;
}
