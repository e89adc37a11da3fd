// Cross-file rules that keep the knowledge fit to print: no quote from a reworded copy, quoted
// words of a person backed by a published source, no stale "now", ambiguous aliases, former names,
// places shared by police and fire, dated roles that never overlap, one stated horizon.
// Called by the knowledge loader after the schema checks. Pure: never reads files or the environment.

import {
  knowledgeMetaSchema,
  type AmbiguousAlias,
  type CitationRef,
  type Concept,
  type Entity,
  type Fact,
  type KnowledgeMeta,
  type Office,
  type RoleRecord,
  type Source,
  type StatusEvent,
} from '../knowledge/schema.ts';
import { compareDates, formatDate, rangeOf } from './dates.ts';
import { escapeRegExp, normalizeAlias } from './text.ts';

interface Located<T> {
  value: T;
  file: string;
}

/** Everything the rules look at, each entry with the file it came from. */
export interface RuleInput {
  sources: Located<Source>[];
  entities: Located<Entity>[];
  facts: Located<Fact>[];
  events: Located<StatusEvent>[];
  concepts: Located<Concept>[];
  offices: Located<Office>[];
  roles: Located<RoleRecord>[];
  ambiguousAliases: Located<AmbiguousAlias>[];
  /** The raw `meta` sections found (at most one is allowed). */
  metas: Located<unknown>[];
}

export interface RuleResult {
  meta?: KnowledgeMeta;
}

/** Runs every rule; appends `file › id › field: message` problems. Returns the parsed meta. */
export function checkKnowledgeRules(input: RuleInput, problems: string[], notices: string[]): RuleResult {
  checkRewordedQuotes(input, problems);
  checkPersonQuotes(input, problems);
  checkStalePresentTense(input, problems);
  checkAmbiguousAliases(input, problems);
  checkFormerNamesAndPlaces(input, problems);
  checkRegister(input, problems);
  checkRoles(input, problems);
  return { meta: checkMeta(input, problems, notices) };
}

/** Every citation of the knowledge base with where it sits. */
function allCitations(input: RuleInput): { file: string; id: string; field: string; c: CitationRef }[] {
  const out: { file: string; id: string; field: string; c: CitationRef }[] = [];
  const add = (file: string, id: string, prefix: string, list: CitationRef[]) =>
    list.forEach((c, i) => out.push({ file, id, field: `${prefix}.${i}`, c }));
  for (const { value, file } of input.facts) add(file, value.id, 'citations', value.citations);
  for (const { value, file } of input.events) add(file, value.id, 'citations', value.citations);
  for (const { value, file } of input.roles) add(file, value.id, 'citations', value.citations);
  for (const { value, file } of input.entities) add(file, value.id, 'citations', value.citations ?? []);
  for (const { value, file } of input.entities) (value.formerNames ?? []).forEach((f, i) => add(file, value.id, `formerNames.${i}.citations`, f.citations ?? []));
  return out;
}

// ── Quotes ────────────────────────────────────────────────────────────────────

function checkRewordedQuotes(input: RuleInput, problems: string[]): void {
  const reworded = new Set(input.sources.filter((s) => s.value.textIs === 'reworded-copy').map((s) => s.value.id));
  for (const { file, id, field, c } of allCitations(input)) {
    if (c.quote && reworded.has(c.source)) {
      problems.push(
        `${file} › ${id} › ${field}.quote: "${c.source}" is a reworded copy, so its wording is not what anyone said; cite a source that carries the published words, or drop the quote`,
      );
    }
  }
}

/** Spans in “curly” or "straight" double quotes. */
export function quotedSpans(text: string): string[] {
  return [...text.matchAll(/[“"]([^”"]{2,}?)[”"]/g)].map((m) => m[1]!.trim()).filter((s) => s.length > 0);
}

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A fact about a person that puts words in quotation marks must carry those words verbatim in a
 * citation quote from a source with the published wording: a reporter may print it as said.
 * Engage's own names ("special measures") are terms, not anyone's words.
 */
function checkPersonQuotes(input: RuleInput, problems: string[]): void {
  const people = new Set(input.entities.filter((e) => e.value.kind === 'person').map((e) => e.value.id));
  const sources = new Map(input.sources.map((s) => [s.value.id, s.value]));
  const terms = new Set(input.concepts.flatMap((c) => c.value.terms.map((t) => squash(String(t)))));
  for (const { value: f, file } of input.facts) {
    if (!f.about.some((a) => people.has(a))) continue;
    const backing = f.citations
      .filter((c) => c.quote && sources.get(c.source)?.textIs !== 'reworded-copy')
      .map((c) => squash(c.quote!));
    for (const span of quotedSpans(f.text)) {
      const words = squash(span);
      if (!words || terms.has(words)) continue;
      if (!backing.some((q) => q.includes(words))) {
        problems.push(
          `${file} › ${f.id} › text: the quoted words "${span}" in a fact about a person are not in any citation quote from a source with the published wording; quote them from such a source or say it in our own words without quotation marks`,
        );
      }
    }
  }
}

// ── Stale present tense ───────────────────────────────────────────────────────

const PRESENT = /\b(is|are|has|have|remains?|now|currently|still|faces?|oversees?)\b/i;
/** "Is the Met in special measures?", "Has X been put under…", "… now it is in Engage". */
const POLAR_NOW = /^\s*(is|are|has|have|does|do)\b|\bnow\b/i;

/**
 * A fact about a force's Engage state that holds only while it was in Engage must say until
 * when (validTo) or name the fact that overtook it (supersededBy) once the timeline records the
 * exit: otherwise "Is the Met in special measures?" reads a stale "yes".
 */
function checkStalePresentTense(input: RuleInput, problems: string[]): void {
  const engageTerms = input.concepts.find((c) => c.value.id === 'engage')?.value.terms.map((t) => String(t).toLowerCase()) ?? ['engage', 'special measures'];
  const mentionsEngage = (text: string) => {
    const lower = text.toLowerCase();
    return engageTerms.some((t) => new RegExp(`\\b${escapeRegExp(t)}\\b`).test(lower));
  };
  const byEntity = new Map<string, StatusEvent[]>();
  for (const { value: e } of input.events) {
    if (e.withdrawn) continue;
    byEntity.set(e.entity, [...(byEntity.get(e.entity) ?? []), e]);
  }
  for (const list of byEntity.values()) list.sort((a, b) => compareDates(a.date, b.date));
  for (const { value: f, file } of input.facts) {
    if (f.validTo || f.supersededBy) continue;
    const when = f.validFrom ?? f.date;
    if (!when) continue;
    // A sentence of the text, or a yes/no question it answers, about being in Engage now.
    const sentences = f.text.split(/(?<=[.;!?])\s+/);
    const presentText = sentences.some((t) => mentionsEngage(t) && PRESENT.test(t.replace(/[“"][^”"]*[”"]/g, '')));
    const presentQuestion = f.questions.some((q) => POLAR_NOW.test(q) && mentionsEngage(q));
    if (!presentText && !presentQuestion) continue;
    for (const entity of f.about) {
      const exit = exitAfter(byEntity.get(entity) ?? [], when);
      if (exit) {
        problems.push(
          `${file} › ${f.id} › validTo: speaks of ${entity}'s Engage state in the present tense, but the timeline records its exit on ${formatDate(exit.date)} (${exit.id}); set validTo: "${exit.date}" or supersededBy`,
        );
        break;
      }
    }
  }
}

/** The exit that ends the stay in Engage the day `when` falls in, if the timeline records one. */
function exitAfter(events: StatusEvent[], when: string): StatusEvent | undefined {
  const day = rangeOf(when).start;
  let inside = false;
  for (const e of events) {
    const range = rangeOf(e.date);
    if (e.event === 'entered_engage') {
      if (range.start <= rangeOf(when).end) inside = true;
      else if (!inside) return undefined;
    } else if (inside) {
      // An exit on the fact's own day is what the fact is about, not a later change.
      if (range.start > day) return e;
      inside = false;
    }
  }
  return undefined;
}

// ── Aliases ───────────────────────────────────────────────────────────────────

function checkAmbiguousAliases(input: RuleInput, problems: string[]): void {
  const names = new Map<string, string>();
  for (const { value: e } of input.entities) {
    for (const n of [e.name, ...e.aliases, ...e.weakAliases]) names.set(normalizeAlias(n), `entity ${e.id}`);
  }
  for (const { value: o } of input.offices) for (const n of [o.name, ...o.aliases]) names.set(normalizeAlias(n), `office ${o.id}`);
  const ids = new Set([...input.entities.map((e) => e.value.id), ...input.offices.map((o) => o.value.id)]);
  const seen = new Map<string, string>();
  for (const { value: a, file } of input.ambiguousAliases) {
    const key = normalizeAlias(a.alias);
    const owner = names.get(key);
    if (owner) problems.push(`${file} › ${a.id} › alias: "${a.alias}" is ambiguous but also a name of ${owner}; remove it there (an ambiguous phrase is a name for none of its candidates)`);
    const previous = seen.get(key);
    if (previous) problems.push(`${file} › ${a.id} › alias: "${a.alias}" is already listed as ambiguous in ${previous}`);
    else seen.set(key, `${a.id} (${file})`);
    a.candidates.forEach((c, i) => {
      if (!ids.has(c)) problems.push(`${file} › ${a.id} › candidates.${i}: unknown entity or office "${c}"`);
    });
    if (new Set(a.candidates).size < 2 && !a.alsoMeans) {
      problems.push(`${file} › ${a.id} › alsoMeans: with one candidate, say what else "${a.alias}" commonly means`);
    }
  }
}

function checkFormerNamesAndPlaces(input: RuleInput, problems: string[]): void {
  for (const { value: e, file } of input.entities) {
    const own = new Set([...e.aliases, ...e.weakAliases].map(normalizeAlias));
    (e.formerNames ?? []).forEach((f, i) => {
      if (!own.has(normalizeAlias(f.name))) {
        problems.push(`${file} › ${e.id} › formerNames.${i}.name: "${f.name}" must also be an alias of ${e.id}, so questions using the old name still find it`);
      }
    });
  }
  // A place served by both a police force and a fire service names neither on its own.
  const byPlace = new Map<string, Located<Entity>[]>();
  for (const located of input.entities) {
    const { place, kind } = located.value;
    if (!place || (kind !== 'police_force' && kind !== 'fire_rescue_service')) continue;
    const key = normalizeAlias(place);
    byPlace.set(key, [...(byPlace.get(key) ?? []), located]);
  }
  for (const [place, list] of byPlace) {
    for (const kind of ['police_force', 'fire_rescue_service'] as const) {
      const same = list.filter((l) => l.value.kind === kind);
      if (same.length > 1) problems.push(`${same[1]!.file} › ${same[1]!.value.id} › place: "${place}" is also the place of ${same[0]!.value.id}; one ${kind.replace(/_/g, ' ')} per place`);
    }
    if (!list.some((l) => l.value.kind === 'police_force') || !list.some((l) => l.value.kind === 'fire_rescue_service')) continue;
    for (const { value: e, file } of list) {
      if ([e.name, ...e.aliases].some((n) => normalizeAlias(n) === place)) {
        problems.push(`${file} › ${e.id} › aliases: "${e.place}" is served by a police force and a fire and rescue service; make it a weak alias at most, so the kind word in the question decides`);
      }
    }
  }
}

function checkRegister(input: RuleInput, problems: string[]): void {
  for (const { value: e, file } of input.entities) {
    if (!e.register) continue;
    const kind = e.register === 'fire-england' ? 'fire_rescue_service' : 'police_force';
    if (e.kind !== kind) problems.push(`${file} › ${e.id} › register: "${e.register}" is for ${kind.replace(/_/g, ' ')}s, not a ${e.kind}`);
    if (!e.country) problems.push(`${file} › ${e.id} › country: a register entry says which country it serves`);
    if (!e.citations?.length) problems.push(`${file} › ${e.id} › citations: a register entry cites the source of its name`);
  }
}

// ── Roles ─────────────────────────────────────────────────────────────────────

/**
 * The days a role record surely covers, for the overlap check: from its first day up to (not
 * including) the first day of `until`, so a hand-over on one day (or within one month) is fine.
 * A record known only `asOf` one date covers that date.
 */
export function roleSpan(role: Pick<RoleRecord, 'from' | 'until' | 'asOf'>): { start: number; end: number } {
  if (role.from === undefined) {
    const at = rangeOf(role.asOf!);
    return { start: at.start, end: at.end + 1 };
  }
  return { start: rangeOf(role.from).start, end: role.until ? rangeOf(role.until).start : Number.POSITIVE_INFINITY };
}

function checkRoles(input: RuleInput, problems: string[]): void {
  const offices = new Set(input.offices.map((o) => o.value.id));
  const kinds = new Map(input.entities.map((e) => [e.value.id, e.value.kind]));
  for (const { value: e, file } of input.entities) {
    if (e.roles.length > 0) problems.push(`${file} › ${e.id} › roles: roles are derived from the dated roles section; add role records (office, holder, from, until, citations) instead`);
  }
  for (const { value: o, file } of input.offices) {
    if (o.body && !kinds.has(o.body)) problems.push(`${file} › ${o.id} › body: unknown entity "${o.body}"`);
  }
  const byOffice = new Map<string, Located<RoleRecord>[]>();
  for (const located of input.roles) {
    const { value: r, file } = located;
    if (!offices.has(r.office)) problems.push(`${file} › ${r.id} › office: unknown office "${r.office}"; define it in an offices section`);
    const kind = kinds.get(r.holder);
    if (!kind) problems.push(`${file} › ${r.id} › holder: unknown entity "${r.holder}"`);
    else if (kind !== 'person') problems.push(`${file} › ${r.id} › holder: "${r.holder}" is a ${kind}; an office is held by a person`);
    if (r.from && r.until && compareDates(r.from, r.until) > 0) problems.push(`${file} › ${r.id} › until: ${r.until} is before from ${r.from}`);
    byOffice.set(r.office, [...(byOffice.get(r.office) ?? []), located]);
  }
  const shared = new Set(input.offices.filter((o) => o.value.shared).map((o) => o.value.id));
  for (const [office, list] of byOffice) {
    if (shared.has(office)) continue;
    const sorted = [...list].sort((a, b) => roleSpan(a.value).start - roleSpan(b.value).start);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = roleSpan(sorted[i]!.value);
        const b = roleSpan(sorted[j]!.value);
        if (a.start < b.end && b.start < a.end) {
          const { value: r, file } = sorted[j]!;
          problems.push(
            `${file} › ${r.id} › from: ${r.holder}'s holding of ${office} (${periodLabel(r)}) overlaps ${sorted[i]!.value.holder}'s (${sorted[i]!.value.id}, ${periodLabel(sorted[i]!.value)}); one holder at a time`,
          );
        }
      }
    }
  }
}

/**
 * Fills each person's `roles` from the dated role records, so code that reads entity roles
 * (role titles as names) sees one source of truth.
 */
export function deriveEntityRoles(entities: Entity[], offices: Office[], roles: RoleRecord[]): void {
  const officeById = new Map(offices.map((o) => [o.id, o]));
  const byHolder = new Map(entities.map((e) => [e.id, e]));
  for (const r of roles) {
    const office = officeById.get(r.office);
    const holder = byHolder.get(r.holder);
    if (!office || !holder) continue;
    const title = r.acting ? `Acting ${office.name}` : office.name;
    const aliases = r.acting ? office.aliases.flatMap((a) => [`acting ${a}`, `interim ${a}`]) : office.aliases;
    holder.roles.push({ title, aliases, ...(r.from ? { from: r.from } : {}), ...(r.until ? { to: r.until } : {}), ...(r.asOf ? { asOf: r.asOf } : {}) });
  }
}

function periodLabel(r: RoleRecord): string {
  if (!r.from) return `as of ${formatDate(r.asOf!)}`;
  return `${formatDate(r.from)}–${r.until ? formatDate(r.until) : 'no end'}`;
}

// ── Horizon ───────────────────────────────────────────────────────────────────

function checkMeta(input: RuleInput, problems: string[], notices: string[]): KnowledgeMeta | undefined {
  if (input.metas.length === 0) {
    notices.push('(knowledge) › meta: no meta.checkedTo: answers cannot say how far sources were checked');
    return undefined;
  }
  for (const extra of input.metas.slice(1)) problems.push(`${extra.file} › meta: only one file may hold meta; also in ${input.metas[0]!.file}`);
  const { value, file } = input.metas[0]!;
  const parsed = knowledgeMetaSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${file} › meta › ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
    return undefined;
  }
  const meta = parsed.data;
  const sourceIds = new Set(input.sources.map((s) => s.value.id));
  meta.citations.forEach((c, i) => {
    if (!sourceIds.has(c.source)) problems.push(`${file} › meta › citations.${i}.source: unknown source "${c.source}"`);
  });
  const newest = input.events.map((e) => e.value.date).sort(compareDates).at(-1);
  if (newest && rangeOf(meta.checkedTo).end < rangeOf(newest).start) {
    problems.push(`${file} › meta › checkedTo: ${meta.checkedTo} is before the newest status event (${newest}); sources were checked at least that far`);
  }
  return meta;
}
