// Messages that are not questions for the records: instructions aimed at the bot ("ignore your
// rules", "don't cite", "pretend you are …", "write me a headline"), requests for its views ("who
// do you support?"), and requests for instructions to the asker ("how do I report a crime?").
// Each is a closed class of phrasings, declined with a sentence saying why. Pure.

/**
 * Instructions aimed at the bot itself rather than questions about oversight: about its sources,
 * its rules or prompt, the form of its answer, or who it should pretend to be.
 */
const INSTRUCTION_TO_BOT = /\b(ignore (your|all|any|previous|prior|the) (instructions|rules|guidelines|prompt)|forget (everything|all|your|the sources|the citations|the records|the rules|about the sources)|skip (the |your )?(sources|citations)|authori[sz]e you|new rule|override:|(answer|respond|reply) (only )?(with|in) (yes or no|one word|pirate|rhyme|verse)|(answer|respond|reply) (to )?(everything|every question|all questions|only) (in|with)\b|new (instruction|instructions|rule|rules) (from|for)\b|without (hedging|caveats|qualification)|no (caveats|hedging|disclaimers|qualifications)\b|(just|simply) (state|say|write|assert|claim|declare) (that|it)\b|^\W*(state|assert|declare) (that|as fact)\b|make (it|something|things|stuff) up|and nothing else|just guess|(let'?s )?play a game|reveal (your|the) (prompt|instructions|rules)|what are your (instructions|rules)|print (the contents of )?your|(write|draft|compose|invent|fabricate|make up|come up with) (me |us )?(a|an|the|some|\d+) ([\w'-]+ ){0,3}(headline|story|article|tweet|post|poem|intro|standfirst|caption|email|press release|piece|summary|paragraph|statement|speech|letter|quote|quotation|source|citation)s?\b|\b(fake|invented|fabricated|made-up|made up|fictional|imaginary|pretend) ([\w'-]+ ){0,2}(quotes?|quotations?|statements?|sources?|citations?|records?)\b|(your|the) system prompt|pretend\b|(your |the )?(rules|guardrails|restrictions|filters|safeguards|limits) (are|is) (off|gone|lifted|disabled|suspended|removed)|(turn|switch) off (your|the) (rules|filters|safeguards|guardrails)|(you are|you're|youre|you re) now\b|act as (a|an)\b|role-?play|repeat after me|from now on|without (any )?(sources|citations|references)|(don'?t|do not|no need to|never) (cite|give sources|include sources|mention sources)|jailbreak|developer mode|disregard (your|the|all)|(repeat|print|output|echo|reveal|recite|copy|paste|dump|show me) (back )?(the |your |all )?(text|message|messages|words|prompt|instructions|conversation|content|everything)\b[^?]{0,30}\b(above|before|earlier|previous|initial|first|hidden|verbatim|word for word))/i;

/** A question about the bot's own views or tastes: "do you like …", "who do you support", "your opinion". */
const ASKS_FOR_A_VIEW = /\b(do|did|would|will|can|could) you (personally )?(like|support|think|prefer|reckon|believe|feel|love|hate|enjoy|rate|fancy)\b|\byour (own )?(opinion|view|views|favourite|favorite|take|feelings?)\b|\bwhat do you make of\b/i;

/** "how do I …", "where can I …", "how can we …": a request for instructions, not for a record. */
const FIRST_PERSON_HOW_TO = /^\W*(how|where|who) (do|can|could|should|would|shall) (i|we)\b(?! (find out|know|check|tell|see|read|get the (latest|list|record)))/i;

/**
 * A sum to be worked out over the records rather than a figure they state: an average, a total
 * of stays, arithmetic. ("How many forces have been in Engage?" is a count of a list the records
 * hold, and "how long was the Met in?" a stay they date: both are answered.)
 */
const ASKS_FOR_A_SUM = /\b(average|the mean (?:of|length|time|stay)|median|sum of|sum total|add (?:up|together)|added (?:up|together)|combined (?:length|time|total|months|years|days|stay)|calculate|work (?:it|that|this) out|multiplied by|divided by|square root)\b|\b\d+(?:\.\d+)?\s*(?:x|times|\*|\+|plus|minus|divided by|over)\s*\d+\b|^\W*(?:what(?:'s| is)\s+)?\d+\s*[-+*/x]\s*\d+\W*$/i;

/**
 * Why the message is not one the records can answer, with the decline to give, or undefined for
 * a question. `raw` is the message as sent (instructions hide in preambles); `question` the
 * question as understood.
 */
export function notAQuestionForRecords(raw: string, question: string): { message: string; route: string } | undefined {
  if (ASKS_FOR_A_VIEW.test(question)) {
    return { message: "I don't have opinions or preferences; I answer from curated, cited records about police oversight.", route: 'opinion' };
  }
  if (FIRST_PERSON_HOW_TO.test(question)) {
    return {
      message: "I answer from records about police oversight; I can't give instructions for what you should do. For reporting a crime or complaining about the police, the police force or the IOPC's own website is the place to go.",
      route: 'how-to',
    };
  }
  if (ASKS_FOR_A_SUM.test(question)) {
    return {
      message: "I report what the records state and don't do sums on them, so I won't give a figure they don't hold. I can give the records themselves, for example how long each force or service was in Engage.",
      route: 'computation',
    };
  }
  if (INSTRUCTION_TO_BOT.test(raw)) {
    return {
      message: "I only answer questions from curated, cited records, and I can't follow instructions that change how I answer. Ask me the question on its own and I'll give the record with its sources.",
      route: 'instruction',
    };
  }
  return undefined;
}
