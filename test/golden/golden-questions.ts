// The project's own golden set: realistic questions (typos, synonyms, dates, paraphrases) with
// the record that must answer them or the reason they must be declined. Phrasings here are
// deliberately different from the shared dev set, so passing both means understanding, not recall.

export interface GoldenQuestion {
  q: string;
  expect: 'answer' | 'refuse';
  /** The route that should answer (engage-current, engage-on-date, engage-moves, engage-ever, entity-status, fact). */
  route?: string;
  /** Record ids (facts or status events) the answer must be built from (any one of them). */
  records?: string[];
  /** Phrases the answer text must contain (all of them, case-insensitive). */
  contains?: string[];
  /** Phrases the answer text must not contain. */
  excludes?: string[];
  why: string;
}

export const GOLDEN: GoldenQuestion[] = [
  // ── Who is in Engage now ──
  { q: 'wich forcs are in engaje', expect: 'answer', route: 'engage-current', contains: ['Lincolnshire Police', 'as of 12 August 2025'], why: 'three typos; must still list the current force with the as-of date' },
  { q: 'who is currently in special measures?', expect: 'answer', route: 'engage-current', contains: ['Lincolnshire', 'Avon'], why: 'no kind named: police and fire, with the unconfirmed Avon report flagged' },
  { q: 'how many police forces are under enhanced monitoring right now', expect: 'answer', route: 'engage-current+count', contains: ['one police force'], why: '"enhanced monitoring" is Engage; "how many" gives a count' },
  { q: 'which fire services are in special measures?', expect: 'answer', route: 'engage-current', contains: ['no fire and rescue service is in Engage', 'Avon'], excludes: ['Lincolnshire'], why: 'fire only; Avon is unconfirmed so it is reported separately, not listed as in Engage' },
  // ── Who was in Engage on a date ──
  { q: 'Which forces were in Engage at the end of June 2022?', expect: 'answer', route: 'engage-on-date', contains: ['six police forces', 'Wiltshire', 'Staffordshire'], why: 'the timeline, not the 28 June article, answers: six forces on 30 June 2022' },
  { q: 'Which forces were in special measures in March 2021?', expect: 'answer', route: 'engage-on-date', contains: ['Cleveland', 'Greater Manchester'], excludes: ['Metropolitan'], why: 'a month window before the Met entered' },
  { q: 'list forces in special measures during 2023', expect: 'answer', route: 'engage-on-date', contains: ['West Midlands', 'Cleveland'], why: 'a year window includes forces that left or entered during it' },
  { q: 'which police forces left special measures in 2024', expect: 'answer', route: 'engage-moves', contains: ['Staffordshire', 'Wiltshire', 'West Midlands'], why: 'exits within a year' },
  { q: 'Which forces entered Engage in 2022?', expect: 'answer', route: 'engage-moves', contains: ['Devon and Cornwall', 'Metropolitan'], excludes: ['London Fire Brigade'], why: '"forces" means police forces' },
  { q: 'Which forces have ever been in Engage?', expect: 'answer', route: 'engage-ever', contains: ['ten police forces'], why: 'every police force with an Engage record' },
  // ── One force or service ──
  { q: 'Is Avon fire and rescue in engage?', expect: 'answer', route: 'entity-status', contains: ['not confirmed'], why: 'single, unconfirmed source: must say so' },
  { q: 'Was Staffordshire Police in Engage in June 2022?', expect: 'answer', route: 'entity-status', records: ['staffordshire-entered-engage-2022-06'], contains: ['6 July 2022'], why: 'conflicting dates: the note must surface the July date' },
  { q: 'How long was GMP in special measures?', expect: 'answer', route: 'entity-status', contains: ['months'], why: 'duration from the timeline; GMP is an alias' },
  { q: 'Why did West Midlands Police leave Engage?', expect: 'answer', route: 'entity-status', records: ['west-midlands-left-engage-2024-09'], why: 'why + leave: reasons of the exit' },
  { q: 'why was lincolnshire police put into enhanced monitoring', expect: 'answer', route: 'entity-status', records: ['lincolnshire-entered-engage-2024-12'], contains: ['6 December 2024'], why: 'why + enter: reasons of the entry' },
  { q: 'When did Nottinghamshire police come out of special measures?', expect: 'answer', route: 'entity-status', contains: ['22 May 2025'], why: '"come out of" is leaving; the corrected date (not 23 May)' },
  { q: 'When was Cleveland put in special measures?', expect: 'answer', route: 'entity-status', contains: ['2019'], why: 'weak alias "Cleveland" counts in an oversight question; year precision' },
  { q: 'Is Devon and Cornwall Police still in special measures?', expect: 'answer', route: 'entity-status', contains: ['no longer in Engage', '30 July 2025'], why: 'left in 2025: must not say it is still in' },
  { q: 'has london fire brigade ever been in special measures', expect: 'answer', route: 'entity-status', contains: ['December 2022', 'March 2024'], why: 'a fire service with month-precision dates' },
  { q: 'was the met in engage in 2023', expect: 'answer', route: 'entity-status', contains: ['in Engage'], why: 'status during a year' },
  { q: 'Is Lincolnshire Police out of special measures yet?', expect: 'answer', route: 'entity-status', contains: ['has not left'], why: 'no exit recorded: must not claim it left' },
  { q: 'When did Buckinghamshire fire leave Engage?', expect: 'answer', route: 'entity-status', contains: ['7 March 2025'], why: 'the corrected exit date, not the 10 March republication' },
  // ── Facts ──
  { q: 'Who decides whether a force goes into Engage?', expect: 'answer', route: 'fact', contains: ['Chief Inspector'], why: 'process fact, not the Engage list' },
  { q: 'What is the PPOG?', expect: 'answer', route: 'fact', why: 'an acronym known only as an alias' },
  { q: 'Who is Andy Cooke?', expect: 'answer', route: 'fact', contains: ['Chief Inspector'], why: 'profile question' },
  { q: 'Who was home secretary when the Met went into special measures?', expect: 'answer', route: 'role', contains: ['Priti Patel'], why: 'role title resolves to the person of that time' },
  { q: 'What did Sadiq Khan say about the Met being put in special measures?', expect: 'answer', route: 'fact', records: ['khan-will-hold-met-to-account', 'sadiq-khan-welcomed-engage-2022-06'], why: 'the mayor\'s statements, not his profile' },
  { q: 'Was Humberside Police ever in special measures?', expect: 'answer', route: 'entity-status', contains: ['Freeman'], why: 'no Engage record, but a curated, hedged claim about it' },
  { q: 'Can HMICFRS force a police force to change?', expect: 'answer', route: 'fact', contains: ['regulator'], why: 'powers of the inspectorate' },
  { q: 'how many crimes a year does scotland yard fail to record', expect: 'answer', route: 'fact', contains: ['69,000'], why: 'Scotland Yard = the Met; "fail to record" = unrecorded' },
  { q: 'Who murdered Sarah Everard?', expect: 'answer', route: 'fact', contains: ['Couzens'], why: 'synonym murdered/killed' },
  { q: 'How did Sarah Everard die?', expect: 'answer', route: 'fact', contains: ['Couzens'], why: '"die" is part of the kill concept' },
  { q: 'what did the watchdog say about 999 calls at the met', expect: 'answer', contains: ['national standards', 'can mean more than one body'], why: '"watchdog" names HMICFRS and the IOPC: answered for each sense that has an answer, never picked silently' },
  { q: 'Which forces did the June 2022 report say were in the same category as the Met?', expect: 'answer', contains: ['Cleveland', 'six'], why: 'the superseded article count must come with the official six-force update' },
  { q: 'what percentage of stop and searches were badly recorded', expect: 'answer', route: 'fact', contains: ['25%'], why: '"percentage" = percent; "badly" is an everyday word, not a topic' },
  { q: 'how long did the met spend in special measures', expect: 'answer', route: 'entity-status', contains: ['2 years and 7 months'], why: '"spend" is an everyday word the knowledge base lacks; must not sink the question' },
  { q: 'whats the status of lincs police', expect: 'answer', route: 'entity-status', contains: ['6 December 2024'], why: '"status" asks for the Engage status; "lincs" is an alias' },
  { q: 'What is the Engage process?', expect: 'answer', route: 'fact', excludes: ['As of 12 August 2025'], why: '"what is" asks for the process, not the list of forces in it' },
  { q: "What is Lee Freeman's role?", expect: 'answer', route: 'fact', contains: ['Inspector'], why: 'profile question phrased with "role"' },
  { q: "Name the forces that shared the Met's status in June 2022", expect: 'answer', route: 'engage-on-date', contains: ['Greater Manchester', 'Cleveland'], why: 'a named force as the reference point of a list on a date' },
  { q: 'which inspectorate is scrutinising scotland yard', expect: 'answer', route: 'fact', contains: ['HMICFRS'], why: '"scrutinising" = monitoring' },
  { q: 'how fast does the met record crime', expect: 'answer', route: 'fact', contains: ['24 hours'], why: '"how fast" = how quickly' },
  { q: 'is the iopc looking again at the stephen port case', expect: 'answer', route: 'fact', contains: ['reopen'], why: '"looking again" = reopening' },
  { q: 'what went on at charing cross police station', expect: 'answer', route: 'fact', contains: ['misogyny'], why: '"went on" frames the question; the place is the topic' },
  { q: 'what does being in engage involve for a force', expect: 'answer', route: 'fact', contains: ['improvement plan'], why: 'a singular "force" is not a request for the list' },
  { q: 'wen did the met leave engage', expect: 'answer', route: 'entity-status', contains: ['23 January 2025'], why: 'a misspelt question word at the start' },
  { q: 'how many forces have been in engage since 2019', expect: 'answer', route: 'engage-on-date+count', contains: ['ten police forces have been'], why: '"since 2019" is a period to now, not the year 2019' },
  { q: 'was the met in special measures before 2023', expect: 'answer', route: 'entity-status', contains: ['28 June 2022'], why: '"before 2023" is a period; "before" belongs to the date' },
  { q: 'what improvements got west midlands out of special measures', expect: 'answer', route: 'entity-status', records: ['west-midlands-left-engage-2024-09'], contains: ['improved'], why: 'improvements + leaving = the reasons for the exit' },
  // ── Declines ──
  { q: 'Is Cumbria in special measures?', expect: 'refuse', contains: ['no Engage record for Cumbria'], why: 'no record: must not say it was or was not' },
  { q: 'When did Bedfordshire Police leave Engage?', expect: 'refuse', why: 'no record of Bedfordshire' },
  { q: 'Is Kent Police in special measures?', expect: 'refuse', contains: ['no Engage record for Kent Police'], why: 'a name is never "corrected" to an ordinary word (Kent → kept)' },
  { q: 'is kent police in special measures', expect: 'refuse', why: 'the word before "police" is a name even in lower case' },
  { q: 'What is the population of Lincolnshire?', expect: 'refuse', why: 'a known place, an unknown topic' },
  { q: 'Who is the chief constable of Lincolnshire Police?', expect: 'refuse', why: 'not in the curated sources' },
  { q: 'What is Cleveland famous for?', expect: 'refuse', why: 'a shared word is not enough' },
  { q: 'Is Manchester United in special measures?', expect: 'refuse', why: 'Manchester is a weak alias; United is unknown' },
  { q: 'How much does the Met spend on overtime?', expect: 'refuse', why: 'the Met is known; overtime spending is not' },
  { q: 'What is the weather in London?', expect: 'refuse', why: 'out of scope' },
  { q: 'Who won the 2022 World Cup?', expect: 'refuse', why: 'out of scope, with a date' },
  { q: 'thanks!', expect: 'refuse', contains: ['Hello!'], why: 'small talk gets a friendly pointer, still no answer' },
  { q: 'hello, which forces are in engage?', expect: 'answer', route: 'engage-current', why: 'a greeting in front of a question is not part of it' },
  { q: '<!channel> @here ping everyone now', expect: 'refuse', why: 'hostile input is just an unanswerable question' },
];
