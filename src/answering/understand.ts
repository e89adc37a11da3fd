// Question understanding: reads a cleaned question into dates, entities, concepts and words
// (correcting typos against the knowledge base's own vocabulary), and weighs each term so the
// answering routes can tell how much of the question they account for. Pure.

import { describeDateExpression, formatDate, isoFromDay, maskRecognised, rangeOf, recogniseDates, type DateExpression, type DateProblem, type EventAnchor } from '../dates.ts';
import { analyzeText, correctWord, type KnowledgeIndex, type Term } from '../knowledge-index.ts';
import { wordProfile } from '../lexicon/word-profile.ts';
import { relatedTermsFor } from '../lexicon/question-terms.ts';
import { claimIn } from './claim.ts';
import { ANCHOR_SPECIFICITY, shapeConcepts } from './answerability.ts';
import { officesMatching } from '../roles.ts';
import { editDistance, EVERYDAY_WORDS, isStopWord, stem, STOP_WORDS, tokenize, type Token } from '../text.ts';

export interface QuestionAnalysis {
  question: string;
  terms: Term[];
  /** Typos corrected, e.g. { from: "engaje", to: "engage" }. */
  corrections: { from: string; to: string }[];
  /** The question with its typos corrected ("Who's the Home Secetary now?" → "… Home secretary …"), for matching phrases such as office titles. */
  corrected: string;
  dates: DateExpression[];
  /** Entities named, strongest first; weak aliases only when the question is about oversight. */
  entities: { id: string; weak: boolean; surface: string }[];
  concepts: Set<string>;
  /** Dates that cannot exist ("31 February 2023"), with the message to show. */
  dateProblems: DateProblem[];
  /** Times given by an event ("after West Mids came out"), resolved by the answering stage. */
  anchors: EventAnchor[];
  /** Term keys an event anchor turned into the question's date ("when GMP left": #greater-manchester-police). */
  anchoredKeys?: Set<string>;
  /** The question word it starts with, if any ("which", "who", "is", …). */
  lead: string | undefined;
  /** The question asks to check a claim, whose words are `question`: answered yes or no first. */
  claim?: true;
  /** Words the knowledge base has never seen (after typo correction). */
  unknownWords: string[];
  /**
   * Unknown words written as names (capitalised, not opening a sentence), in the asker's words
   * and with the words that follow them in the name: "Derbyshire Constabulary", "Manchester United".
   */
  unknownNames: string[];
}

/** Concepts that make a question about oversight, so that weak aliases ("Cleveland") count. */
const OVERSIGHT_CONCEPTS = new Set(['engage', 'scan', 'enter', 'leave', 'force', 'fire-service', 'cause-of-concern', 'improvement-plan', 'inspector', 'commissioner', 'monitor', 'status', 'decide']);
const OVERSIGHT_ENTITIES = new Set(['hmicfrs', 'hm-inspectors', 'iopc', 'college-of-policing', 'npcc', 'ppog']);

/** How much more a topic named first ("stop and search - what did …") weighs than the same words elsewhere. */
const TOPIC_FACTOR = 2;

/** The weight of a time relation to a topic ("before Scan and Engage"): a topic word's. */
const RELATION_WEIGHT = 2;

/** Conjunctions that open a time clause before the question: "After the Met came out, who …". */
const CLAUSE_TIME = new Set(['after', 'before', 'since', 'once', 'while', 'until', 'when']);
/** Prepositions that open a time set before the question: "In 2024, …", "During the summer, …". */
const LEADING_TIME = new Set(['in', 'on', 'during', 'by', 'over', 'between', 'from', 'at', 'around', 'throughout']);

const LEADS = ['which', 'what', 'who', 'whom', 'when', 'why', 'how', 'is', 'are', 'was', 'were', 'has', 'have', 'did', 'does', 'do', 'list', 'name', 'tell', 'show', 'give'];

/**
 * Conversational framing around a question ("quick q:", "remind me", "can you tell me", "pls"):
 * removed before reading, as a person would skip it.
 */
const FRAMING = [
  /^\s*(quick (q|question)|q|question|hey|hi|hello|ok(ay)?|so|um+|right)\s*[:,.!-]*\s+/i,
  /^\s*(can|could|would) you (please |pls )?(tell|remind|show) me\s+/i,
  /^\s*(please |pls )?(remind|tell|show) me\s+/i,
  /^\s*(do you know|i('d| would) like to know|i want to know|i need to know|any idea)\s+/i,
  /[\s,]+(pls|please|thanks|thank you|ta|cheers)[\s.!?]*$/i,
  // "Could you set out …", "would you list …": the request is what follows.
  /^\s*(can|could|would|will) you (please |pls |kindly )?(?=(set out|list|name|give|explain|confirm|check|say|outline|summari[sz]e)\b)/i,
  // "For a piece on police accountability, …": who the asker writes for, not what they ask.
  /^\s*for (a|an|my|our|the|this) [^,?]{1,60},\s*/i,
  // "… the Engage phase - 'special measures' as the papers call it - at any point …": an aside
  // on what people call something names nothing new.
  /\s*[-–—,(]\s*['"‘“]?[\w\s]{2,40}?['"’”]?,?\s+as (?:the |some |most )?(?:papers|press|media|people|headlines|reporters|tabloids|everyone|they|it'?s|is)\s+(?:call|calls|called|put|say|known)\s*(?:it|them)?\s*(?:[-–—,)]|(?=[.?!]|$))/gi,
  // "What's an accelerated cause of concern when it's at home?": "what on earth is".
  /\s+when it'?s at home(?=\s*[?.!]*\s*$)/i,
  // "… this year? 2026 I mean": a speaker's correction marker, not a question about meaning.
  /,?\s*\bi mean\b,?/gi,
  // "What does a PCC do, quick version", "what's the PPOG - spell it out", "… in a nutshell?": how
  // the asker wants the answer put, not what they ask.
  /[\s,;:(–—-]+(?:(?:the|a|in)\s+)?(?:(?:quick|short|brief|simple|plain|potted|one[- ]line)\s+(?:version|answer|summary|english|terms|one)|tl;?dr|in a nutshell|in brief|briefly|in short|in plain english|in one line|keep it (?:short|brief|simple)|spell (?:it|that) out|(?:give me )?the gist)[)\s.!?]*$/i,
];

/** Where the question itself starts after a preamble ("Quick check for a story: which …", "On deadline - when did …", "Sorry if this is a dumb q, but what is …"). */
const QUESTION_START = /(?:^|[:;]\s+|\s+[-–—]+\s+|,?\s+but\s+|[.!]\s+|,?\s+(?:and\s+|so\s+)?(?:i|we)(?:'d| would)?\s+(?:need|want|like|have)\s+to\s+(?:know|find out|check)\s+)(?=(which|what|what's|whats|who|when|why|how|is|are|was|were|has|have|did|does|do|isn't|can|could|list|name|tell)\b)/gi;

/** Drops a preamble that ends before the question proper, when what remains is a question of a few words. */
function stripPreamble(question: string, index: KnowledgeIndex): string {
  let start = 0;
  for (const m of question.matchAll(QUESTION_START)) {
    if (m.index === 0) continue;
    const rest = question.slice(m.index + m[0].length);
    // Only a short preamble, and only when the rest is a question of its own (three words or more).
    // A preamble that names something ("Cleveland Police: …", "devon and cornwall police - when
    // in?"), written in capitals or not, is part of the question: kept.
    const preamble = question.slice(0, m.index);
    // "For a backgrounder: …", "for my piece on police accountability: …": what the asker writes
    // for, not what they ask, unless it names a force or body. So is what comes before "I need to
    // know which …": the asker's own context ("I'm putting together a timeline for a long read").
    const needToKnow = /\bto (know|find out|check)\s*$/i.test(m[0]);
    const purpose = (needToKnow || /^\s*for (a|an|my|our|this)\b/i.test(preamble)) && !/\s[A-Z]|[A-Z]{2,}/.test(preamble.replace(/^\s*I\b/, '')) && !namesSomething(preamble, index, { entitiesOnly: true });
    // "How does a force get out of Engage - who signs it off?": a preamble that asks something
    // itself is the question's first part, not framing.
    const asksItself = /^\W*(which|what|what's|whats|who|when|why|how|is|are|was|were|has|have|did|does|do|can|could)\b/i.test(preamble) && preamble.trim().split(/\s+/).length >= 3;
    if (!asksItself && m.index <= (needToKnow ? 160 : 80) && rest.split(/\s+/).length >= 3 && !/[?]/.test(preamble) && (purpose || (!/\s[A-Z]|[A-Z]{2,}/.test(preamble) && !namesSomething(preamble, index)))) start = m.index + m[0].length;
    break;
  }
  return start > 0 ? question.slice(start) : question;
}

/**
 * Whether a stretch of text names something the question is about: an entity, a force we may not
 * hold ("north yorks police"), a date, or a word the facts are specifically about ("the two
 * teenage girls who were strip searched - what …"). "On deadline - …" and "quick Engage q:" do not.
 */
function namesSomething(text: string, index: KnowledgeIndex, options: { entitiesOnly?: boolean } = {}): boolean {
  if (/\b(police|constabulary|fire|frs|brigade)\b/i.test(text)) return true;
  // "craig guilford - what happened to him?": a person's first name and a slip of their surname.
  const words = tokenize(text).map((t) => t.word);
  if (words.some((w, i) => i > 0 && surnamesAfter(words[i - 1]!, index).some((s) => s.length > 3 && editDistance(w, s, 1) <= 1))) return true;
  if (options.entitiesOnly) return analyzeText(text, index, { strongAliasesOnly: false }).some((t) => t.kind === 'entity');
  return (
    recogniseDates(text, { today: isoFromDay(rangeOf(index.newestRecordDate).end) }).dates.length > 0 || analyzeText(text, index, { strongAliasesOnly: false }).some(
      // A specific domain concept names a topic too ("stop and search - what did inspectors
      // find?"); one most facts carry ("quick Engage q: …") does not.
      (t) => t.kind === 'entity' || (t.kind === 'concept' && !shapeConcepts(index).has(t.key.slice(1)) && (index.idf.get(t.key) ?? 0) >= SPECIFIC_CONCEPT_IDF) || (t.kind === 'word' && index.postings.has(t.key) && (index.specificity.get(t.key) ?? 0) >= EVERYDAY_SPECIFICITY),
    )
  );
}

/** How rare among facts a concept must be to name a topic in a preamble: in about one fact in seven or fewer. */
const SPECIFIC_CONCEPT_IDF = 2;

/** Text-speak spellings of grammar words ("thru", "b4", "cos"): written out before reading. */
const SHORTHAND: [RegExp, string][] = [
  [/\bthru\b/gi, 'through'],
  [/\bb4\b/gi, 'before'],
  [/\b(cos|coz|cuz)\b/gi, 'because'],
  [/\bu\b(?=\s+(know|think|tell|say|said|have|got|mean))/gi, 'you'],
  [/\bwot\b/gi, 'what'],
  [/\btho\b/gi, 'though'],
  [/\bw\/o\b/gi, 'without'],
  [/\bgovt\b/gi, 'government'],
  [/\bdiff\b(?=\s+between)/gi, 'difference'],
  [/\bwots\b/gi, "what's"],
  // "at the mo": at the moment, now.
  [/\bat the mo\b/gi, 'now'],
  // "due to go in front of the PPOG": to appear before it.
  [/\bin front of\b/gi, 'before'],
  [/\bcommish\b/gi, 'commissioner'],
  [/\beli5\b/gi, 'explain'],
  [/\byr\b/gi, 'year'],
  [/\byrs\b/gi, 'years'],
  // "What happened on 21 May 2024 in Engage terms?": as regards Engage, not a question about terms.
  [/\bin ([a-z]+) terms\b/gi, 'in $1'],
  // "at any point during calendar year 2022": during 2022; "the full list": the list.
  [/\bat any (?:point|time|stage)\b/gi, ''],
  [/\b(?:the )?calendar year (?=(?:19|20)\d\d\b)/gi, ''],
  [/\b(full|complete|whole|entire) list\b/gi, 'list'],
  // "process-wise", "timing-wise": as regards the process, the timing.
  [/\b([a-z]+)-wise\b/gi, '$1'],
];

/**
 * An acronym made plural with a small "s" ("FRSs", "PCCs", "CCs") is read as the acronym: the
 * knowledge base names the kind by it, and "how many FRSs" counts them either way.
 */
const PLURAL_ACRONYM: [RegExp, string] = [/\b([A-Z]{2,})s\b/g, '$1'];

/** Units glued to a number, as people type them ("24hrs", "18mths"): written out. */
const GLUED_UNITS: [RegExp, string][] = [
  [/\b(\d+)\s*(?:hrs?|hours?)\b/gi, '$1 hours'],
  [/\b(\d+)\s*(?:mins?)\b/gi, '$1 minutes'],
  [/\b(\d+)\s*(?:yrs?)\b/gi, '$1 years'],
  [/\b(\d+)\s*(?:mths?|mnths?|mos)\b/gi, '$1 months'],
  [/\b(\d+)\s*(?:wks?)\b/gi, '$1 weeks'],
  // "about 80k", "1.5m": thousands and millions, as the facts write them.
  [/\b(\d{1,3})k\b/gi, '$1,000'],
  [/\b(\d+(?:\.\d+)?)\s?(?:m|mn)\b(?!\s*(?:officers|people|crimes))/gi, '$1 million'],
];

/**
 * "Who went into Engage in Nov 2023? think there were a couple": a remark after the question
 * that asks nothing and names nothing is the asker thinking aloud, not part of the question.
 */
function dropTrailingRemark(question: string, index: KnowledgeIndex): string {
  const m = /^(.+?\?)\s+([^?]+?)[.!]*\s*$/.exec(question);
  if (!m) return question;
  const remark = m[2]!;
  if (/^\W*(which|what|who|whom|when|why|how|is|are|was|were|did|does|do|has|have|had|can|could|and|or|also|plus)\b/i.test(remark)) return question;
  // "Who was in Engage at the end of June 2022? One piece I have says only GMP, Cleveland and
  // Glos": what a source says, beside the question, is what the answer will be checked against;
  // the question is answered as asked.
  if (/\b(says|said|reports|reported|claims|claimed|has it|reckons|told me|tells me|suggests)\b/i.test(remark) && m[1]!.trim().split(/\s+/).length >= 4) return m[1]!;
  return namesSomething(remark, index) ? question : m[1]!;
}

/**
 * The asker's own situation, said beside the question: "Doing a West Country piece.", "it's for a
 * profile box", "I keep seeing Feb and April", "writing a line on the white paper and want to get
 * the name right". A sentence or dash-separated clause about the asker (first person, or a bare
 * "doing/writing …") that asks nothing is dropped when another part of the message asks the
 * question; it names nothing the question is about.
 */
const ASKER = /^\W*(?:i|i'm|im|i've|ive|i'd|i am|i was|we|we're|we've|my|our|me|doing|writing|working|putting|filing|prepping|researching|it's for|its for|this is for|that's for|need (?:it|this) for|just (?:want|need|checking))\b/i;
const ASKS = /^\W*(?:which|what|what's|whats|who|whom|when|why|how|where|is|are|was|were|has|have|had|did|does|do|can|could|will|would|list|name|tell|give|show)\b|\?/i;
const WH_ANYWHERE = /\b(?:which|what|who|whom|when|why|how|where|whether)\b/i;
export function dropAskerContext(question: string, index: KnowledgeIndex): string {
  // Split keeping the separators, so what is kept reads as written ("Cressida Dick - when …").
  const pieces = question.split(/((?<=[.?!])\s+|\s+[-–—]+\s+)/);
  const parts = pieces.filter((_, i) => i % 2 === 0);
  if (parts.length < 2) return question;
  // Not a part that names a force or body the question goes on to ask about ("Writing a piece on
  // Bucks fire - when did they come out?"), nor a claim put up for checking ("I've got D&C
  // leaving on 31 July - is that right?").
  const context = (p: string) => ASKER.test(p) && !WH_ANYWHERE.test(p) && !/\b(?:read|heard|told|seen|saw) that\b/i.test(p) && !analyzeText(p, index, { strongAliasesOnly: true }).some((t) => t.kind === 'entity');
  const kept = parts.filter((p) => !context(p));
  if (kept.length === parts.length || kept.length === 0 || !kept.some((p) => ASKS.test(p) || WH_ANYWHERE.test(p))) return question;
  if (kept.every((p) => /^\W*(?:(?:is|was|'s) (?:that|this|it)\b|(?:right|true|correct|accurate)\b)/i.test(p))) return question;
  // Each kept part with the separator that followed it (a dropped part takes its separator with it).
  let out = '';
  for (let i = 0; i < pieces.length; i += 2) if (!context(pieces[i]!)) out += pieces[i]! + (pieces[i + 1] ?? '');
  return out.replace(/\s*[-–—]+\s*$/, '').trim();
}

/**
 * "…, per the june 22 coverage?", "according to the reports": where the asker read it, not what
 * they ask. The time of that coverage is kept ("in june 22"); the rest is dropped.
 */
function dropCoverageFraming(question: string): string {
  return question.replace(/,?\s*\b(?:per|according to|as per|going by) the ((?:[\w-]+ ){0,3}?)(?:coverage|reports|reporting|papers|press|articles|stories|media)\b/gi, (_all, what: string) =>
    /\d|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.test(what) ? ` in ${what.trim()}` : '',
  );
}

function stripFraming(question: string, index: KnowledgeIndex): string {
  let out = stripPreamble(dropTrailingRemark([...SHORTHAND, ...GLUED_UNITS, PLURAL_ACRONYM].reduce((text, [re, to]) => text.replace(re, to), dropCoverageFraming(dropAskerContext(question, index))), index), index);
  for (let pass = 0; pass < 2; pass++) for (const re of FRAMING) out = out.replace(re, ' ');
  const trimmed = joinSplitParticle(out.trim());
  return trimmed.length > 0 ? trimmed : question;
}

/**
 * A phrasal verb split by its object, "let Notts out", "took the Met out of special measures",
 * read joined ("let out Notts") so the vocabulary's "let out", "taken out" find it. Only with a
 * name or "it" between, and "out" ending the clause or followed by "of".
 */
const SPLIT_PARTICLE = /\b(let|lets|letting|take|takes|took|taken|taking|get|gets|got|getting|bring|brings|brought|move|moved|kick|kicked)\s+((?:the\s+)?[A-Z][\w&.'’]*(?:\s+(?:[A-Z&][\w&.'’]*|and))*|it|them)\s+out\b(?=\s*(?:$|[?.!,;:]|of\b))/g;
function joinSplitParticle(text: string): string {
  return text.replace(SPLIT_PARTICLE, (_all, verb: string, object: string) => `${verb} out ${object}`);
}

/**
 * Related words for the words the knowledge base does not use ("sacked", "cops", "blueprint"),
 * from the lexicon (WordNet, lemmas, word vectors), attached to their terms as alternatives at a
 * weight below 1. Read as the knowledge base reads text, so "resigned" becomes @resign.
 */
function attachRelatedWords(terms: Term[], tokens: Token[], index: KnowledgeIndex): void {
  // Every plain word gets related words, not only those the knowledge base lacks: a word it uses
  // once in an unrelated fact ("dealt", of 999 calls) says nothing about the question's topic, and
  // an exact match still outweighs a related one.
  // A name demoted from a weak alias ("~lincoln") is still a name: WordNet's senses of it
  // ("Lincoln" → chief executive) say nothing about the question.
  const open = terms.filter((t) => t.kind === 'word' && !t.key.startsWith('~'));
  if (open.length === 0) return;
  const related = index.relatedWords();
  if (!related.available) return;
  const inTerm = positionsOf(terms.filter((t) => t.kind !== 'word'));
  const words = tokens.map((t) => t.word);
  const inEntityOrConcept = (w: string) => inTerm.has(words.indexOf(w));
  const isKnown = (w: string) => inEntityOrConcept(w) || index.postings.has(stem(w)) || isStopWord(w);
  const found = relatedTermsFor(words, isKnown, related, (w) => !inEntityOrConcept(w) && !isStopWord(w));
  for (const r of found) {
    const term = open.find((t) => t.position === r.start);
    if (!term) continue;
    // Never an entity: "metro" must not become the Met, nor "kids" a named child.
    const keys = analyzeText(r.word, index, { strongAliasesOnly: true }).filter((t) => t.kind !== 'entity' && index.postings.has(t.key));
    for (const k of keys) {
      const list = (term.alternatives ??= []);
      const existing = list.find((a) => a.key === k.key);
      if (existing) existing.weight = Math.max(existing.weight, r.weight);
      else list.push({ key: k.key, weight: r.weight });
    }
  }
}

/**
 * A short word that is no English word at all ("wre", "teh", "whcih") is most likely a slip on a
 * grammar word: the commonest stop word one edit away ("were"). Real words are left alone.
 */
/**
 * How English stands to a word the knowledge base does not know: a word it uses as written (a
 * dictionary word, or a name when capitalised: "movement", "Casey"), a string it never uses
 * ("stil", "mett"), or neither (a rare word, a common slip such as "teh").
 */
function englishStanding(word: string, capitalised: boolean, index: KnowledgeIndex): 'english' | 'not-a-word' | 'other' {
  const inCorpus = index.relatedWords().isEnglishWord(word);
  if (inCorpus && (capitalised || wordProfile().pos(word) !== undefined)) return 'english';
  const profile = wordProfile();
  if (!inCorpus && !capitalised && profile.available && profile.zipf(word) === 0) return 'not-a-word';
  return 'other';
}

/** The words of people's names and aliases ("sadiq", "khan"): what a misspelt name may be corrected to. */
const personWordsCache = new WeakMap<KnowledgeIndex, Set<string>>();
function personNameWords(index: KnowledgeIndex): Set<string> {
  let set = personWordsCache.get(index);
  if (!set) {
    set = new Set();
    for (const e of index.entities.values()) if (e.kind === 'person') for (const n of [e.name, ...e.aliases]) for (const t of tokenize(n)) if (t.word.length > 2) set.add(t.word);
    personWordsCache.set(index, set);
  }
  return set;
}

/** The longer words of force and service names ("gloucestershire", "lincolnshire"), once per index. */
const placeWordsCache = new WeakMap<KnowledgeIndex, string[]>();
function placeWords(index: KnowledgeIndex): string[] {
  let list = placeWordsCache.get(index);
  if (!list) {
    const set = new Set<string>();
    for (const e of index.entities.values()) if (e.kind === 'police_force' || e.kind === 'fire_rescue_service') for (const t of tokenize(e.name)) if (t.word.length >= 6) set.add(t.word);
    list = [...set];
    placeWordsCache.set(index, list);
  }
  return list;
}

/**
 * A county shortened the way the British shorten them — the first letters, then some of the
 * rest, often with a closing "s" ("Gloucs", "Glos", "Northants", "Wilts") — read as the one force
 * or service name it can stand for. Its letters appear in order in the name, which starts as it
 * does; nothing is read when two names fit.
 */
function countyShortening(word: string, index: KnowledgeIndex): string | undefined {
  if (word.length < 4) return undefined;
  const letters = word.endsWith('s') ? word.slice(0, -1) : word;
  const fits = placeWords(index).filter((p) => p.length > word.length && p.startsWith(word.slice(0, 3)) && isSubsequence(letters, p));
  return fits.length === 1 ? fits[0] : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * For each person's first name, the surnames that follow it in their names ("andy" → cooke): a
 * word one slip from one of them, right after the first name ("andy cook"), is that surname,
 * even when English knows the slip as a word.
 */
const surnameCache = new WeakMap<KnowledgeIndex, Map<string, string[]>>();
function surnamesAfter(first: string, index: KnowledgeIndex): string[] {
  let map = surnameCache.get(index);
  if (!map) {
    map = new Map();
    for (const e of index.entities.values()) {
      if (e.kind !== 'person') continue;
      for (const n of [e.name, ...e.aliases]) {
        const words = tokenize(n).map((t) => t.word);
        for (let i = 0; i + 1 < words.length; i++) map.set(words[i]!, [...new Set([...(map.get(words[i]!) ?? []), words[i + 1]!])]);
      }
    }
    surnameCache.set(index, map);
  }
  return map.get(first) ?? [];
}

/**
 * "whitepaper", "sexoffenders": two words the knowledge base holds, written as one that neither
 * it nor English knows, are read as the two.
 */
function splitCompound(token: Token, index: KnowledgeIndex): Token[] | undefined {
  const w = token.word;
  if (w.length < 7 || index.knownWords.has(w) || /\d/.test(w) || wordProfile().zipf(w) > 0) return undefined;
  for (let k = 3; k <= w.length - 3; k++) {
    const [a, b] = [w.slice(0, k), w.slice(k)];
    if (index.postings.has(stem(a)) && index.postings.has(stem(b)) && !isStopWord(a) && !isStopWord(b)) {
      return [
        { word: a, stem: stem(a), index: token.index },
        { word: b, stem: stem(b), index: token.index + k },
      ];
    }
  }
  return undefined;
}

/** Stop words and the one-word terms of question-shape concepts ("many", "long", "still"). */
const grammarCache = new WeakMap<KnowledgeIndex, Set<string>>();
function grammarWords(index: KnowledgeIndex): Set<string> {
  let set = grammarCache.get(index);
  if (!set) {
    set = new Set(STOP_WORDS);
    for (const c of index.data.concepts) if (c.shape) for (const term of c.terms) for (const w of term.toLowerCase().split(/\s+/)) if (/^[a-z]+$/.test(w)) set.add(w);
    grammarCache.set(index, set);
  }
  return set;
}

function misspeltGrammarWord(word: string, index: KnowledgeIndex): string | undefined {
  if (word.length < 3 || word.length > 5 || index.knownWords.has(word) || /\d/.test(word)) return undefined;
  const profile = wordProfile();
  if (!profile.available || profile.zipf(word) > 0) return undefined;
  let best: string | undefined;
  let bestZipf = 0;
  for (const candidate of grammarWords(index)) {
    if (Math.abs(candidate.length - word.length) > 1 || candidate.length < 3 || editDistance(word, candidate, 1) > 1) continue;
    const z = profile.zipf(candidate);
    if (z > bestZipf) [best, bestZipf] = [candidate, z];
  }
  return best;
}

/**
 * A longer string English does not use, one slip from a common English word the knowledge base
 * does not hold ("differnce" → difference, "happend" → happened): that word, so the words that
 * shape a question are read even when misspelt. The likeliest (most frequent) candidate wins.
 */
function misspeltCommonWord(word: string): string | undefined {
  if (word.length < 4 || /\d/.test(word)) return undefined;
  const profile = wordProfile();
  if (!profile.available || profile.zipf(word) > 0) return undefined;
  // A short non-word is too near too many words for any slip but two letters swapped ("fiel" → file).
  if (word.length < 6) {
    const swaps = [...word].slice(0, -1).map((_, i) => word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)).filter((w) => profile.zipf(w) >= COMMON_ZIPF);
    return swaps.length === 1 ? swaps[0] : undefined;
  }
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let best: string | undefined;
  let bestZipf = COMMON_ZIPF;
  const consider = (candidate: string) => {
    const z = profile.zipf(candidate);
    if (z >= bestZipf) [best, bestZipf] = [candidate, z];
  };
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    if (i < word.length) consider(head + word.slice(i + 1));
    if (i < word.length - 1) consider(head + word[i + 1] + word[i] + word.slice(i + 2));
    for (const c of letters) {
      consider(head + c + word.slice(i));
      if (i < word.length) consider(head + c + word.slice(i + 1));
    }
  }
  return best;
}
/** How common (Zipf) a word must be to be taken as what a misspelling meant: about once per 100,000 words. */
const COMMON_ZIPF = 4;

/**
 * An office named in a question ("the home secretary", "the Met commissioner") stands for the
 * people who held it: each holder of record is an alternative for the office's words, at a
 * weight below an exact name, so a fact about Priti Patel can answer "what did the home
 * secretary say?" (the date, where given, then picks the holder).
 */
function attachOfficeHolders(terms: Term[], question: string, index: KnowledgeIndex): void {
  const mentions = officesMatching(index.data, question).filter((m) => m.office);
  for (const mention of mentions) {
    const holders = [...new Set((index.data.roles ?? []).filter((r) => r.office === mention.office!.id).map((r) => r.holder))];
    const words = new Set(mention.words.split(' '));
    const covering = terms.filter((t) => t.kind !== 'entity' && t.surface.split(' ').every((w) => words.has(w)));
    const target = covering.at(-1);
    if (!target) continue;
    const list = (target.alternatives ??= []);
    for (const id of holders) if (index.postings.has('#' + id) && !list.some((a) => a.key === '#' + id)) list.push({ key: '#' + id, weight: 0.8 });
  }
}

function coversToday(d: DateExpression, today: string | undefined): boolean {
  if (!today) return false;
  const day = rangeOf(today).start;
  return d.range.start <= day && d.range.end >= day && !d.open;
}

const conceptStemCache = new WeakMap<KnowledgeIndex, Set<string>>();

/** Every stem of a concept phrase ("engag", "measur", "monitor" …). */
function conceptStems(index: KnowledgeIndex): Set<string> {
  let set = conceptStemCache.get(index);
  if (!set) {
    set = new Set([...index.conceptPhrases.keys()].flatMap((phrase) => phrase.split(' ')));
    conceptStemCache.set(index, set);
  }
  return set;
}

/** "before Scan and Engage", "prior to the PPOG": a time word just before a concept or a name. */
/** "Is Priti Patel married?": the word after the subject of a yes-or-no question is what it asks. */
function markPredicate(terms: Term[], lead: string | undefined): void {
  if (!lead || !/^(is|are|was|were|isn't|wasn't)$/.test(lead)) return;
  const subject = terms.findIndex((t) => t.kind === 'entity');
  const next = subject >= 0 ? terms[subject + 1] : undefined;
  if (next && next.kind === 'word' && terms.length === subject + 2) next.predicate = true;
}

/**
 * "Which forces managed to get out in 2025?", "did Notts try to leave?": a carrier verb (a word
 * class of the knowledge base) before "to" carries the verb after it, which says what happened.
 */
function markLightVerbs(terms: Term[], tokens: Token[], index: KnowledgeIndex): void {
  const profile = wordProfile();
  for (const [i, t] of terms.entries()) {
    if (t.kind !== 'word') continue;
    if (tokens[t.position + 1]?.word === 'to' && index.wordClass('carrier-verb').has(t.key)) t.light = true;
    // "Can HMICFRS force a *failing* police force to change?", "underperforming forces": a
    // participle or adjective before "force" or "service" says which forces, generically; the
    // question is about forces, not about failing.
    const next = terms[i + 1];
    if (next?.kind === 'concept' && (next.key === '@force' || next.key === '@fire-service') && next.position === t.position + 1 && (/(ing|ed)$/.test(t.surface) || profile.pos(t.surface) === 'a')) t.light = true;
  }
}

/** Verbs of making someone do something, which after "can X …" ask about X's powers. */
const CAUSATIVE = new Set(['force', 'make', 'compel', 'order', 'require', 'direct', 'instruct', 'oblige', 'sack', 'remove']);

/**
 * "Can HMICFRS actually force a force to change?", "could the home sec make the inspectorate
 * look at a force?": "can X <make> Y …" asks whether X has that power. The verb is read as the
 * powers concept (not as "force", the police force), when the knowledge base has one.
 */
function readCausative(terms: Term[], tokens: Token[], index: KnowledgeIndex): Term[] {
  if (!/^(can|could|does|do)$/.test(tokens[0]?.word ?? '') || !index.postings.has('@powers')) return terms;
  const at = tokens.findIndex((t, i) => i > 1 && i <= 6 && CAUSATIVE.has(t.word));
  if (at < 0) return terms;
  // Making someone *do* something: "to" or a verb follows the object ("force a force to change",
  // "make the inspectorate look"). "Order extra inspections" orders a thing: no power asked about.
  const profile = wordProfile();
  if (!tokens.slice(at + 2, at + 8).some((t) => t.word === 'to' || (profile.pos(t.word) === 'v' && !/^(be|is|are|was|were)$/.test(t.word)))) return terms;
  // Between "can" and the verb: the agent ("HMICFRS", "the home sec") and adverbs, no other verb
  // (a name's words, and the word just before the verb, may be tagged as verbs).
  const inNames = positionsOf(terms.filter((x) => x.kind === 'entity'));
  for (let k = 1; k < at - 1; k++) if (profile.pos(tokens[k]!.word) === 'v' && !inNames.has(k)) return terms;
  return terms.map((t) => (t.position === at && t.surface.split(' ').length === 1 ? { key: '@powers', kind: 'concept', surface: t.surface, position: t.position } : t));
}

function markTimeRelations(terms: Term[], index: KnowledgeIndex): void {
  terms.forEach((t, i) => {
    const next = terms[i + 1];
    // "Before HMICFRS", "before Rowley": a person's career or a succession, which profiles and
    // role records tell; only a time given by a process ("before Scan and Engage") weighs as one.
    const kind = next?.kind === 'entity' ? index.entities.get(next.key.slice(1))?.kind : undefined;
    if (kind === 'person' || kind === 'oversight_body') return;
    if (t.kind === 'word' && /^(befor|prior|predat|preced)$/.test(t.key) && next && next.kind !== 'word' && next.position <= t.position + 2) t.relation = true;
  });
}

/**
 * "In 2019 and 2020", "in May or June 2024": two periods that follow each other, joined by
 * "and" or "or", are one period of the question. Others stay apart.
 */
function joinAdjacentDates(question: string, dates: DateExpression[]): DateExpression[] {
  const out: DateExpression[] = [];
  for (const d of dates) {
    const previous = out.at(-1);
    const between = previous ? question.slice(previous.index + previous.matched.length, d.index) : '';
    if (previous && !previous.open && !d.open && /^\s*(and|or|&|,)\s*$/i.test(between) && d.range.start === previous.range.end + 1) {
      out[out.length - 1] = {
        date: previous.date,
        range: { start: previous.range.start, end: d.range.end },
        matched: question.slice(previous.index, d.index + d.matched.length),
        index: previous.index,
        precision: 'range',
        label: `${describeDateExpression(previous)} and ${describeDateExpression(d)}`,
        // "22nd or 23rd May": still without a year, so the records may supply it.
        ...(previous.yearless && d.yearless ? { yearless: true as const } : {}),
      };
      continue;
    }
    out.push(d);
  }
  return out;
}

export interface UnderstandOptions {
  /** Today (YYYY-MM-DD), for "last year"; defaults to the newest record's day. */
  today?: string;
}

export function understandQuestion(rawQuestion: string, index: KnowledgeIndex, options: UnderstandOptions = {}): QuestionAnalysis {
  // "Someone's written that D&C came out on 31 July 2025 — right?": the claim is what is read.
  const unframed = stripFraming(rawQuestion, index);
  const claim = claimIn(unframed);
  const today = options.today ?? isoFromDay(rangeOf(index.newestRecordDate).end);
  // "The June 2022 wire story said only three other forces were in Engage": a claim that gives
  // no time of its own is about the time of the report that made it.
  const reportDate = claim?.sayer && recogniseDates(claim.text, { today }).dates.length === 0 ? recogniseDates(claim.sayer, { today }).dates[0] : undefined;
  const question = claim ? (reportDate ? `${claim.text} in ${formatDate(reportDate.date)}` : claim.text) : unframed;
  const recognised = recogniseDates(question, { today });
  // "(Remind me) when Lincs was put into Engage" opens with the event: it is what is asked, not a
  // time condition on something else, so it is read as words.
  // So does "what was the date when the Met went in?": the date of the event is what is asked.
  // But "When Notts went in, who else was in?" sets a time for the question after the comma.
  const questionFollows = (a: EventAnchor) => /^\s*,\s*(which|what|who|whom|how|is|are|was|were|did|has|had|have)\b/i.test(question.slice(a.index + a.matched.length));
  const asksItsDate = (before: string, a: EventAnchor) => (before.trim() === '' && !questionFollows(a)) || /^\W*(what|which)\s+(?:was|is|were)?\s*(?:the\s+)?(?:exact\s+)?(date|day|month|year|time)(?:\s+(?:was it|is it))?\s*$/i.test(before);
  const found = { ...recognised, anchors: recognised.anchors.filter((a) => !(a.relation === 'when' && asksItsDate(question.slice(0, a.index), a))) };
  // "Today", "this month", "this year" about a status mean now: as of the newest record, which
  // the answer states. They are read as "now", not as a date the records do not reach.
  const dates = joinAdjacentDates(question, found.dates.filter((d) => !(d.relativeToToday && coversToday(d, options.today))));
  // Blank out dates so "June 2022" is not read as words (or "June" as a typo of something); an
  // event anchor keeps its subject ("after West Mids came out" leaves "West Mids").
  const rest = maskRecognised(question, found);

  const corrections: { from: string; to: string }[] = [];
  const names = capitalisedWords(question);
  // "What actually happens to a force …": an intensifier says nothing of the topic and would
  // break a phrase the vocabulary knows ("what happens to"), so it is not read.
  const intensifiers = index.wordClass('intensifier');
  const raw = tokenize(rest)
    .filter((t) => !intensifiers.has(t.stem))
    .flatMap((t) => splitCompound(t, index) ?? [t]);
  const tokens = raw.map((token, position) => {
    // A word just before "police", "constabulary" or "fire" stands where a force's name goes.
    if (/^(police|constabulary|fire|frs|brigade)$/.test(raw[position + 1]?.word ?? '') && !describesNotNames(token.word)) names.add(token.word);
    // A misspelt first word is most likely a question word ("wich" → which, not "with").
    // So is the first word of a clause ("After West Mids got out, wich forces …").
    const clauseStart = position === 0 || /[,;:]\s*$/.test(rest.slice(0, token.index));
    const lead = clauseStart && !index.knownWords.has(token.word) ? LEADS.find((w) => editDistance(token.word, w, 1) <= 1 && token.word.length > 2) : undefined;
    // Only a word the knowledge base does not know is a candidate for correction; whether English
    // uses it is asked once, and only then.
    const english = index.knownWords.has(token.word) ? undefined : englishStanding(token.word, names.has(token.word), index);
    // A string English does not use at all may be corrected even when short ("stil" → still).
    // "andy cook": one slip from the surname that follows this first name in a person's name.
    const surname = raw[position - 1] ? surnamesAfter(raw[position - 1]!.word, index).find((w) => w !== token.word && w.length > 3 && editDistance(token.word, w, 1) <= 1) : undefined;
    if (surname) {
      corrections.push({ from: token.word, to: surname });
      return { ...tokenize(surname)[0]!, index: token.index };
    }
    let fixed = lead ?? correctWord(token.word, index, { notAWord: english === 'not-a-word' }) ?? misspeltGrammarWord(token.word, index) ?? (names.has(token.word) ? undefined : misspeltCommonWord(token.word));
    // A capitalised word mid-sentence is a name: correct it only towards a name we know
    // ("Glocestershire" → gloucestershire), never to an ordinary word ("Kent" → "kept").
    // The same goes for the domain's own words: "Enagage" → engage.
    if (fixed && !lead && names.has(token.word) && !index.aliasWords.has(fixed) && !conceptStems(index).has(stem(fixed))) fixed = undefined;
    // A name one slip from a name we hold ("Sadiq Kahn" → khan) is that name, even if English
    // knows the slip as a name too.
    const nameSlip = fixed !== undefined && names.has(token.word) && personNameWords(index).has(fixed) && editDistance(token.word, fixed, 1) <= 1 && wordProfile().zipf(token.word) < 3;
    // A word English knows is meant as written: "movement" is not a slip for "moment", nor the
    // name in "the Casey review" one for "case". Its related words find what it means.
    // (A lower-case word must also be in the dictionary: "frist" and "teh" are common slips.)
    // Unless it is a rare word one slip from a common one the knowledge base uses ("minster" →
    // minister): the common word is far likelier meant.
    const rareSlip = english === 'english' && !names.has(token.word) && fixed !== undefined && wordProfile().zipf(token.word) < 2.5 && wordProfile().zipf(fixed) >= 4 && editDistance(token.word, fixed, 1) <= 1;
    if (fixed && !lead && english === 'english' && !rareSlip && !nameSlip) fixed = undefined;
    // "gloucs constabulary": a name English does not know, shortened from a force's county.
    if (!fixed && english !== 'english' && names.has(token.word) && !index.knownWords.has(token.word) && !index.aliasWords.has(token.word)) fixed = countyShortening(token.word, index);
    if (!fixed) return token;
    corrections.push({ from: token.word, to: fixed });
    const [retokenized] = tokenize(fixed);
    return retokenized ? { ...retokenized, index: token.index } : token;
  });

  let terms = readEllipticInOut(readScheduledDueTo(readPastHappening(readMoveByParticle(analyzeText(rest, index, { strongAliasesOnly: false, tokens }), tokens)), tokens), tokens, rest, index, found.anchors.some((a) => a.move === 'enter' || a.move === 'leave' || a.move === 'stay'));
  const concepts = new Set(terms.filter((t) => t.kind === 'concept').map((t) => t.key.slice(1)));
  const strongEntities = terms.filter((t) => t.kind === 'entity' && !t.weak).map((t) => t.key.slice(1));
  const aboutOversight =
    [...concepts].some((c) => OVERSIGHT_CONCEPTS.has(c)) ||
    // "when Notts came out of Engage": a move into or out of Engage is read as a time, not as
    // words, but it still makes the question one about oversight.
    found.anchors.some((a) => a.move === 'enter' || a.move === 'leave' || a.move === 'stay') ||
    strongEntities.some((id) => OVERSIGHT_ENTITIES.has(id) || index.eventsByEntity.has(id)) ||
    terms.some((t) => t.kind === 'word' && index.wordClass('oversight').has(t.key));

  // A weak alias ("Manchester", "Cleveland", "Dick") names its entity in a question about
  // oversight, or when another term of the question occurs in the entity's own facts ("why did
  // dick step down"); otherwise it stays a plain word, which the knowledge base may not know.
  terms = terms.map((t) => {
    if (t.kind !== 'entity' || !t.weak || aboutOversight || coOccurs(t, terms, index)) return t;
    return { key: `~${t.surface}`, kind: 'word', surface: t.surface, unknown: true, position: t.position };
  });

  const entities: QuestionAnalysis['entities'] = [];
  for (const t of terms) {
    if (t.kind !== 'entity') continue;
    const id = t.key.slice(1);
    if (!entities.some((e) => e.id === id)) entities.push({ id, weak: t.weak === true, surface: t.surface });
  }
  entities.sort((a, b) => Number(a.weak) - Number(b.weak));

  for (const t of terms) {
    if (t.kind === 'word' && !t.unknown && !index.postings.has(t.key) && !index.knownWords.has(t.surface)) t.unknown = true;
    // A capitalised name no fact mentions on its own ("Scotland", known only from "Police
    // Scotland") names something we hold nothing about.
    if (t.kind === 'word' && !t.unknown && !index.postings.has(t.key) && names.has(t.surface)) t.unknown = true;
  }
  markTimeRelations(terms, index);
  terms = readCausative(terms, tokens, index);
  markLightVerbs(terms, tokens, index);
  markPredicate(terms, tokens[0]?.word);
  attachRelatedWords(terms, tokens, index);
  const corrected = applyCorrections(question, corrections);
  attachOfficeHolders(terms, corrected, index);
  // "In the spring of 2024, did any force leave?": a time set before the question does not lead it.
  // So does a time given by an event: "After the Met came out, who was still in?".
  const comma = rest.indexOf(',');
  const afterComma = tokens.find((t) => t.index > comma)?.word;
  const anchorFirst = found.anchors.some((a) => question.slice(0, a.index).trim() === '');
  // And so does any short phrase before a comma that asks nothing itself ("Apart from the Met,
  // who else …", "For the record, which …").
  const phraseFirst = tokens[0] !== undefined && !LEADS.includes(tokens[0].word) && afterComma !== undefined && LEADS.includes(afterComma);
  const timeFirst = tokens[0] && comma > 0 && comma < 60 && (LEADING_TIME.has(tokens[0].word) || phraseFirst || ((anchorFirst || CLAUSE_TIME.has(tokens[0].word)) && afterComma !== undefined && LEADS.includes(afterComma)));
  const topic = topicFirst(rest, tokens, terms);
  // What is named before the colon or dash is what the question is about: it weighs double.
  if (topic !== undefined) for (const t of terms) if ((tokens[t.position]?.index ?? Infinity) < topic && t.kind !== 'word') t.topic = true;
  // "In summer 2023 was Glos fire in Engage?": a time read off the front (its words masked out)
  // leaves the question word next.
  const maskedTimeFirst = tokens[0] && tokens[1] && LEADING_TIME.has(tokens[0].word) && /^\s{4,}$/.test(rest.slice(tokens[0].index + tokens[0].word.length, tokens[1].index));
  const firstWord = timeFirst ? tokens.find((t) => t.index > comma)?.word : topic ? tokens.find((t) => t.index > topic)?.word : maskedTimeFirst ? tokens[1]!.word : tokens[0]?.word;
  return {
    question,
    terms,
    corrections,
    corrected,
    dates: sameYearAsSiblings(dates.map((d) => (d.yearless ? yearFromRecords(d, entities, index) : d)), index),
    dateProblems: found.problems,
    anchors: found.anchors,
    entities,
    concepts,
    lead: firstWord && LEADS.includes(firstWord) ? firstWord : undefined,
    unknownWords: terms.filter((t) => t.unknown).map((t) => t.surface),
    unknownNames: distinctNames([...unknownNamesIn(question, terms.filter((t) => t.unknown && t.kind === 'word').map((t) => t.surface)), ...unknownForces(terms, tokens), ...longerNames(terms, tokens, names, index)]),
    ...(claim ? { claim: true as const } : {}),
  };
}

/** The token positions the terms cover ("Devon and Cornwall Police" covers four). */
function positionsOf(terms: Term[]): Set<number> {
  const out = new Set<number>();
  for (const t of terms) for (let k = 0; k < t.surface.split(' ').length; k++) out.add(t.position + k);
  return out;
}

/** A text with the question's typo corrections applied ("Home Secetary" → "Home secretary"). */
export function applyCorrections(text: string, corrections: QuestionAnalysis['corrections']): string {
  return corrections.reduce((out, c) => out.replace(new RegExp(`\\b${c.from.replace(/[^a-z0-9]/gi, '\\$&')}\\b`, 'i'), c.to), text);
}

/** Words that may follow a clause-final "in" or "out" ("is Lincs still in yet?"). */
const AFTER_PARTICLE = new Set(['yet', 'now', 'still', 'again', 'already', 'then', 'anymore', 'today', 'on', 'in', 'during', 'at', 'around', 'before', 'after', 'since', 'between', 'throughout', 'from', 'until', 'when', 'while', 'by', 'or']);

/**
 * "Lincs got shoved into enhanced monitoring", "the Met was booted out of special measures": any
 * verb right before "into" (or "out of", or "off") Engage is a move into (or out of) it, whatever the verb.
 */
function readMoveByParticle(terms: Term[], tokens: Token[]): Term[] {
  return terms.map((t, i) => {
    const after = terms[i + 1];
    // "booted out of special measures": the move is already read ("out of"); the verb only carries it.
    if (t.kind === 'word' && after && (after.key === '@leave' || after.key === '@enter') && after.position === t.position + 1 && /^(out|into|in)\b/.test(after.surface)) return { ...t, light: true };
    if (t.kind !== 'word' || after?.key !== '@engage') return t;
    const next = tokens[t.position + 1]?.word;
    const twoOn = tokens[t.position + 2]?.word;
    const engageAt = after.position;
    if (next === 'into' && engageAt <= t.position + 3) return { key: '@enter', kind: 'concept', surface: t.surface, position: t.position };
    if (next === 'out' && twoOn === 'of' && engageAt <= t.position + 4) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    // "come off Engage", "taken off special measures": off it is out of it.
    if (next === 'off' && engageAt <= t.position + 3) return { key: '@leave', kind: 'concept', surface: t.surface, position: t.position };
    return t;
  });
}

/**
 * "What happens to a force in Engage?" asks how the process works; "what happened to GMP in
 * December 2020?" asks what the records say took place. The vocabulary matches stems, so the
 * tense is read here: in the past, the phrase asks for a subject's record (its status).
 */
function readPastHappening(terms: Term[]): Term[] {
  return terms.map((t) => (t.key === '@meaning' && /\bhappened\b/i.test(t.surface) ? { ...t, key: '@status' } : t));
}

/**
 * "When was the new commissioner due to go before the PPOG?": "due to" before a verb says what
 * was scheduled, not why; only "due to" before a noun ("due to failings") gives a cause.
 */
function readScheduledDueTo(terms: Term[], tokens: Token[]): Term[] {
  return terms.filter((t) => !(t.key === '@why' && /^due to$/i.test(t.surface) && wordProfile().pos(tokens[t.position + 2]?.word ?? '') === 'v'));
}

/**
 * "Is Lincs still in?", "was GMP ever in?", "how long was the Met in?", "is Bucks out yet?":
 * newsroom shorthand, where "in" ends the clause about a force or service on the Engage records
 * and means in Engage ("out": out of it). Read as the Engage (or leave) concept, only when the
 * question names such a subject and no other Engage word.
 */
function readEllipticInOut(terms: Term[], tokens: Token[], rest: string, index: KnowledgeIndex, engageAnchor: boolean): Term[] {
  // ("When Notts went in, who else was in?": a time given by an Engage move makes it one too.)
  const subject = engageAnchor || terms.some((t) => t.kind === 'entity' && index.eventsByEntity.has(t.key.slice(1)));
  if (!subject || terms.some((t) => t.kind === 'concept' && /^@(engage|enter|leave|scan)$/.test(t.key))) return terms;
  const out = [...terms];
  tokens.forEach((tok, i) => {
    if (tok.word !== 'in' && tok.word !== 'out') return;
    const next = tokens[i + 1];
    const between = next ? rest.slice(tok.index + tok.word.length, next.index) : rest.slice(tok.index + tok.word.length);
    const endsClause = !next || /[?.!,;:]|\s[-–—]\s/.test(between) || AFTER_PARTICLE.has(next.word);
    // Right after the subject, "still"/"ever"/"back", or a form of "be" ("was GMP ever in?", "is
    // Lincs in?"), never after a verb whose particle it is ("what did the report set out?").
    const prev = tokens[i - 1];
    const subjectEnds = terms.some((t) => t.kind === 'entity' && t.position + t.surface.split(' ').length === i);
    // "Which county is Cleveland in?", "where is Devon in?" ask where, not whether it is in Engage.
    const asksWhere = /^(which|what|where)$/.test(tokens[0]?.word ?? '') && subjectEnds;
    const after = !asksWhere && (subjectEnds || (prev !== undefined && /^(still|ever|already|back|yet|now|been|is|was|were|are|be|being|when|and)$/.test(prev.word)));
    if (!endsClause || !after || out.some((t) => t.position === i && t.kind !== 'word')) return;
    // "When did they put Lincs in?": a placing verb before the subject makes it the move in.
    const subjectTerm = terms.find((t) => t.kind === 'entity' && t.position + t.surface.split(' ').length === i);
    const placed = subjectTerm !== undefined && /^(put|putting|puts|placed|place|moved|move|sent|send|let|brought|bring|took|take|taken|stuck|pushed|dropped)$/.test(tokens[subjectTerm.position - 1]?.word ?? '');
    const read: Term = { key: tok.word === 'in' ? (placed ? '@enter' : '@engage') : '@leave', kind: 'concept', surface: tok.word, position: i };
    const at = out.findIndex((t) => t.position === i);
    if (at >= 0) out[at] = read;
    else out.push(read);
  });
  return out.sort((a, b) => a.position - b.position);
}

/**
 * "Did Notts get out on 22 May?": a day written without its year takes the year of the named
 * subject's Engage move on that day, or in that month; failing both, the reader's reading (the
 * latest such day) stands.
 */
/**
 * "28th or 30th June?": two yearless days asked side by side are of one year, so a day the records
 * place ("28 June": 2022) gives its year to one they do not, which would otherwise read as a
 * day past the records.
 */
function sameYearAsSiblings(dates: DateExpression[], index: KnowledgeIndex): DateExpression[] {
  const newest = rangeOf(index.newestRecordDate).end;
  const placed = dates.find((d) => d.yearless && d.range.start <= newest);
  if (!placed) return dates;
  const year = placed.date.slice(0, 4);
  return dates.map((d) => {
    if (!d.yearless || d.range.start <= newest || d.precision !== 'day') return d;
    const date = year + d.date.slice(4);
    return { ...d, date, range: rangeOf(date), label: describeDateExpression({ ...d, date, range: rangeOf(date), label: undefined }) };
  });
}

function yearFromRecords(d: DateExpression, entities: QuestionAnalysis['entities'], index: KnowledgeIndex): DateExpression {
  const monthDay = d.date.slice(4);
  const last = d.until ?? (d.precision === 'range' ? isoFromDay(d.range.end) : d.date);
  const moves = entities.flatMap((e) => index.eventsByEntity.get(e.id) ?? []);
  // "WMP got let out in sept 24", "the june 22 coverage": a month and two digits is also a month
  // and a year, as newsrooms write them. The reading the subject's records support wins: Sept 2024
  // for West Midlands Police's exit, but 22 May (2025) for "Notts left on May 22".
  const monthYear = /^[a-z]+\.?\s+(\d{2})$/i.exec(d.matched.trim());
  if (monthYear && d.precision === 'day') {
    const asMonth = `20${monthYear[1]}-${d.date.slice(5, 7)}`;
    const onDay = moves.some((m) => m.date.slice(4) === monthDay);
    if (!onDay && moves.some((m) => m.date.startsWith(asMonth))) {
      const { yearless: _dayReading, ...rest } = d;
      return { ...rest, date: asMonth, range: rangeOf(asMonth), precision: 'month', label: formatDate(asMonth) };
    }
  }
  // A move on a day the question names (or between its two days), else one in its month.
  const within = (m: { date: string }) => m.date.length === 10 && m.date.slice(4) >= monthDay && m.date.slice(4) <= last.slice(4);
  let move: { date: string } | undefined = moves.find(within) ?? moves.find((m) => m.date.slice(4, 7) === monthDay.slice(0, 3));
  // "The 29 June Mail piece", "28th or 30th June?": with no subject's move to go by, a day read
  // as this year's would be past the records; the latest year in which something on record
  // happened on that day is what the asker means.
  if (!move && d.range.start > rangeOf(index.newestRecordDate).end) {
    const onThatDay = [...index.eventsById.values(), ...index.docs.map((doc) => doc.fact)].filter((x) => x.date !== undefined && within({ date: x.date }));
    move = onThatDay.map((x) => ({ date: x.date! })).sort((a, b) => b.date.localeCompare(a.date))[0];
  }
  if (!move || move.date.slice(0, 4) === d.date.slice(0, 4)) return d;
  const year = move.date.slice(0, 4);
  const date = year + monthDay;
  const end = last !== d.date ? year + last.slice(4) : undefined;
  const range = { start: rangeOf(date).start, end: rangeOf(end ?? date).end };
  const label = end ? `${formatDate(date)} and ${formatDate(end)}` : describeDateExpression({ ...d, date, range, label: undefined });
  return { ...d, date, range, label, ...(d.until && end ? { until: end } : {}) };
}

/**
 * "Cleveland: when did it come out?", "devon and cornwall police - when in, when out?": a topic
 * named before a colon or dash, and the question after it. Returns where the question starts
 * (the separator's offset in `rest`), or undefined when the question does not open that way.
 */
function topicFirst(rest: string, tokens: Token[], terms: Term[]): number | undefined {
  const separator = /\s*(?::|\s[-–—]+)\s/.exec(rest);
  if (!separator || separator.index > 60) return undefined;
  const before = tokens.filter((t) => t.index < separator.index);
  // "How long was the Met in - about 30 months?": a question before the dash leads itself.
  if (before.length === 0 || LEADS.includes(before[0]!.word)) return undefined;
  const named = positionsOf(terms.filter((t) => t.kind !== 'word'));
  const allNamed = before.every((t, k) => named.has(k) || isStopWord(t.word));
  return allNamed ? separator.index : undefined;
}

/**
 * Forces or services named but not known: "Surrey Police", "Thames Valley Police". The place may
 * be a known word ("Surrey" appears in a biography), but no force of that name is on record.
 */
function unknownForces(terms: Term[], tokens: { word: string }[]): string[] {
  const out: string[] = [];
  const kindWords = /^(police|constabulary|fire|frs|brigade)$/;
  terms.forEach((t, i) => {
    if (t.kind !== 'word' || !kindWords.test(t.surface)) return;
    const before: string[] = [];
    for (let j = i - 1; j >= 0 && before.length < 3; j--) {
      const prev = terms[j]!;
      if (prev.kind !== 'word' || prev.position !== t.position - before.length - 1 || kindWords.test(prev.surface)) break;
      before.unshift(tokens[prev.position]?.word ?? prev.surface);
    }
    // "any new police entries", "other police forces": an everyday adjective describes the
    // police; it names no force.
    while (before.length > 0 && describesNotNames(before[0]!)) before.shift();
    if (before.length > 0) out.push([...before, t.surface].map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '));
  });
  return out;
}

/**
 * An everyday adjective before "police" describes the police and names no force ("any new police
 * entries", "other police forces"); so does a superlative or comparative one, however rare
 * ("shortest police stay").
 */
function describesNotNames(word: string): boolean {
  const profile = wordProfile();
  const lower = word.toLowerCase();
  return profile.pos(lower) === 'a' && (profile.zipf(lower) >= 4.5 || (/(est|er)$/.test(lower) && word === lower));
}

/** Names once each: "DeKalb Police" and "Dekalb Police" are one name; "Kent" inside "Kent Police" too. */
function distinctNames(names: string[]): string[] {
  const out: string[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const lower = name.toLowerCase();
    if (!out.some((kept) => kept.toLowerCase().includes(lower))) out.push(name);
  }
  return [...new Set(names)].filter((n) => out.includes(n));
}

/**
 * A weak alias followed by another capitalised word is part of a longer name we do not hold:
 * "Manchester United" is not Greater Manchester Police. Kind words ("Manchester Police") and
 * possessives keep the alias.
 */
function longerNames(terms: Term[], tokens: { word: string }[], names: Set<string>, index: KnowledgeIndex): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (t.kind !== 'entity' || !t.weak) continue;
    const next = tokens[t.position + t.surface.split(' ').length]?.word;
    // A known name that follows ("West Midlands PCC") is a name of its own, not a longer one.
    // So is a word the knowledge base is specifically about ("West Midlands Maccabi Tel Aviv").
    if (!next || !names.has(next) || index.aliasWords.has(next) || (index.specificity.get(stem(next)) ?? 0) >= 1.2 || /^(police|constabulary|fire|frs|rescue|service|force|and|&)$/.test(next)) continue;
    const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
    out.push(`${t.surface.split(' ').map(title).join(' ')} ${title(next)}`);
  }
  return out;
}

/** Concepts that shape any question rather than name a topic: they cannot vouch for a weak alias. */
const shapeOrKindCache = new WeakMap<KnowledgeIndex, Set<string>>();
/** The vocabulary's question-shape concepts (`shape: true`), plus the kinds of body and "status", which every Engage question uses. */
function shapeOrKindConcepts(index: KnowledgeIndex): Set<string> {
  let set = shapeOrKindCache.get(index);
  if (!set) shapeOrKindCache.set(index, (set = new Set([...index.data.concepts.filter((c) => c.shape).map((c) => c.id), 'force', 'fire-service', 'status'])));
  return set;
}

/** Whether another distinctive term of the question appears in a fact about the weak alias's entity. */
function coOccurs(weak: Term, terms: Term[], index: KnowledgeIndex): boolean {
  const docs = new Set(index.postings.get(weak.key) ?? []);
  if (docs.size === 0) return false;
  return terms.some((t) => {
    // A named person or body whose records involve the weak alias's entity vouches for it
    // ("what did Andy Cooke decide about Lincolnshire?": he decided its move into Engage).
    if (t.kind === 'entity' && !t.weak && t !== weak) return (index.postings.get(t.key) ?? []).some((d) => docs.has(d) && index.docs[d]!.entityIds.includes(weak.key.slice(1)));
    if (t === weak || t.kind === 'entity' || EVERYDAY_WORDS.has(t.surface) || index.wordClass('framing').has(t.key)) return false;
    if (t.kind === 'concept' && shapeOrKindConcepts(index).has(t.key.slice(1))) return false;
    // A topical concept ("resign") vouches readily; a plain word must be one the knowledge base is
    // about, far more than everyday English is ("time", "police", "people" are not): the same test
    // as the domain anchor, so it does not drift as facts are added.
    if (t.kind === 'concept') {
      const idf = index.idf.get(t.key);
      if (idf === undefined || idf < 2) return false;
    } else if ((index.specificity.get(t.key) ?? 0) < ANCHOR_SPECIFICITY) return false;
    return (index.postings.get(t.key) ?? []).some((d) => docs.has(d));
  });
}

/** Lower-cased words the asker capitalised somewhere other than at the start of a sentence. */
function capitalisedWords(question: string): Set<string> {
  const out = new Set<string>();
  for (const m of question.matchAll(/[A-Za-z][\w'’-]*/g)) {
    if (!/^[A-Z]/.test(m[0])) continue;
    const before = question.slice(0, m.index).trimEnd();
    if (before === '' || /[.?!:]$/.test(before)) continue;
    out.add(m[0].toLowerCase().replace(/['’]s$/, ''));
  }
  return out;
}

/** Finds the unknown words the asker capitalised mid-sentence, with the name they are part of. */
function unknownNamesIn(question: string, unknown: string[]): string[] {
  if (unknown.length === 0) return [];
  const wanted = new Set(unknown.map((w) => w.toLowerCase()));
  const words = [...question.matchAll(/[A-Za-z][\w'’&-]*/g)];
  const names: string[] = [];
  words.forEach((m, i) => {
    const word = m[0].replace(/['’]s$/, '');
    if (!wanted.has(word.toLowerCase()) || !/^[A-Z]/.test(word)) return;
    const before = question.slice(0, m.index).trimEnd();
    if (before === '' || /[.?!:]$/.test(before)) return; // a capital that only opens a sentence
    // "In plain English", "an American report": an everyday adjective written with its capital names nothing.
    const profile = wordProfile();
    if (profile.pos(word.toLowerCase()) === 'a' && profile.zipf(word.toLowerCase()) >= 4.5) return;
    // Extend over the capitalised words around it: "Manchester United", "Derbyshire Constabulary".
    let start = i;
    while (start > 0 && /^[A-Z]/.test(words[start - 1]![0]) && question.slice(words[start - 1]!.index! + words[start - 1]![0].length, words[start]!.index).trim() === '' && words[start - 1]!.index! > 0) start--;
    let end = i;
    while (end + 1 < words.length && /^[A-Z]/.test(words[end + 1]![0]) && question.slice(words[end]!.index! + words[end]![0].length, words[end + 1]!.index).trim() === '') end++;
    const name = words.slice(start, end + 1).map((w) => w[0].replace(/['’]s$/, '')).join(' ');
    if (!names.includes(name)) names.push(name);
  });
  return names;
}

/**
 * Below this specificity a word the knowledge base contains is everyday English to it ("day",
 * "time", "new", "said"): it frames the question rather than names its topic.
 */
export const EVERYDAY_SPECIFICITY = 0.8;

/**
 * Whether a word the knowledge base has never seen is framing rather than topic: a common
 * adjective or adverb ("sorry", "dumb", "honestly"), a very common verb ("reckon", "think"),
 * or a common form WordNet does not list ("isnt"). A noun ("salary", "weather"), a rarer verb
 * ("sacked") or a rare word is taken as the topic, which the knowledge base does not hold.
 */
export function isFramingWord(word: string): boolean {
  const profile = wordProfile();
  const zipf = profile.zipf(word);
  const pos = profile.pos(word);
  if (pos === 'a' || pos === 'r') return zipf >= 3;
  // An inflected verb is rarer than its base: "existed" is as everyday as "exist".
  if (pos === 'v') return zipf >= 4.5 || (/(ing|ed)$/.test(word) && everydayVerbBase(word, profile));
  if (pos === undefined) return zipf >= 3.5;
  // "hanging", "looking": a form the tagged corpus mostly saw as a noun, of an everyday verb.
  return /(ing|ed)$/.test(word) && everydayVerbBase(word, profile);
}

/** Whether an -ing or -ed form comes from a common verb ("hanging" → hang, "dragged" → drag). */
function everydayVerbBase(word: string, profile: ReturnType<typeof wordProfile>): boolean {
  const base = word.replace(/(ing|ed)$/, '');
  const candidates = [base, `${base}e`, /([b-df-hj-np-tv-z])\1$/.test(base) ? base.slice(0, -1) : base];
  return candidates.some((c) => profile.pos(c) === 'v' && profile.zipf(c) >= 4.5);
}

/** How much a term tells us: rare terms more than common ones; unknown words most of all. */
export function termWeight(term: Term, index: KnowledgeIndex): number {
  if (term.topic) return TOPIC_FACTOR * termWeight({ ...term, topic: undefined }, index);
  if (term.relation) return RELATION_WEIGHT;
  if (term.kind === 'word' && index.wordClass('framing').has(term.key)) return 0.3;
  if (term.light) return 0.6;
  if (term.kind === 'word') {
    // An everyday word frames the question whether or not some fact happens to contain it.
    const specificity = index.specificity.get(term.key);
    if (specificity !== undefined && specificity < EVERYDAY_SPECIFICITY) return 0.6;
    if ((term.unknown || !index.postings.has(term.key)) && isFramingWord(term.surface) && !term.predicate) return 0.6;
  }
  if (term.unknown) return index.unknownIdf;
  const idf = index.idf.get(term.key);
  // A word no fact contains: part of a known name ("station" of "Charing Cross police station")
  // says a little; any other is likely the real topic, which we do not hold.
  if (idf === undefined && term.kind === 'word') return index.aliasWords.has(term.surface) ? 1.5 : index.unknownIdf;
  if (term.kind === 'entity') return Math.max(idf ?? 0, term.weak ? 1.5 : 2.5);
  // A concept no fact carries ("how tall", "salary") is a topic we do not hold: it weighs fully.
  if (term.kind === 'concept') return idf === undefined ? index.unknownIdf : Math.max(Math.min(idf, 2.5), 0.8);
  return idf ?? index.unknownIdf;
}
