// Speakers for the facts route: whom a "what did X say?" question asks about, and whether a fact
// reports that person's own words — not words written to them, nor others' words about them. Pure.

import type { IndexedFact, KnowledgeIndex } from '../../knowledge-index.ts';
import type { QuestionAnalysis } from '../understand.ts';
import { PERSON_NOUNS } from '../frame.ts';
import { escapeRegExp } from '../../text.ts';
import { mentioned } from './fact-sentences.ts';

/**
 * Who a "what did X say?" question asks about: a person the knowledge base holds (by id and
 * surname), or a name it does not ("what did Keir Starmer say?", by surname alone). Not a body
 * ("what did the Met say?"), which other checks handle.
 */
export function speakerAsked(analysis: QuestionAnalysis, index: KnowledgeIndex): { id?: string; surname: string } | undefined {
  const people = analysis.entities.filter((e) => index.entities.get(e.id)?.kind === 'person');
  if (people.length === 1) return { id: people[0]!.id, surname: index.entities.get(people[0]!.id)!.name.split(' ').at(-1)! };
  if (people.length > 0) return undefined;
  // "What did Bucks fire's chief say …?": a role of a body the question names is a person, whose
  // words (by that title) are what is asked; no other speaker's will do.
  const role = new RegExp(`^\\W*what (?:did|has|have) (?:the )?[a-z&'’ ]{2,40}?['’]s (?:[a-z]+ )?(${PERSON_NOUNS})s? (?:say|said|tell|told|write|wrote)\\b`, 'i').exec(analysis.question)?.[1];
  if (role) return { surname: role };
  const named = /^\W*what (?:did|has|have) ([a-z]+(?: [a-z]+){1,2}) (?:say|said|tell|told|write|wrote)\b/i.exec(analysis.question)?.[1];
  if (!named || /^the\b/i.test(named) || analysis.entities.some((e) => named.toLowerCase().includes(e.surface))) return undefined;
  return { surname: named.split(' ').at(-1)! };
}

/** Verbs of a speaker's statement, after their name ("Patel said", "Khan … welcomed"). */
const SAYING_VERBS = 'said|says|told|wrote|warned|added|argued|described|called|welcomed|criticised|accepted|disagreed|backed';

/** Words that report what someone said, wrote or found, anywhere in a fact. */
const REPORTING_WORDS = `${SAYING_VERBS}|saying|recommended|advised|spoke|answered|decided|decision|tells|writes|warns|argues|found|finds|judged|concluded|announced|stated|claimed|pointed|urged|insisted|promised|admitted|denied|apologised|responded|replied|set out|letter|statement|quoted|“|"`;


/**
 * Whether a fact reports the speaker's own words or findings. A reporting word ("said",
 * "found", a quotation mark) belongs to the nearest person named before it, or referred to as
 * he or she: "HM Inspector Matt Parr found …" is Parr's; "… a successor to Dick, though Ms Patel
 * said …" is Patel's. And a mention after a reporting word is the object of others' words:
 * "HMICFRS wrote to him", "one report says she had 'no choice'". In a fact not about the speaker
 * only a saying verb counts. "Guildford retired in January 2026" reports nothing he said.
 */
export function reportsWordsOf(doc: IndexedFact, speaker: { id?: string; surname: string }, index: KnowledgeIndex): boolean {
  const ownFact = speaker.id !== undefined && doc.fact.about.includes(speaker.id);
  // A fact curated as about the speaker that never names them ("the inspectorate found …", of a
  // decision the HM Chief Inspector took) reports their findings, whatever its wording.
  if (ownFact && !new RegExp(`\\b${escapeRegExp(speaker.surname)}\\b`, 'i').test(doc.fact.text) && new RegExp(`\\b(${REPORTING_WORDS})`, 'i').test(doc.fact.text)) return true;
  const people = mentioned(doc, index).filter((e) => e.kind === 'person' && e.id !== speaker.id).map((e) => e.name.split(' ').at(-1)!);
  const SPEAKER = '\u0000';
  const names = [speaker.surname, ...people].map(escapeRegExp).join('|');
  const words = ownFact ? REPORTING_WORDS : SAYING_VERBS;
  const tokens = new RegExp(`\\b(${names})\\b|\\b(he|she)\\b|(?:\\b|(?=[“"]))(${words})`, 'gi');
  for (const sentence of doc.fact.text.split(/(?<=[.!?])\s+(?=[A-Z“"])/)) {
    // The person each reporting word belongs to: the last one named (a pronoun keeps the last
    // named person; in a fact about the speaker, with no one named yet, it is the speaker).
    // People joined by "and" speak together ("Guildford, and … Foster, both disagreed").
    let last = new Set<string>();
    let lastEnd = 0;
    let reportedBeforeSpeaker = false;
    for (const m of sentence.matchAll(tokens)) {
      if (m[1]) {
        const who = m[1].toLowerCase() === speaker.surname.toLowerCase() ? SPEAKER : m[1];
        const between = sentence.slice(lastEnd, m.index);
        // Someone written to or sent something is not the one writing: "Parr sent its acting
        // Commissioner, Sir Stephen House, a letter" is Parr's letter.
        if (RECIPIENT.test(between)) continue;
        last = last.size > 0 && /\band\b/.test(between) && !/\b(though|but|while|whereas|after|before|when|since)\b/i.test(between) ? new Set([...last, who]) : new Set([who]);
        lastEnd = m.index! + m[0].length;
      } else if (m[2]) {
        if (last.size === 0 && ownFact) last = new Set([SPEAKER]);
      } else if (last.has(SPEAKER) && !reportedBeforeSpeaker) return true;
      // A verb of someone unnamed before the speaker ("one report says she …"); a noun ("in a
      // Commons statement, … Malthouse said") is not one.
      else if (last.size === 0 && !/^(letter|statement|[“"])$/i.test(m[3]!)) reportedBeforeSpeaker = true;
    }
  }
  return false;
}

/** What comes before someone written to or sent something: "to the Met's acting Commissioner, Sir" (not "to confirm"). */
const RECIPIENT = /\b(?:[Tt]o|[Ss]ent|[Tt]old|[Aa]sked|[Ff]or)\s+(?:the|a|an|its|his|her|their|[A-Z]\S*)(?:\s+\S+){0,5}\s+$/;

