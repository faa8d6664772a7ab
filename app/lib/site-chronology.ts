// A site's records in date order: what happened on which day, for the site page.

import type { IsoDate } from "./dates";
import { PLANNING_KIND_LABELS, type PlanningRecordKind } from "./planning-codes";

export interface ChronologyEntry {
  date: IsoDate;
  text: string;
  /** Orders entries of the same day: the order they were recorded in. */
  order: number;
}

interface RecordDates {
  kind: PlanningRecordKind;
  reference: string | null;
  receivedOn: IsoDate | null;
  validatedOn: IsoDate | null;
  issuedOn: IsoDate | null;
  servedOn: IsoDate | null;
  displayedOn: IsoDate | null;
  effectiveOn: IsoDate | null;
  lodgedOn: IsoDate | null;
  startedOn: IsoDate | null;
  decidedOn: IsoDate | null;
  withdrawnOn: IsoDate | null;
}

const DATE_WORDS: [keyof RecordDates, string][] = [
  ["receivedOn", "received"],
  ["validatedOn", "validated"],
  ["issuedOn", "issued"],
  ["servedOn", "served"],
  ["displayedOn", "first displayed on site"],
  ["lodgedOn", "lodged"],
  ["startedOn", "started"],
  ["effectiveOn", "takes effect"],
  ["decidedOn", "decided"],
  ["withdrawnOn", "withdrawn"],
];

export function siteChronology(input: {
  usePeriods: { startsOn: IsoDate; endsOn: IsoDate | null; description: string | null }[];
  planningRecords: RecordDates[];
  complaints: { receivedOn: IsoDate; reference: string; summary: string }[];
}): ChronologyEntry[] {
  const entries: ChronologyEntry[] = [];
  let order = 0;
  for (const period of input.usePeriods) {
    entries.push({
      date: period.startsOn,
      text: `Use as asylum accommodation began${period.description ? `: ${period.description}` : ""}`,
      order: order++,
    });
    if (period.endsOn) entries.push({ date: period.endsOn, text: "Use as asylum accommodation ended", order: order++ });
  }
  for (const record of input.planningRecords) {
    const name = `${PLANNING_KIND_LABELS[record.kind]}${record.reference ? ` ${record.reference}` : ""}`;
    for (const [key, word] of DATE_WORDS) {
      const date = record[key];
      if (typeof date === "string") entries.push({ date, text: `${name} ${word}`, order: order++ });
    }
  }
  for (const complaint of input.complaints) {
    entries.push({
      date: complaint.receivedOn,
      text: `Complaint ${complaint.reference} received: ${complaint.summary}`,
      order: order++,
    });
  }
  return entries.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
}
