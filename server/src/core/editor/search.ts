// Finding items and decisions across the workspace by their words or their owner.
import { stemmer } from 'stemmer';
import type { Span } from '../model';
import { normalizeName } from '../text/plain';
import { kindLabel } from './describe';
import { entrySpan } from './locate';
import type { DigestDoc } from './people';

export interface FoundEntry {
  doc: DigestDoc;
  kind: 'action' | 'commitment' | 'decision';
  /** `Mike Johnson: Test Redis connection pool optimizations`, or a decision's text. */
  name: string;
  /** The meeting: `Engineering Architecture Review · 2024-01-29`. */
  container: string;
  done: boolean;
  span: Span;
}

/**
 * Every item and decision whose words or owner match all the words of the query (each query word
 * is a prefix of a word, or the same word stem). `@mike` or `owner:mike` only matches owners.
 * An empty query finds everything.
 */
export function searchEntries(docs: DigestDoc[], query: string, limit = 500): FoundEntry[] {
  const terms = parseQuery(query);
  const found: FoundEntry[] = [];
  for (const doc of docs) {
    const { model } = doc;
    const container = (meeting: number) => {
      const m = model.meetings[meeting];
      return m ? [m.title, m.date].filter(Boolean).join(' · ') : '';
    };
    for (const item of model.items) {
      const owner = item.owner ? `${item.owner.name} ${item.owner.written}` : '';
      if (!matches(terms, `${item.task} ${kindLabel(item)} ${item.source === 'transcript' ? 'said' : ''}`, owner)) continue;
      found.push({
        doc,
        kind: item.kind,
        name: `${item.owner ? `${item.owner.name}: ` : ''}${item.task}`,
        container: container(item.meeting),
        done: item.status === 'done',
        span: entrySpan(item),
      });
    }
    for (const decision of model.decisions) {
      if (!matches(terms, `${decision.text} decision`, '')) continue;
      found.push({ doc, kind: 'decision', name: decision.text, container: container(decision.meeting), done: false, span: decision.span });
    }
  }
  // Open work first; otherwise files and lines in order.
  return found.sort((a, b) => Number(a.done) - Number(b.done)).slice(0, limit);
}

interface Term {
  word: string;
  stem: string;
  ownerOnly: boolean;
}

function parseQuery(query: string): Term[] {
  return query
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const ownerOnly = /^(?:@|owner:)/i.test(raw);
      const word = normalizeName(raw.replace(/^(?:@|owner:)/i, '')).replace(/\s+/g, '');
      return { word, stem: stemmer(word), ownerOnly };
    })
    .filter((t) => t.word);
}

function wordsOf(text: string): string[] {
  return normalizeName(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

const stems = new Map<string, string>();

/** Stems are asked for every word of every item on each query: remembered, within a bound. */
function stemOf(word: string): string {
  let stem = stems.get(word);
  if (stem === undefined) {
    if (stems.size > 50_000) stems.clear();
    stem = stemmer(word);
    stems.set(word, stem);
  }
  return stem;
}

function matches(terms: Term[], text: string, owner: string): boolean {
  if (!terms.length) return true;
  const ownerWords = wordsOf(owner);
  const allWords = [...wordsOf(text), ...ownerWords];
  const hit = (term: Term, words: string[]) => words.some((w) => w.startsWith(term.word) || (term.word.length > 3 && stemOf(w) === term.stem));
  return terms.every((term) => hit(term, term.ownerOnly ? ownerWords : allWords));
}
