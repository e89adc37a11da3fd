// Loads the knowledge folder (YAML/JSON files), validates it against the zod schema and the
// cross-file rules (ids, references, aliases, timelines, verbatim quotes), and reports every
// problem as "file › entry id › field: what is wrong". Reads files only; never the environment.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  knowledgeFileSchema,
  sectionSchemas,
  type AmbiguousAlias,
  type Concept,
  type Entity,
  type Fact,
  type KnowledgeData,
  type Office,
  type RoleRecord,
  type SectionName,
  type Source,
  type StatusEvent,
  type WordClass,
} from '../knowledge/schema.ts';
import { compareDates, formatDate, rangeOf } from './dates.ts';
import { OversightError } from './errors.ts';
import { readKnowledgeFiles, revisionOf } from './knowledge-files.ts';
import { checkKnowledgeRules, deriveEntityRoles, type RuleInput } from './knowledge-rules.ts';
import { normalizeAlias } from './text.ts';
import { WORD_CLASS_IDS } from './word-classes.ts';

export interface LoadOptions {
  /**
   * Folder with the source texts named by `file` in sources (to check quotes verbatim). When it
   * does not exist the quote check is skipped and a notice says so.
   */
  sourceTextDir?: string;
}

export interface ValidationReport {
  data?: KnowledgeData;
  /** Problems that make the knowledge base unusable: `file › id › field: message`. */
  problems: string[];
  /** Things worth knowing that do not stop the bot (unused sources, skipped checks). */
  notices: string[];
  files: number;
}

/** Loads and validates; throws KNOWLEDGE_INVALID listing every problem. */
export function loadKnowledge(dir: string, options: LoadOptions = {}): KnowledgeData {
  const report = validateKnowledge(dir, options);
  if (!report.data || report.problems.length > 0) {
    throw new OversightError(
      report.files === 0 ? 'KNOWLEDGE_UNREADABLE' : 'KNOWLEDGE_INVALID',
      report.files === 0
        ? `No knowledge files found in "${dir}". Point KNOWLEDGE_DIR at the folder holding the knowledge YAML files.`
        : `The knowledge base in "${dir}" has ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}; fix them and try again:`,
      report.problems,
    );
  }
  return report.data;
}

type Entry<S extends SectionName> = z.infer<(typeof sectionSchemas)[S]>;

interface Located<T> {
  value: T;
  file: string;
}

/** Validates the knowledge folder and returns the data (when usable) with every problem found. */
export function validateKnowledge(dir: string, options: LoadOptions = {}): ValidationReport {
  const problems: string[] = [];
  const notices: string[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { problems: [`${dir}: the knowledge folder does not exist`], notices, files: 0 };
  }
  const files = readKnowledgeFiles(dir);
  if (files.length === 0) return { problems: [`${dir}: no .yaml, .yml or .json files found`], notices, files: 0 };

  const sections = {
    sources: [] as Located<Source>[],
    entities: [] as Located<Entity>[],
    facts: [] as Located<Fact>[],
    events: [] as Located<StatusEvent>[],
    concepts: [] as Located<Concept>[],
    offices: [] as Located<Office>[],
    roles: [] as Located<RoleRecord>[],
    ambiguousAliases: [] as Located<AmbiguousAlias>[],
    wordClasses: [] as Located<WordClass>[],
  };
  const metas: Located<unknown>[] = [];

  for (const { name: file, text, problem } of files) {
    if (problem) {
      problems.push(`${file}: ${problem}`);
      continue;
    }
    const parsed = parseFile(file, text, problems);
    if (parsed === undefined) continue;
    const shape = knowledgeFileSchema.safeParse(parsed ?? {});
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        const where = issue.path.length ? issue.path.join('.') : '(top level)';
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown section(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}; expected sources, entities, facts, events, concepts, offices, roles, ambiguousAliases, wordClasses or meta`
            : issue.message;
        problems.push(`${file} › ${where}: ${message}`);
      }
      continue;
    }
    if (shape.data.meta !== undefined) metas.push({ value: shape.data.meta, file });
    for (const name of Object.keys(sectionSchemas) as SectionName[]) {
      const entries = shape.data[name];
      if (!entries) continue;
      entries.forEach((raw, index) => {
        const label = entryLabel(raw, name, index);
        const result = sectionSchemas[name].safeParse(raw);
        if (!result.success) {
          for (const issue of result.error.issues) {
            const field = issue.path.length ? issue.path.join('.') : '(entry)';
            problems.push(`${file} › ${label} › ${field}: ${issue.message}`);
          }
          return;
        }
        (sections[name] as Located<Entry<typeof name>>[]).push({ value: result.data as Entry<typeof name>, file });
      });
    }
  }

  const origins = new Map<string, string>();
  for (const name of Object.keys(sections) as SectionName[]) {
    const seen = new Map<string, string>();
    for (const { value, file } of sections[name] as Located<{ id: string }>[]) {
      const previous = seen.get(value.id);
      if (previous) problems.push(`${file} › ${value.id} › id: duplicate ${singular(name)} id; also defined in ${previous}`);
      else seen.set(value.id, file);
      origins.set(`${singular(name)}:${value.id}`, file);
    }
  }

  checkReferences(sections, problems, notices);
  checkAliases(sections.entities, problems);
  checkTimelines(sections, problems);
  checkQuotes(sections, options.sourceTextDir, problems, notices);
  const { meta } = checkKnowledgeRules({ ...sections, metas }, problems, notices);
  deriveEntityRoles(sections.entities.map((e) => e.value), sections.offices.map((o) => o.value), sections.roles.map((r) => r.value));

  const data: KnowledgeData = {
    sources: sections.sources.map((s) => s.value),
    entities: sections.entities.map((s) => s.value),
    facts: sections.facts.map((s) => s.value),
    events: sections.events.map((s) => s.value),
    concepts: sections.concepts.map((s) => s.value),
    offices: sections.offices.map((s) => s.value),
    roles: sections.roles.map((s) => s.value),
    ambiguousAliases: sections.ambiguousAliases.map((s) => s.value),
    wordClasses: sections.wordClasses.map((s) => s.value),
    ...(meta ? { meta } : {}),
    origins,
    revision: revisionOf(files),
  };
  const missingClasses = WORD_CLASS_IDS.filter((id) => !data.wordClasses!.some((c) => c.id === id));
  if (missingClasses.length > 0 && data.wordClasses!.length > 0) {
    notices.push(`(knowledge) › wordClasses: no ${missingClasses.map((id) => `"${id}"`).join(', ')} class; answering reads it as empty`);
  }
  if (data.events.length === 0) problems.push('(knowledge) › events: no status events found; the bot cannot say who is in Engage');
  return { data, problems, notices, files: files.length };
}

function parseFile(file: string, text: string, problems: string[]): unknown {
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    // e.g. nesting so deep the parser runs out of stack
    problems.push(`${file}: cannot be read as YAML (${(error as Error).message ?? String(error)})`);
    return undefined;
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      problems.push(`${file}${line ? `:${line}` : ''}: YAML syntax error: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  try {
    // yaml refuses aliases that expand past maxAliasCount (a "billion laughs" file) by throwing.
    return doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    problems.push(
      /alias/i.test(message)
        ? `${file}: YAML aliases expand too far (${message}); write the entries out instead of repeating them through anchors and aliases`
        : `${file}: cannot be read as YAML (${message})`,
    );
    return undefined;
  }
}

function entryLabel(raw: unknown, section: SectionName, index: number): string {
  const id = raw && typeof raw === 'object' && 'id' in raw ? (raw as { id: unknown }).id : undefined;
  return typeof id === 'string' && id.trim() ? id : `${section}[${index}] (no id)`;
}

function singular(section: SectionName): string {
  return section === 'entities' ? 'entity' : section === 'ambiguousAliases' ? 'ambiguousAlias' : section.replace(/s$/, '');
}

/** The sections the rules read, less the raw meta. */
type Sections = Omit<RuleInput, 'metas'>;

function checkReferences(s: Sections, problems: string[], notices: string[]): void {
  const sourceIds = new Set(s.sources.map((x) => x.value.id));
  const entityIds = new Set(s.entities.map((x) => x.value.id));
  const factIds = new Set(s.facts.map((x) => x.value.id));
  const used = new Set<string>();
  const checkCitations = (file: string, id: string, citations: { source: string }[]) =>
    citations.forEach((c, i) => {
      used.add(c.source);
      if (!sourceIds.has(c.source)) problems.push(`${file} › ${id} › citations.${i}.source: unknown source "${c.source}"; add it to a sources file or fix the id`);
    });
  const checkEntity = (file: string, id: string, field: string, ref: string | undefined) => {
    if (ref !== undefined && !entityIds.has(ref)) problems.push(`${file} › ${id} › ${field}: unknown entity "${ref}"; define it in an entities file or fix the id`);
  };
  for (const { value: f, file } of s.facts) {
    checkCitations(file, f.id, f.citations);
    f.about.forEach((e, i) => checkEntity(file, f.id, `about.${i}`, e));
    checkEntity(file, f.id, 'describes', f.describes);
    if (f.describes && !f.about.includes(f.describes)) problems.push(`${file} › ${f.id} › describes: "${f.describes}" must also be listed in about`);
    if (f.supersededBy && !factIds.has(f.supersededBy)) problems.push(`${file} › ${f.id} › supersededBy: unknown fact "${f.supersededBy}"`);
    if (f.supersededBy === f.id) problems.push(`${file} › ${f.id} › supersededBy: a fact cannot supersede itself`);
    if (f.validFrom && f.validTo && compareDates(f.validFrom, f.validTo) > 0) {
      problems.push(`${file} › ${f.id} › validTo: ${f.validTo} is before validFrom ${f.validFrom}`);
    }
  }
  const entityKinds = new Map(s.entities.map((x) => [x.value.id, x.value.kind]));
  for (const { value: e, file } of s.events) {
    checkCitations(file, e.id, e.citations);
    checkEntity(file, e.id, 'entity', e.entity);
    checkEntity(file, e.id, 'decidedBy', e.decidedBy);
    checkEntity(file, e.id, 'inspector', e.inspector);
    const kind = entityKinds.get(e.entity);
    if (kind && kind !== 'police_force' && kind !== 'fire_rescue_service') {
      problems.push(`${file} › ${e.id} › entity: "${e.entity}" is a ${kind}; only police forces and fire and rescue services enter Engage`);
    }
    if (e.confidence === 'conflicting' && !e.note) problems.push(`${file} › ${e.id} › note: say how the sources conflict when confidence is "conflicting"`);
  }
  for (const { value: r, file } of s.roles) checkCitations(file, r.id, r.citations);
  for (const { value: e, file } of s.entities) checkCitations(file, e.id, [...(e.citations ?? []), ...(e.formerNames ?? []).flatMap((f) => f.citations ?? [])]);
  for (const { value: src, file } of s.sources) {
    if (!used.has(src.id)) notices.push(`${file} › ${src.id}: source is not cited by any fact or event`);
  }
}

/** Words too common to name one entity: usually a comma inside an unquoted [flow, list]. */
const GENERIC_ALIASES = new Set(['police', 'fire', 'rescue', 'force', 'forces', 'service', 'services', 'crime', 'and', 'of', 'commissioner', 'inspector', 'office', 'council', 'group', 'panel']);

function checkAliases(entities: Located<Entity>[], problems: string[]): void {
  const owner = new Map<string, { id: string; file: string }>();
  for (const { value: e, file } of entities) {
    const names = new Set([e.name, ...e.aliases, ...e.weakAliases].map(normalizeAlias).filter(Boolean));
    for (const name of names) {
      if (GENERIC_ALIASES.has(name)) {
        problems.push(`${file} › ${e.id} › aliases: "${name}" is too generic to name one entity (a comma inside an unquoted [list] splits a name: quote it)`);
        continue;
      }
      const other = owner.get(name);
      if (other && other.id !== e.id) {
        problems.push(`${file} › ${e.id} › aliases: "${name}" is also claimed by ${other.id} (${other.file}); an alias must point at one entity`);
      } else owner.set(name, { id: e.id, file });
    }
  }
  // Role titles may be shared over time (successive Commissioners) but not by two people at once.
  const roleHolders = new Map<string, { id: string; from: number; to: number }[]>();
  for (const { value: e, file } of entities) {
    e.roles.forEach((role, i) => {
      const from = role.from ? rangeOf(role.from).start : role.asOf ? rangeOf(role.asOf).start : Number.NEGATIVE_INFINITY;
      const to = role.to ? rangeOf(role.to).start : role.asOf ? rangeOf(role.asOf).end : Number.POSITIVE_INFINITY;
      if (role.from && role.to && compareDates(role.from, role.to) > 0) {
        problems.push(`${file} › ${e.id} › roles.${i}.to: ${role.to} is before from ${role.from}`);
      }
      const key = normalizeAlias(role.title);
      const holders = roleHolders.get(key) ?? [];
      for (const h of holders) {
        if (h.id !== e.id && from < h.to && h.from < to) {
          problems.push(`${file} › ${e.id} › roles.${i}: "${role.title}" overlaps in time with ${h.id}'s holding of the same role`);
        }
      }
      holders.push({ id: e.id, from, to });
      roleHolders.set(key, holders);
    });
  }
}

function checkTimelines(s: Sections, problems: string[]): void {
  const byEntity = new Map<string, Located<StatusEvent>[]>();
  for (const located of s.events) {
    if (located.value.withdrawn) continue;
    const list = byEntity.get(located.value.entity) ?? [];
    list.push(located);
    byEntity.set(located.value.entity, list);
  }
  for (const [entity, list] of byEntity) {
    list.sort((a, b) => compareDates(a.value.date, b.value.date) || (a.value.event === 'entered_engage' ? -1 : 1));
    let inEngage = false;
    let lastEntry: StatusEvent | undefined;
    for (const { value: e, file } of list) {
      if (e.event === 'entered_engage') {
        if (inEngage) {
          problems.push(`${file} › ${e.id} › date: ${entity} enters Engage on ${formatDate(e.date)} while still in Engage since ${formatDate(lastEntry!.date)} (no exit between them)`);
        }
        inEngage = true;
        lastEntry = e;
      } else {
        if (!inEngage) {
          problems.push(`${file} › ${e.id} › date: impossible timeline: ${entity} leaves Engage on ${formatDate(e.date)} without having entered it before`);
        } else if (lastEntry && rangeOf(e.date).end < rangeOf(lastEntry.date).start) {
          problems.push(`${file} › ${e.id} › date: impossible timeline: leaves Engage (${formatDate(e.date)}) before entering (${formatDate(lastEntry.date)})`);
        }
        inEngage = false;
      }
    }
  }
}

/** Paragraphs of a source text: its non-empty lines, numbered from 1 ("para. N"). */
export function paragraphsOf(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

function checkQuotes(s: Sections, sourceTextDir: string | undefined, problems: string[], notices: string[]): void {
  const withQuotes = [...s.facts, ...s.events].flatMap(({ value, file }) =>
    value.citations.map((c, i) => ({ c, i, file, id: value.id })),
  );
  const sources = new Map(s.sources.map((x) => [x.value.id, x.value]));
  const texts = new Map<string, string[] | null>();
  let skipped = 0;
  for (const { c, i, file, id } of withQuotes) {
    const source = sources.get(c.source);
    if (!source?.file) continue;
    if (!texts.has(source.file)) {
      const path = sourceTextDir ? join(sourceTextDir, source.file) : undefined;
      texts.set(source.file, path && existsSync(path) ? paragraphsOf(readFileSync(path, 'utf8')) : null);
    }
    const paragraphs = texts.get(source.file);
    if (!paragraphs) {
      if (c.quote) skipped++;
      continue;
    }
    const para = c.locator?.match(/^para(?:graph)?\.?\s*(\d+)$/i);
    const n = para ? Number(para[1]) : undefined;
    if (n !== undefined && (n < 1 || n > paragraphs.length)) {
      problems.push(`${file} › ${id} › citations.${i}.locator: "${c.locator}" but ${source.file} has ${paragraphs.length} paragraphs`);
      continue;
    }
    if (!c.quote) continue;
    const quote = collapse(c.quote);
    if (n !== undefined) {
      if (collapse(paragraphs[n - 1]!).includes(quote)) continue;
      const elsewhere = paragraphs.findIndex((p) => collapse(p).includes(quote));
      problems.push(
        elsewhere >= 0
          ? `${file} › ${id} › citations.${i}.quote: found in para. ${elsewhere + 1} of ${source.file}, not in ${c.locator}`
          : `${file} › ${id} › citations.${i}.quote: not found verbatim in ${source.file} ("${c.quote.slice(0, 60)}…")`,
      );
    } else if (!paragraphs.some((p) => collapse(p).includes(quote))) {
      problems.push(`${file} › ${id} › citations.${i}.quote: not found verbatim in ${source.file} ("${c.quote.slice(0, 60)}…")`);
    }
  }
  if (skipped > 0) {
    notices.push(
      `${skipped} quote(s) not checked verbatim: source texts not found${sourceTextDir ? ` in ${sourceTextDir}` : ''} (they live in ../shared/sources beside the project)`,
    );
  }
}
