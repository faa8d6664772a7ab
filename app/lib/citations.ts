// Neutral citations (Practice Direction (Judgments: Form and Citation) 2001 and later): checked by
// pattern, never guessed, and turned into their address on Find Case Law (The National Archives).
//
// README, Decision 22: Neutral citations are checked, never guessed. `app/lib/citations.ts` accepts
// the UKSC, UKPC, UKHL, EWCA (Civ, Crim), EWHC (with its divisions) and UKUT forms, tidies spacing
// and case as typed, and builds the Find Case Law address (`[2025] EWHC 2183 (KB)` →
// `/ewhc/kb/2025/2183`). House of Lords judgments are valid citations but not on Find Case Law, so
// they get no link rather than a wrong one.
const FIND_CASE_LAW = "https://caselaw.nationalarchives.gov.uk";

const HIGH_COURT_DIVISIONS = [
  "KB",
  "QB",
  "Admin",
  "Ch",
  "Fam",
  "Comm",
  "TCC",
  "Pat",
  "IPEC",
  "Costs",
  "SCCO",
  "Admlty",
  "Mercantile",
];
const UPPER_TRIBUNAL_CHAMBERS = ["LC", "AAC", "IAC", "TCC"];

// House of Lords judgments (to 2009) have neutral citations but are not on Find Case Law.
const PATTERNS: { pattern: RegExp; path: ((match: RegExpMatchArray) => string) | null }[] = [
  { pattern: /^\[(\d{4})\] UKHL (\d{1,4})$/, path: null },
  { pattern: /^\[(\d{4})\] UKSC (\d{1,4})$/, path: (m) => `uksc/${m[1]}/${m[2]}` },
  { pattern: /^\[(\d{4})\] UKPC (\d{1,4})$/, path: (m) => `ukpc/${m[1]}/${m[2]}` },
  { pattern: /^\[(\d{4})\] EWCA (Civ|Crim) (\d{1,5})$/, path: (m) => `ewca/${m[2]?.toLowerCase()}/${m[1]}/${m[3]}` },
  {
    pattern: new RegExp(`^\\[(\\d{4})\\] EWHC (\\d{1,5}) \\((${HIGH_COURT_DIVISIONS.join("|")})\\)$`),
    path: (m) => `ewhc/${m[3]?.toLowerCase()}/${m[1]}/${m[2]}`,
  },
  {
    pattern: new RegExp(`^\\[(\\d{4})\\] UKUT (\\d{1,5}) \\((${UPPER_TRIBUNAL_CHAMBERS.join("|")})\\)$`),
    path: (m) => `ukut/${m[3]?.toLowerCase()}/${m[1]}/${m[2]}`,
  },
];

/** Tidies spacing and brackets as people type them: "[2025]  ewhc 2183 (kb)" → "[2025] EWHC 2183 (KB)". */
export function normaliseCitation(input: string): string {
  const compact = input.trim().replace(/\s+/g, " ");
  return compact
    .replace(/^\[(\d{4})\]\s*/, "[$1] ")
    .replace(/\b(uksc|ukpc|ewca|ewhc|ukut)\b/gi, (court) => court.toUpperCase())
    .replace(/\b(civ|crim)\b/gi, (division) => division[0]?.toUpperCase() + division.slice(1).toLowerCase())
    .replace(/\(([a-z]+)\)$/i, (_all, division: string) => {
      const known = [...HIGH_COURT_DIVISIONS, ...UPPER_TRIBUNAL_CHAMBERS].find(
        (name) => name.toLowerCase() === division.toLowerCase(),
      );
      return `(${known ?? division})`;
    });
}

export function isNeutralCitation(citation: string): boolean {
  return PATTERNS.some(({ pattern }) => pattern.test(citation));
}

/** The judgment's page on Find Case Law, or null if the citation is not one we recognise. */
export function findCaseLawUrl(citation: string): string | null {
  for (const { pattern, path } of PATTERNS) {
    const match = citation.match(pattern);
    if (match) return path ? `${FIND_CASE_LAW}/${path(match)}` : null;
  }
  return null;
}
