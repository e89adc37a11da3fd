// A rough end-to-end check of related words before they are wired into understanding: each
// unknown word (or collocation) of a working-half question is replaced by, or with --append
// followed by, its strongest related word, and answer() is scored before and after by the
// reporters-README rules (@date simplified). Run: node bin/run-ts.js bench/lexicon-rewrite-check.ts
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge-loader.ts';
import { answer } from '../src/answer.ts';
import { EVERYDAY_WORDS, STOP_WORDS, tokenize } from '../src/text.ts';
import { createRelatedWords } from '../src/lexicon/related-words.ts';
import { knowledgeNameWords, knowledgeVocabulary } from '../src/lexicon/knowledge-vocabulary.ts';
import { relatedTermsFor } from '../src/lexicon/question-terms.ts';
const evalFile = join(import.meta.dirname, '..', '..', 'shared', 'eval', 'reporters.jsonl');
if (!existsSync(evalFile)) {
  console.log(`skipped: ${evalFile} is absent (the shared material is only on development machines and CI)`);
  process.exit(0);
}
const append = process.argv.includes('--append');
const data = loadKnowledge(join(import.meta.dirname, '..', 'knowledge'));
const vocab = knowledgeVocabulary(data);
const rw = createRelatedWords(vocab, { stopWords: STOP_WORDS, names: knowledgeNameWords(data) });
const known = (w: string) => vocab.has(w) || STOP_WORDS.has(w) || EVERYDAY_WORDS.has(w);
const files = new Map(data.sources.map((s) => [s.id, s.file ?? '']));
const MONTHS = ['January','February','March','April','May','June','July','August','September','October','November','December'];
const dateForms = (d: string) => { const [y, m, day] = d.split('-'); const forms = [y!]; if (m) { forms.length = 0; forms.push(`${MONTHS[Number(m)-1]} ${y}`); if (day) { forms.length = 0; forms.push(`${Number(day)} ${MONTHS[Number(m)-1]} ${y}`, d); } } return forms; };
const lines = readFileSync(evalFile,'utf8').trim().split('\n').map((l) => JSON.parse(l)).filter((l) => Number(l.id.slice(1)) % 2 === 1);
const score = (c: any, a: any) => {
  if (c.expect === 'refuse') return a.status === 'no_answer';
  if (a.status !== 'answered') return false;
  const text = a.text.toLowerCase();
  for (const group of c.all ?? []) {
    const alts = group.flatMap((t: string) => t.startsWith('@date:') ? dateForms(t.slice(6)) : [t]);
    if (!alts.some((t: string) => text.includes(t.toLowerCase()))) return false;
  }
  if (c.src?.length) {
    const ok = c.src.some((s: string) => s.startsWith('url:') ? a.citations.some((x: any) => (x.url ?? '').includes(s.slice(4))) : a.citations.some((x: any) => files.get(x.sourceId)?.startsWith({A:'000_',B:'001_',C:'002_'}[s as 'A'] ?? s)));
    if (!ok) return false;
  }
  return true;
};
let changed = 0; const tally = { base: { a: 0, r: 0 }, lex: { a: 0, r: 0 } }; const nA = lines.filter((l) => l.expect === 'answer').length; const nR = lines.length - nA;
for (const c of lines) {
  const words = tokenize(c.q).map((t) => t.word);
  const terms = relatedTermsFor(words, known, rw);
  let q2 = c.q;
  if (terms.length) {
    // strongest related word per source span
    const best = new Map<string, { from: string; word: string; weight: number; start: number; end: number }>();
    for (const t of terms) { const k = `${t.start}-${t.end}`; if (!best.has(k) || best.get(k)!.weight < t.weight) best.set(k, t); }
    const out = [...words];
    for (const t of [...best.values()].sort((a, b) => b.start - a.start)) {
      if (append) out.splice(t.end, 0, t.word);
      else out.splice(t.start, t.end - t.start, t.word);
    }
    q2 = out.join(' ');
  }
  const b = score(c, answer(c.q, data)); const l = score(c, answer(q2, data));
  const k = c.expect === 'answer' ? 'a' : 'r';
  tally.base[k] += b ? 1 : 0; tally.lex[k] += l ? 1 : 0;
  if (q2 !== c.q) { changed++; if (b !== l) console.log(`${c.id} ${b ? 'right' : 'wrong'} → ${l ? 'right' : 'wrong'}: ${c.q}  ⇒  ${q2}`); }
}
console.log(`questions rewritten: ${changed}; answered right ${tally.base.a}/${nA} → ${tally.lex.a}/${nA}; declined right ${tally.base.r}/${nR} → ${tally.lex.r}/${nR}`);
