// Month, weekday and season words, including abbreviations ("Dec.", "Sept") and misspellings
// ("decembr", "Febuary", "agust") within a small edit distance of a month name. Pure.

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const EXACT = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  EXACT.set(name, i + 1);
  EXACT.set(name.slice(0, 3), i + 1);
});
EXACT.set('sept', 9);

/**
 * Real words within the edit distance of a month name, which must never be read as one even
 * next to a year ("Jaguar 2022", "Marsh 2022"): every such word of a 275,000-word English list
 * (an-array-of-english-words, checked once, not shipped), plus names seen in the news.
 */
const NOT_MONTHS = new Set([
  'auguste', 'augusts', 'augusta', 'deceiver', 'decemvir', 'decenter', 'jaggary', 'jaguar', 'jaguars', 'janisary', 'janizary',
  'marah', 'marcs', 'merch', 'nonmember', 'septemvir', 'marsh', 'match', 'marco', 'marcy', 'mayor', 'julie', 'julia', 'janet', 'octet', 'novel',
]);

/** The month an exactly written month word or abbreviation names ("dec" → 12), or undefined. */
export function exactMonth(word: string): number | undefined {
  return EXACT.get(word);
}

/**
 * The month a misspelt full month name stands for ("decembr" → 12, "janaury" → 1), or
 * undefined. Four-letter words only as a swap of neighbours ("juyl"); otherwise words of five letters or more, starting with the month's own letter, within
 * one edit (two for names of seven letters or more), counting a swap of neighbours as one edit.
 * Callers only ask this of a word next to a year or a day, so ordinary words stay words.
 */
export function misspeltMonth(word: string): number | undefined {
  // "juyl", "jnue": a four-letter month with two neighbours swapped (one letter more or less
  // would reach too many words: "jane", "jury").
  if (word.length === 4) {
    const i = ['june', 'july'].findIndex((name) => name !== word && [...name].sort().join('') === [...word].sort().join('') && swapsOnce(word, name));
    return i < 0 ? undefined : i + 6;
  }
  if (word.length < 5 || word.length > 11 || NOT_MONTHS.has(word) || !/^[a-z]+$/.test(word)) return undefined;
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let i = 0; i < MONTH_NAMES.length; i++) {
    const name = MONTH_NAMES[i]!;
    if (name[0] !== word[0] || name.length < 5) continue;
    const limit = name.length >= 7 ? 2 : 1;
    const d = editDistance(word, name, limit);
    if (d <= limit && d < bestDistance) {
      best = i + 1;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus swaps of neighbours), giving up once it
 * passes `limit`; words here are short, so the table is tiny.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    rows.push(row);
  }
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length]![b.length]!;
}

const WEEKDAYS = new Map<string, number>([
  ['sunday', 0], ['sun', 0], ['monday', 1], ['mon', 1], ['tuesday', 2], ['tue', 2], ['tues', 2],
  ['wednesday', 3], ['wed', 3], ['thursday', 4], ['thu', 4], ['thur', 4], ['thurs', 4],
  ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6],
]);

/** 0 = Sunday … 6 = Saturday, for a weekday word or its abbreviation. */
export function weekdayWord(word: string): number | undefined {
  return WEEKDAYS.get(word);
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * UK meteorological seasons, as the Met Office counts them: spring March–May, summer June–August,
 * autumn September–November, winter December to February of the next year ("winter 2023" is
 * December 2023 to February 2024). `first` is the first month; each lasts three months.
 */
export const SEASONS = new Map<string, { name: string; first: number }>([
  ['spring', { name: 'spring', first: 3 }],
  ['summer', { name: 'summer', first: 6 }],
  ['autumn', { name: 'autumn', first: 9 }],
  ['fall', { name: 'autumn', first: 9 }],
  ['winter', { name: 'winter', first: 12 }],
]);

/**
 * Real words one edit from a season name, which must never be read as one even before a year
 * ("sprint 2024", "winner 2023"): every such word of the shipped SUBTLEX-UK list, checked once.
 */
const NOT_SEASONS = new Set(['string', 'spying', 'sprung', 'sprang', 'sprint', 'sparing', 'sprig', 'springy', 'siring', 'sprink', 'sprong', 'sumner', 'simmer', 'summed', 'summery', 'winner', 'witter', 'winger', 'winder', 'winer', 'winker', 'winster', 'wintery']);

/**
 * The season a misspelt season name stands for ("sprng", "autum", "sumer"), within one edit
 * (a swap of neighbours counts as one), starting with the season's own letter; a season's
 * plural ("summers") is the season. Callers only ask this of a word before a year.
 */
export function misspeltSeason(word: string): { name: string; first: number } | undefined {
  if (word.length < 5 || word.length > 7 || NOT_SEASONS.has(word) || !/^[a-z]+$/.test(word)) return undefined;
  for (const [name, season] of SEASONS) {
    if (name.length >= 6 && name[0] === word[0] && editDistance(word, name, 1) <= 1) return season;
  }
  return undefined;
}

const OTHER_DATE_WORDS = new Set(['easter', 'christmas', 'xmas', 'nye', 'yesterday', 'today', 'tomorrow', 'fortnight', 'midsummer', 'q1', 'q2', 'q3', 'q4', 'h1', 'h2']);

/**
 * A word that belongs to dates ("Easter", "Dec", "Sept", "Friday", "summer"), even without a
 * number beside it: never a name the bot should say it has no record of. Lower-case input.
 */
export function isDateWord(word: string): boolean {
  return EXACT.has(word) || WEEKDAYS.has(word) || SEASONS.has(word) || OTHER_DATE_WORDS.has(word);
}

/** Whether two same-length words differ by one swap of neighbouring letters. */
function swapsOnce(a: string, b: string): boolean {
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
