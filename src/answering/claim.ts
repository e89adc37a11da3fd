// Claim checks: "Someone's written that D&C came out on 31 July 2025 - is that right?", "Is it
// true that the Met left in February 2025?", "A paper says GMP left on 28 October 2022, correct?".
// Finds the claim inside the framing, so the claim alone is read and answered yes or no from the
// record. Pure text; no knowledge needed.

/** Who or what made the claim, then the verb of saying: "a paper says", "someone's written", "I read". */
const SAYER = "(?:someone|somebody|one of (?:the|our) (?:[\\w-]+ ){0,3}\\w+|(?:(?:my|our|the) )?(?:editor|desk|newsdesk|news desk|subs?|producer|source|colleague|boss|chief sub|news editor|reporter|presenter)|a (?:colleague|reader|source|contact|listener|viewer|caller|councillor|mp|spokesperson|sub)|(?:an?|one) (?:[\\w-]+ ){0,3}(?:paper|newspaper|report|story|article|piece|site|website|blog|tweet|post|outlet|wire(?: story)?)|(?:[\\w-]+ ){1,2}(?:paper|newspaper|rag)|the (?:[\\w-]+ ){0,3}(?:paper|press|wire|story|article|report|piece|site|website)|they|people)";
const SAYING = "(?:'s| has| have| had)? (?:said|says|say|written|wrote|writes|reported|reports|claimed|claims|claim|stated|states|suggested|suggests|told me|tells me|is saying|are saying|reckons|reckon|reckoned|thinks|think|thought|insists|insisted|swears|is sure|is convinced)";
const HEARD = "(?:i|we)(?:'ve| have)? (?:read|heard|seen|saw|been told)";
const AFTER = "(?: (?:online|on twitter|on x|in print|today|yesterday|this morning|earlier))?(?: that)?[\\s:,]+";
// ("someone on the desk says": a few words may place the sayer.)
const REPORTED = new RegExp(`^\\s*(?:${HEARD}|${SAYER}(?: (?:on|at|from|in|over at) (?:the |our |my )?[\\w'-]+(?: [\\w'-]+)?)?${SAYING})${AFTER}`, 'i');
/** A named outlet or person, capitalised as names are: "The Guardian reported", "LBC says". */
const NAMED_SAYER = new RegExp(`^\\s*(?:[Tt]he )?[A-Z][\\w&.]*(?: [A-Z][\\w&.]*){0,3}${SAYING}${AFTER}`);

/** "Is it true that …", "Can you check whether …", "Fact check: …", "True or false: …". */
const ASKED_TO_CHECK = /^\s*(?:(?:is|was) it (?:true|right|correct|accurate|the case) that|(?:can|could) you (?:check|confirm|verify)(?: for me)?(?: that| whether| if)?|(?:please )?(?:check|confirm|verify)(?: that| whether| if)|fact[- ]?check:?|true or false:?)\s+/i;

/** A trailing request for a verdict: "- is that right?", ", correct?", "— true?", "right?". */
const VERDICT_ASKED = /\s*(?:[,;:.–—-]+\s*|\s+)(?:(?:is|was|'s) (?:that|this|it)(?: actually| really)? (?:right|true|correct|accurate|so|the case)|(?:that|this)(?:'s)? (?:right|true|correct|accurate|fair)|(?:is )?(?:that|this|it) fair|right|true|correct|fair|corect|accurate|yes or no|am i right|is this accurate|yeah|yes|no|innit|eh|ya|yep|(?:can|could) (?:you|u) (?:confirm|check|verify)(?: (?:that|this|it))?|pls confirm|please confirm|confirm|(?:did|does) (?:that|this|it) stand up|(?:was|is) (?:it|that|this) (?:right|true|correct))\s*\?*\s*$/i;

/** "was it really only …", "were there just …", "are there exactly …", before a number of forces or services. */
const COUNT_PUT = /^\s*(?:was|were|is|are) (?:it|there) (?:really |actually |definitely |honestly )?(?=(?:only |just |exactly |as many as )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (?:other )?(?:police )?(?:forces?|services?|fire (?:and rescue )?services?)\b)/i;

export interface Claim {
  /** The claim on its own, as written: "D&C came out on 31 July 2025". */
  text: string;
  /** Who made it, as written: "the June 2022 wire story said". */
  sayer?: string;
}

/**
 * The claim a question asks to have checked, or undefined for any other question. A claim is
 * reported ("someone's written that …") or asked to be checked ("is it true that …"), or a
 * statement followed by "is that right?"; what remains must still say something (four words).
 */
export function claimIn(question: string): Claim | undefined {
  let text = question.trim();
  let framed = false;
  const reported = REPORTED.exec(text) ?? NAMED_SAYER.exec(text);
  // A question about what someone said ("What did Patel say about …") is no claim to check.
  let sayer: string | undefined;
  if (reported && !/^\s*(what|who|why|how|when|which|where|did|does|do)\b/i.test(text)) {
    sayer = reported[0];
    text = text.slice(reported[0].length);
    framed = true;
  }
  // "Was it really only 4 forces in Engage in June 2022?", "were there just three?": a count put
  // to the records as a yes-or-no question is a claim about the count.
  const counted = COUNT_PUT.exec(text);
  if (counted && !framed) {
    text = text.slice(counted[0].length);
    framed = true;
  }
  const asked = ASKED_TO_CHECK.exec(text);
  if (asked) {
    text = text.slice(asked[0].length);
    framed = true;
  }
  // "… — which ones, and was that right?": the list is what the check answers anyway, so the
  // request for it is dropped and the verdict read as the last words.
  text = text.replace(/\s*[,;:.–—-]+\s*(?:which ones|which were they|who were they|what were they|name them)\s*\??\s*,?\s*(?:and\s+)?(?=(?:is|was|'s) (?:that|this|it)\b|(?:that|this)'s\b|(?:did|does) (?:that|this|it) stand up\b)/i, ' - ');
  const verdict = VERDICT_ASKED.exec(text);
  let verdictAsked = false;
  // "D&C came out on 31 July 2025, right?" — the trailing request alone frames a statement, but
  // not a question that already asks something ("Is Lincs in Engage, right?").
  if (verdict && verdict.index > 0 && (framed || !/^\s*(what|who|why|how|when|which|where|is|are|was|were|did|does|do|has|have)\b/i.test(text))) {
    text = text.slice(0, verdict.index);
    framed = true;
    verdictAsked = true;
  }
  // "Khan said Londoners deserved a 'step change' - a step change in what?" asks about the
  // statement; it does not ask for a verdict on it.
  if (!verdictAsked && !asked && /(?:[-–—,;:?]|\b(?:but|so|and))\s*(?:\w+\s+){0,5}(?:what|which|who|whom|when|why|how|where)\b/i.test(text)) return undefined;
  text = text.replace(/\s*\?+\s*$/, '').replace(/^\s*["'“‘]|["'”’]\s*$/g, '').trim();
  if (!framed || text.split(/\s+/).length < 4) return undefined;
  return { text, ...(sayer ? { sayer } : {}) };
}
