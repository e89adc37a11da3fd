// Framing round a question, set aside before it is read: preambles ("Quick check for a story:"), the
// asker's own situation, what a source says beside the question, text-speak, glued units, asides
// and requests about the answer's form. What is left is the question itself. Pure.

import { isoFromDay, rangeOf, recogniseDates } from '../dates.ts';
import { analyzeText, type KnowledgeIndex } from '../knowledge-index.ts';
import { shapeConcepts } from './answerability.ts';
import { editDistance, tokenize } from '../text.ts';
import { surnamesAfter } from './word-slips.ts';
import { EVERYDAY_SPECIFICITY } from './term-weights.ts';
import { asidePattern } from '../word-classes.ts';

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
  // "who was home sec in, say, November 2024?": a hedge set off by commas offers an example;
  // it asks for no one's words.
  // (So is one that closes the question: "… in spring 2025, say mid April?")
  /,\s*(?:let'?s\s+say|say|for example|for instance|e\.?g\.?)(?:,\s*|\s+(?=[^,?]{2,30}\?*\s*$))/gi,
  // "… this year? 2026 I mean": a speaker's correction marker, not a question about meaning.
  /,?\s*\bi mean\b,?/gi,
  // "What does a PCC do, quick version", "what's the PPOG - spell it out", "… in a nutshell?": how
  // the asker wants the answer put, not what they ask.
  // "scan vs engage - explain it like i'm a sub-editor", "… like I'm five": who the answer is for.
  // (Wherever it ends a part: "explain like im 5: Scan vs Engage?")
  /\s+(?:like|as if|as though)\s+(?:i'?m|i am|you'?re talking to)\s+(?:a |an |my |five|5)?[\w-]*(?:\s+[\w-]+)?(?=\s*(?:[?.!:;,—–]|\s-\s|$))/i,
  // "How many went in during 2022? names too", "… - with names": the names come with the list anyway.
  /[,;:?(–—-]\s*(?:and\s+|with\s+|plus\s+)?(?:the\s+)?names?(?:\s+(?:too|as well|also|please|pls))?[)\s.!?]*$/i,
  // "Exits so far in 2025 - list em": the answer is a list however it is asked for.
  /\s*[-–—,;:]\s*(?:just\s+)?(?:list|name)\s+(?:them|'em|em|the lot|them all|all of them)[\s.!?]*$/i,
  /[\s,;:(–—-]+(?:(?:the|a|in)\s+)?(?:(?:quick|short|brief|simple|plain|potted|one[- ]line)\s+(?:version|answer|summary|english|terms|one)|tl;?dr|in a nutshell|in brief|briefly|in short|in plain english|in one line|in (?:a|one) (?:sentence|line)|in (?:a )?few words|keep it (?:short|brief|simple)|spell (?:it|that) out|(?:give me )?the gist)[)\s.!?]*$/i,
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
    // "Most recent force to go in - who and when?": a rest of question words alone asks about the preamble.
    const onlyAsks = /^\W*(?:(?:which|what|who|whom|when|why|how|where|and|or|&|\+)\W*)+$/i.test(rest);
    if (!asksItself && !onlyAsks && m.index <= (needToKnow ? 160 : 80) && rest.split(/\s+/).length >= 3 && !/[?]/.test(preamble) && (purpose || (!/\s[A-Z]|[A-Z]{2,}/.test(preamble) && !namesSomething(preamble, index)))) start = m.index + m[0].length;
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
  // "clevland - what was so bad?": a slip on a name the knowledge base holds still names it.
  for (const w of words) {
    if (w.length < 5 || index.knownWords.has(w)) continue;
    for (const a of index.aliasWords) if (a.length >= 5 && a[0] === w[0] && editDistance(w, a, 1) <= 1) return true;
  }
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
  [/\b(wot|wat|wut|wht)\b/gi, 'what'],
  // The rest of the usual chat spellings of grammar words, as one set: "how many forces r under
  // it", "list em", "ur", "abt", "ppl", "w/".
  // (In small letters only: a capital "R" or "U" is an initial.)
  [/(?<=\b[a-zA-Z]+\s)r\b(?=\s+[a-zA-Z])/g, 'are'],
  [/\bu\b(?=\s+[a-zA-Z])/g, 'you'],
  [/\bur\b/gi, 'your'],
  [/(?<=\b(?:list|name|give|show|tell)\s)em\b/gi, 'them'],
  [/\babt\b/gi, 'about'],
  [/\bppl\b/gi, 'people'],
  [/\bw\/(?=\s*[a-z])/gi, 'with '],
  [/\b(b\/c|bc|bcos|bcoz)\b/gi, 'because'],
  [/\bapprox\b/gi, 'approximately'],
  [/\bdept\b/gi, 'department'],
  [/\bthx\b|\bty\b(?=\s*[.!?]*\s*$)/gi, 'thanks'],
  [/\btho\b/gi, 'though'],
  [/\bw\/o\b/gi, 'without'],
  [/\bgovt\b/gi, 'government'],
  [/\bdiff\b/gi, 'difference'],
  [/\bwots\b/gi, "what's"],
  // "whos left in engage", "who's left in Engage": who is left (remains), not who left.
  [/\bwho(?:'|’)?s (?=left\b|still\b)/gi, 'who is '],
  [/\bwhos\b/gi, "who's"],
  // "current engage list pls - police and fire": politeness, wherever it falls, says nothing of
  // the topic (and "pls police" names no force).
  [/\s*\b(?:pls|plz|plse|please)\b[,!.]?/gi, ''],
  // "devon n cornwall": text-speak "and" between two words.
  [/(?<=[a-z])\s+n\s+(?=[a-z])/gi, ' and '],
  // "at the mo": at the moment, now.
  [/\bat the mo\b/gi, 'now'],
  // "apart form the Met", "aside form GMP": "form" is never right after these; "from" is meant.
  [/\b(apart|aside) form\b/gi, '$1 from'],
  // "What changed between Sept and Dec 2022 - ins and outs": the moves in and out, not "the ins
  // and outs of" something (its details).
  [/\bins and outs\b(?!\s+of\b)/gi, 'entries and exits'],
  [/\b(?:what(?:'s| is| are)\s+)?(?:the\s+)?ins and outs of\s+/gi, 'what is '],
  // "due to go in front of the PPOG": to appear before it.
  [/\bin front of\b/gi, 'before'],
  [/\bcommish\b/gi, 'commissioner'],
  // "LFB - in when, out when?", "month in, month out?", "date in and date out": the moves, in
  // the shorthand of a timeline.
  // (Only opening a part: "still in when D&C came out" is a time clause.)
  [/(?<=(?:^|[,;:(—–-]|\s-)\s*)in when\b/gi, 'went in when'],
  [/(?<=(?:^|[,;:(—–-]|\s-)\s*)out when\b/gi, 'came out when'],
  [/\b(date|day|month|year)s?\s+in\b(?=\s*(?:[,?&/.]|and\b|$))/gi, '$1 it went in'],
  [/\b(date|day|month|year)s?\s+out\b(?=\s*(?:[,?&/.]|and\b|$))/gi, '$1 it came out'],
  // "W Mids chief con", "the deputy chief con": newsroom shorthand for the rank.
  [/\bchief con\b(?!\.\w)/gi, 'chief constable'],
  // "HMICFRS - spell it out": after an acronym, spelling it out is saying what it stands for.
  [/^\s*([A-Za-z&]{2,10})\s*[-–—:,]\s*spell (?:it|that) out\b/i, 'what does $1 stand for'],
  [/\bconstab\b\.?/gi, 'constabulary'],
  // "HMICFRS — full name?", "what's the IOPC short for?": what the name stands for.
  [/\b(?:the\s+)?full\s+(?:name|title)\b(?:\s+of\b)?/gi, 'what it stands for'],
  [/\bshort for\b/gi, 'stands for'],
  [/\beli5\b/gi, 'explain'],
  [/\byr\b/gi, 'year'],
  [/\byrs\b/gi, 'years'],
  // "What happened on 21 May 2024 in Engage terms?": as regards Engage, not a question about terms.
  [/\bin ([a-z]+) terms\b/gi, 'in $1'],
  // "What moved on the Engage front in 2025?": as regards Engage, not a front of anything.
  [/\bon the ([a-z&]+(?:[\/ ][a-z&]+)?) front\b/gi, 'in $1'],
  // "at any point during calendar year 2022": during 2022; "the full list": the list.
  [/\bat (?:any|some) (?:point|time|stage)\b/gi, ''],
  [/\b(?:the )?calendar year (?=(?:19|20)\d\d\b)/gi, ''],
  [/\b(full|complete|whole|entire) list\b/gi, 'list'],
  // "process-wise", "timing-wise": as regards the process, the timing.
  [/\b([a-z]+)-wise\b/gi, '$1'],
  // "Which forces had not yet got out of Engage?", "… were yet to leave": those not out were
  // still in, which is the list asked for (not the moves out).
  [/(?<=\b(?:forces|services|ones|who|that)\s+)(?:had|have|has|were|was|are|is)(?:\s*n't|\s+not)\s+(?:yet\s+)?(?:got|gotten|come|came|left|exited|been\s+(?:let|taken|moved|brought))(?:\s+out)?(?:\s+of)?(?=\s)/gi, 'were still in'],
  // "Who was left in after W Mids got out?": those remaining (not "left in charge").
  [/\b(?:was|were|is|are)\s+(?:still\s+)?left\s+in\b(?!\s+charge)/gi, 'were still in'],
  // "After W Mids got out, who was left?", "how many were left then?": the same, said last.
  [/\b(who|how many|which ones|what)\s+(?:was|were)\s+(?:still\s+)?left(?=\s*(?:then|at that point|by then)?\s*(?:[?.!]|$))/gi, '$1 were still in'],
  [/(?<=\b(?:forces|services|ones|who|that)\s+)(?:were|was|are|is)\s+(?:still\s+)?yet\s+to\s+(?:leave|exit|get\s+out|come\s+out|be\s+let\s+out)(?:\s+of)?(?=\s|[?.!]|$)/gi, 'were still in'],
];

/** "A 3rd cause of concern", "the 2nd time": an ordinal in figures, outside a date ("3rd May", "May 3rd"). */
const ORDINAL_IN_FIGURES = /(?<!\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s)\b(1st|2nd|3rd|4th|5th|6th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/gi;
const ORDINAL_WORDS: Record<string, string> = { '1st': 'first', '2nd': 'second', '3rd': 'third', '4th': 'fourth', '5th': 'fifth', '6th': 'sixth' };

/**
 * "MOPAC = ?", "PPOG=? and who sits on it": a name with an equals sign and a question mark asks
 * what it is. Written out before the question is split into its parts.
 */
export function expandEqualsQuestion(question: string): string {
  return question.replace(/^\s*([A-Za-z&][A-Za-z&.\s]{1,30}?)\s*=\s*\?+/, 'what is $1?');
}

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
  // "Can HMICFRS make a force change anything? like order the chief to do X?": an example of
  // what was asked, after it, asks nothing new.
  const example = /^(.+?\?)\s+(?:like|e\.?g\.?|for example|for instance|such as|say)\b[^?]*\?*\s*$/i.exec(question);
  if (example && example[1]!.trim().split(/\s+/).length >= 4) return example[1]!;
  const m = /^(.+?\?)\s+([^?]+?)[.!]*\s*$/.exec(question);
  if (!m) return question;
  const remark = m[2]!;
  if (/^\W*(which|what|who|whom|when|why|how|is|are|was|were|did|does|do|has|have|had|can|could|and|or|also|plus)\b/i.test(remark)) return question;
  // "Who was in Engage at the end of June 2022? One piece I have says only GMP, Cleveland and
  // Glos": what a source says, beside the question, is what the answer will be checked against;
  // the question is answered as asked.
  // "Which forces were still in on 1 Jan 2024? dont forget Wiltshire": a reminder of what the
  // answer should include is no part of the question (a list gives every one on record anyway).
  if (/^\W*(?:don'?t forget|do not forget|remember to include|including|incl\.?)\b/i.test(remark)) return m[1]!;
  // (So is what someone believes: "colleague swears it is", "my editor thinks so".)
  if (/\b(says|said|reports|reported|claims|claimed|has it|reckons|reckoned|told me|tells me|suggests|swears|swore|thinks|thought|believes|believed|insists|insisted|is sure|is convinced|bets)\b/i.test(remark) && m[1]!.trim().split(/\s+/).length >= 4) return m[1]!;
  return namesSomething(remark, index) ? question : m[1]!;
}

/**
 * The asker's own situation, said beside the question: "Doing a West Country piece.", "it's for a
 * profile box", "I keep seeing Feb and April", "writing a line on the white paper and want to get
 * the name right". A sentence or dash-separated clause about the asker (first person, or a bare
 * "doing/writing …") that asks nothing is dropped when another part of the message asks the
 * question; it names nothing the question is about.
 */
const ASKER = /^\W*(?:i|i'm|im|i've|ive|i'd|i am|i was|we|we're|we've|my|our|me|doing|writing|working|putting|filing|prepping|researching|it's for|its for|this is for|that's for|need (?:it|this) for|just (?:want|need|checking)|(?:need|needs|want|wanted|needed)(?= (?:the|a|an|it|this|that|them|something|some|to)\b))\b/i;

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
  // (A remark after the last question may name something: no pronoun of the question can point
  // forward to it. "… what outside help can it receive? I remember GMP's case being different".)
  const lastAsking = parts.reduce((last, p, i) => (ASKS.test(p) || WH_ANYWHERE.test(p) ? i : last), -1);
  const dropped = parts.map((p, i) => ASKER.test(p) && !WH_ANYWHERE.test(p) && !/\b(?:read|heard|told|seen|saw) that\b/i.test(p) && !/\?/.test(p) && (i > lastAsking || !analyzeText(p, index, { strongAliasesOnly: true }).some((t) => t.kind === 'entity')));
  const kept = parts.filter((_, i) => !dropped[i]);
  if (kept.length === parts.length || kept.length === 0 || !kept.some((p) => ASKS.test(p) || WH_ANYWHERE.test(p))) return question;
  if (kept.every((p) => /^\W*(?:(?:is|was|'s) (?:that|this|it)\b|(?:right|true|correct|accurate)\b)/i.test(p))) return question;
  // Each kept part with the separator that followed it (a dropped part takes its separator with it).
  let out = '';
  for (let i = 0; i < pieces.length; i += 2) if (!dropped[i / 2]) out += pieces[i]! + (pieces[i + 1] ?? '');
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

/**
 * "HMICFRS — full name, for the first reference", "…? for a graphic": what the answer is for,
 * said last, is not what is asked, unless it names something the question is about.
 */
function dropTrailingPurpose(question: string, index: KnowledgeIndex): string {
  const m = /^(.{8,}?)[,;:]?\s+(?:(?:it'?s|this is|that'?s|need it|needed)\s+)?for (?:a|an|the|my|our|this|that|tomorrow'?s|tonight'?s) ([^,?.;:]{2,40})[?.!]*\s*$/i.exec(question);
  if (!m || namesSomething(m[2]!, index)) return question;
  // (Only a purpose after a question or a clause of its own: "what went in for the first time" keeps its words.)
  if (!/[?,;:—–-]\s*$/.test(question.slice(0, m[1]!.length + 2)) && !/\?$/.test(m[1]!.trim())) return question;
  return m[1]!.trim();
}

/**
 * "… during 2022 (calendar yr)?", "(for a graphic)": an aside in brackets that names nothing the
 * question is about — no force, body, date or domain word — is how the asker means it, not what
 * they ask. "(PPOG)", "(2026)" and "(police only)" name something and stay.
 */
function dropBareAsides(question: string, index: KnowledgeIndex): string {
  return question.replace(/\s*\(([^()]{1,40})\)/g, (all, inside: string) => (namesSomething(inside, index) ? all : ''));
}

/** A list of who was in Engage asked for: "which forces were in …", "police forces in engage = ?", "list of forces in …". */
const LIST_ASKED = /\b(?:which|what|list(?: of)?|name(?: the)?)\s+(?:\w+\s+){0,2}(?:forces|services|ones)\b|\b(?:forces|services)\s+(?:were\s+|are\s+)?(?:in|under)\s+(?:engage|special measures|enhanced monitoring)\b/i;
/** A check on one subject, in brackets: "(was Notts still in?)", "(Cleveland still in?)", "(incl. GMP?)". */
const BRACKETED_CHECK = /\s*\(\s*(?:(?:was|were|is|are|has|had)\s+)?[^()?]{2,40}?\s+(?:still(?:\s+in)?|in(?:\s+it)?|included|on (?:it|the list))\s*\?*\s*\)|\s*\(\s*(?:incl\.?|including)\s+[^()]{2,30}\?*\s*\)/gi;

/**
 * "On 1 April 2025, police forces in engage = ? (was Nottinghamshire still in?)": a bracketed
 * check on one subject beside a question asking for the list is answered by the list, which says
 * whether that subject was in. It is set aside so the list is what is answered, not the one subject.
 */
function dropCheckAnsweredByList(question: string): string {
  if (!LIST_ASKED.test(question.replace(/\([^()]*\)/g, ' '))) return question;
  return question.replace(BRACKETED_CHECK, '');
}

export function stripFraming(question: string, index: KnowledgeIndex): string {
  const written = [...SHORTHAND, ...GLUED_UNITS, PLURAL_ACRONYM].reduce((text, [re, to]) => text.replace(re, to), dropCoverageFraming(dropTrailingPurpose(dropBareAsides(dropCheckAnsweredByList(dropAskerContext(question, index)), index), index)));
  let out = stripPreamble(dropTrailingRemark(written.replace(ORDINAL_IN_FIGURES, (n) => ORDINAL_WORDS[n.toLowerCase()] ?? n), index), index);
  for (let pass = 0; pass < 2; pass++) for (const re of FRAMING) out = out.replace(re, ' ');
  // Set phrases of speech the knowledge base lists ("in the first place", "to be honest").
  const asides = asidePattern(index.data);
  if (asides) out = out.replace(asides, ' ').replace(/\s+([?.!,])/g, '$1');
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
