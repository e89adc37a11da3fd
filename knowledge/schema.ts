// The zod schema of the curated knowledge base: sources, entities, facts, status events and
// vocabulary. Types are inferred from it. Depends on zod only — never on src/ or adapters/.

import { z } from 'zod';

/** A date known to the year, the month or the day: "2019", "2022-06", "2022-06-28". */
export const partialDate = z.preprocess(
  // Editors write `from: 2019` unquoted, which YAML reads as a number: accept it as the year.
  (value) => (typeof value === 'number' && Number.isInteger(value) ? String(value) : value),
  z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD')
    .refine(isRealPartialDate, 'not a real calendar date'),
);

function isRealPartialDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (y === undefined || y < 1800 || y > 2200) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= daysInMonth;
}

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'ids are lower-case words joined by "-" (e.g. "met-entered-engage")');

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Short words editors list (aliases, keywords, terms): a bare number such as 999 is fine. */
const word = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), nonEmptyText);

/** Where a claim comes from: a news article, an official page or letter, a parliamentary record. */
export const sourceSchema = z.strictObject({
  id,
  kind: z.enum(['official', 'news', 'parliament']),
  title: nonEmptyText,
  /** null when the publisher could not be verified (e.g. a syndicated copy). */
  publisher: nonEmptyText.nullable(),
  /** null when the page carries no date. */
  published: partialDate.nullable(),
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** File name of the source text in the shared source folder, used to check quotes verbatim. */
  file: z.string().regex(/^[\w.-]+\.txt$/).optional(),
  /**
   * What the stored text is: "published" (the publisher's own wording) or "reworded-copy" (a
   * machine-reworded copy whose wording is not what anyone said). Quotes from a reworded copy are
   * never shown as anyone's words; `kb validate` rejects them.
   */
  textIs: z.enum(['published', 'reworded-copy']).optional(),
  note: z.string().optional(),
});

/** A pointer into a source: which source, where in it, and optionally a short verbatim quote. */
export const citationRefSchema = z.strictObject({
  source: id,
  /** Where in the source, e.g. "para. 3" or "letter, para. 2". */
  locator: z.string().trim().min(1).optional(),
  /** A short verbatim quote from the source (checked against the source text when it is available). */
  quote: z.string().trim().min(3).max(400).optional(),
});

export const entityKind = z.enum([
  'police_force',
  'fire_rescue_service',
  'oversight_body',
  'government',
  'person',
  'case',
  'place',
]);

/** A role a person held at a time, e.g. Home Secretary in June 2022. Role titles resolve by date. */
export const roleSchema = z.strictObject({
  title: nonEmptyText,
  /** Other ways people type the role ("home sec"). */
  aliases: z.array(word).default([]),
  from: partialDate.optional(),
  to: partialDate.optional(),
  /** When the role is only known to have been held at one time (e.g. "2022-06"). */
  asOf: partialDate.optional(),
});

/** A name a body used to carry ("IPCC" until 2018): answers say "formerly". */
export const formerNameSchema = z.strictObject({
  name: word,
  /** The last day (or month, or year) the body carried this name. */
  until: partialDate,
  note: z.string().trim().min(1).optional(),
  /** Sources for the change of name, so a "formerly" sentence can cite them. */
  citations: z.array(citationRefSchema).optional(),
});

export const entitySchema = z.strictObject({
  id,
  kind: entityKind,
  name: nonEmptyText,
  /** Names people actually type: "the Met", "MPS", "Scotland Yard". Each alias belongs to one entity. */
  aliases: z.array(word).default([]),
  /**
   * Names that are also ordinary words or places ("Cleveland", "Manchester"): they point at this
   * entity only when the question is otherwise about oversight.
   */
  weakAliases: z.array(word).default([]),
  /**
   * Derived on load from the dated `roles` section (office name and its words, from, until):
   * do not write roles here; add a role record instead.
   */
  roles: z.array(roleSchema).default([]),
  /** Set to "the" when prose needs it: "the Metropolitan Police Service was moved…". */
  article: z.enum(['the']).optional(),
  /** Earlier names ("IPCC", "ACPO"); each also stays an alias so the question still resolves. */
  formerNames: z.array(formerNameSchema).optional(),
  /**
   * The area a force or service serves, as people type it ("Kent"). A place shared by a police
   * force and a fire and rescue service is at most a weak alias of either: the kind word in the
   * question ("fire", "police") decides which body is meant.
   */
  place: nonEmptyText.optional(),
  /** England, Wales, Scotland, or UK for bodies that work across the nations. */
  country: z.enum(['England', 'Wales', 'Scotland', 'UK']).optional(),
  /**
   * Set on the forces and services of the register: the 43 territorial police forces of England
   * and Wales, the fire and rescue services of England, and the special forces HMICFRS inspects.
   */
  register: z.enum(['territorial', 'fire-england', 'special']).optional(),
  /** Where the entity's name and standing come from (the register's sources). */
  citations: z.array(citationRefSchema).optional(),
});

/** One claim, in our own words, with at least one citation. */
export const factSchema = z.strictObject({
  id,
  /** Entities the claim is about (ids from the entity files). */
  about: z.array(id).min(1, 'a fact is about at least one entity'),
  text: nonEmptyText,
  /** The date the claim is about (an event's day, a report's date). */
  date: partialDate.optional(),
  /** Period during which the claim holds; omit for timeless claims. */
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
  /** Other ways a reader might ask for this fact (used for matching, never shown). */
  questions: z.array(nonEmptyText).default([]),
  /** Extra words to match on (synonyms not in the text). */
  keywords: z.array(word).default([]),
  citations: z.array(citationRefSchema).min(1, 'every fact needs at least one citation'),
  /** A newer fact that overtakes this one (e.g. a later, official count). */
  supersededBy: id.optional(),
  /** Set on the fact that profiles an entity: the answer to "who is …" / "what is …". */
  describes: id.optional(),
  /** Whether a change to this fact is worth an alert to newsrooms. */
  newsworthy: z.boolean().default(false),
});

export const statusEventSchema = z.strictObject({
  id,
  /** The force or service (entity id). */
  entity: id,
  event: z.enum(['entered_engage', 'left_engage']),
  date: partialDate,
  /** Why, in our own words, one reason each. */
  reasons: z.array(nonEmptyText).default([]),
  citations: z.array(citationRefSchema).min(1, 'every status event needs at least one citation'),
  /**
   * verified: an official source or several agree; single-source: one source only;
   * conflicting: sources disagree (say how in `note`); unconfirmed: reported, never confirmed officially.
   */
  confidence: z.enum(['verified', 'single-source', 'conflicting', 'unconfirmed']),
  /** Our own note on dates or conflicts, shown to readers when it matters. */
  note: z.string().trim().min(1).optional(),
  /** Who decided (entity id of a person), when known. */
  decidedBy: id.optional(),
  /**
   * The HM Inspector who dealt with the move (entity id of a person): who wrote the letter to the
   * force or service, or announced or recommended the move, when the sources name one.
   */
  inspector: id.optional(),
  /** Set when the event was withdrawn after being announced (kept for corrections). */
  withdrawn: z.boolean().default(false),
});

/** An office that people hold one after another: "Home Secretary", "Met Commissioner". */
export const officeSchema = z.strictObject({
  id,
  name: nonEmptyText,
  /** The words people use for it ("home sec", "chief inspector of constabulary"). */
  aliases: z.array(word).default([]),
  /** The body the office belongs to (entity id), when it has one. */
  body: id.optional(),
  /** Several people hold it at once (HM Inspector): their periods may overlap. */
  shared: z.boolean().default(false),
  /**
   * The office heads its body (the Met's Commissioner, HMICFRS's Chief Inspector): "who runs
   * the Met?", "who's in charge of HMICFRS?" name it, with the "leadership" word class.
   */
  heads: z.boolean().default(false),
});

/** One holding of an office: who, from when, until when, and the sources that say so. */
export const roleRecordSchema = z.strictObject({
  id,
  office: id,
  /** The person (entity id). */
  holder: id,
  /** First day (or month, or year) in office; omit only when `asOf` is all the sources give. */
  from: partialDate.optional(),
  /** Omit while the holder is in post as of the newest record. */
  until: partialDate.optional(),
  /** When the sources only show the holder in office at one time (e.g. "2022-06-29"). */
  asOf: partialDate.optional(),
  /** An acting or interim holder standing in while the office was vacant. */
  acting: z.boolean().default(false),
  citations: z.array(citationRefSchema).min(1, 'every role record needs at least one citation'),
  note: z.string().trim().min(1).optional(),
}).refine((r) => r.from !== undefined || r.asOf !== undefined, { message: 'give from (and until when it ended), or asOf when the sources only show one date', path: ['from'] });

/**
 * A phrase that commonly names more than one body ("the watchdog": HMICFRS or the IOPC). It is
 * never an alias of one of them: the bot asks, or answers for each candidate, never silently picks.
 */
export const ambiguousAliasSchema = z.strictObject({
  id,
  alias: word,
  /** Entity or office ids the phrase may mean. */
  candidates: z.array(id).min(1, 'name at least one candidate'),
  /** A common sense outside the knowledge base (e.g. "a police rank"); needed with one candidate. */
  alsoMeans: z.string().trim().min(1).optional(),
  note: nonEmptyText,
});

/** When the knowledge was last checked against public sources, apart from its newest record. */
export const knowledgeMetaSchema = z.strictObject({
  /** The month (or day) up to which public sources were checked, e.g. "2026-01". */
  checkedTo: partialDate,
  /** Plain words for answers: what "nothing later found" means. */
  newestRecordNote: nonEmptyText,
  citations: z.array(citationRefSchema).default([]),
});

/** Words and phrases that mean the same thing to a reader ("special measures" = Engage). */
export const conceptSchema = z.strictObject({
  id,
  terms: z.array(word).min(1),
  /**
   * A concept that shapes a question (how many, when, why, now) rather than names its topic:
   * it never anchors an answer on its own, so "how many times 23?" is not about Engage.
   */
  shape: z.boolean().default(false),
  /**
   * A concept that is grammar, not topic ("must", "have to"): it weighs as an everyday word does,
   * so it tells facts apart without making a question hard to answer ("need to check: …").
   */
  light: z.boolean().default(false),
});

/**
 * A closed class of words an answering stage relies on ("framing" words, the words a route
 * accounts for), in knowledge/question-words.yaml: editors extend it without touching code.
 */
export const wordClassSchema = z.strictObject({
  id,
  /** What the class is for, for editors. */
  about: z.string().trim().min(1).optional(),
  words: z.array(word).min(1),
});

/** One knowledge file: any of the sections, so editors can group by story or by kind. */
export const knowledgeFileSchema = z.strictObject({
  sources: z.array(z.unknown()).optional(),
  entities: z.array(z.unknown()).optional(),
  facts: z.array(z.unknown()).optional(),
  events: z.array(z.unknown()).optional(),
  concepts: z.array(z.unknown()).optional(),
  offices: z.array(z.unknown()).optional(),
  roles: z.array(z.unknown()).optional(),
  ambiguousAliases: z.array(z.unknown()).optional(),
  wordClasses: z.array(z.unknown()).optional(),
  /** At most one file holds `meta`. */
  meta: z.unknown().optional(),
});

export type Source = z.infer<typeof sourceSchema>;
export type CitationRef = z.infer<typeof citationRefSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = z.infer<typeof entityKind>;
export type Role = z.infer<typeof roleSchema>;
export type Fact = z.infer<typeof factSchema>;
export type StatusEvent = z.infer<typeof statusEventSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type FormerName = z.infer<typeof formerNameSchema>;
export type Office = z.infer<typeof officeSchema>;
export type RoleRecord = z.infer<typeof roleRecordSchema>;
export type AmbiguousAlias = z.infer<typeof ambiguousAliasSchema>;
export type KnowledgeMeta = z.infer<typeof knowledgeMetaSchema>;
export type WordClass = z.infer<typeof wordClassSchema>;

/** The whole knowledge base as data, after validation (before indexing). */
export interface KnowledgeData {
  sources: Source[];
  entities: Entity[];
  facts: Fact[];
  events: StatusEvent[];
  concepts: Concept[];
  /** Offices held in turn (Home Secretary, HM Chief Inspector); empty in older fixtures. */
  offices?: Office[];
  /** Dated holdings of those offices. */
  roles?: RoleRecord[];
  /** Phrases that name more than one body. */
  ambiguousAliases?: AmbiguousAlias[];
  /** Closed word classes the answering stages rely on; empty in older fixtures. */
  wordClasses?: WordClass[];
  /** When the knowledge was last checked against public sources (`meta.checkedTo`). */
  meta?: KnowledgeMeta;
  /** Where each entry came from (`kind:id` → file path relative to the knowledge folder). */
  origins: Map<string, string>;
  /** A hash of all knowledge files: changes whenever the knowledge changes. */
  revision: string;
}

/** Each section name and the schema of its entries. */
export const sectionSchemas = {
  sources: sourceSchema,
  entities: entitySchema,
  facts: factSchema,
  events: statusEventSchema,
  concepts: conceptSchema,
  offices: officeSchema,
  roles: roleRecordSchema,
  ambiguousAliases: ambiguousAliasSchema,
  wordClasses: wordClassSchema,
} as const;

export type SectionName = keyof typeof sectionSchemas;
