// Whether a text spells out an acronym ("PEEL" in "police effectiveness, efficiency and
// legitimacy"): the fact that does answers "what does PEEL stand for?", whatever else it shares
// with the question. Pure.

/** Small words an expansion may carry that give no letter ("Office *of* the …", "… *and* …"). */
const LINKING = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'to', '&']);

/** Whether `text` holds consecutive words whose initials, linking words aside, spell `acronym`. */
export function spellsOut(text: string, acronym: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2 || letters.length > 8) return false;
  const words = text.toLowerCase().replace(/['’]s\b/g, '').match(/[a-z&]+/g) ?? [];
  for (let start = 0; start < words.length; start++) {
    if (words[start]![0] !== letters[0]) continue;
    let k = 0;
    for (let i = start; i < words.length && k < letters.length; i++) {
      const w = words[i]!;
      if (w[0] === letters[k]) k++;
      else if (!LINKING.has(w)) break;
    }
    if (k === letters.length) return true;
  }
  return false;
}
