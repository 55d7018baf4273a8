/**
 * The engines compared in `npm run bench`: ours (shared/search, as the desk builds it) and the peers a
 * developer would reach for, each configured the way its documentation recommends for this job
 * (`ENGINE_SETUP` says how; the report prints it). All get the same rows: surname, name, patronymic
 * and the phone (ours normalizes it itself; the peers get its digits, as a developer would index a
 * phone written "8-963-549-48-06"); all return the ids of their first ten results.
 */
import uFuzzy from '@leeoniya/ufuzzy';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { SearchIndex } from '../../../shared/search';
import type { BenchPerson } from '../lib/queries';

export const ENGINE_NAMES = ['ours', 'fuse', 'minisearch', 'ufuzzy'] as const;
/** The engines built in memory; Dexie searches IndexedDB instead. */
export type MemoryEngine = (typeof ENGINE_NAMES)[number];
export type EngineName = MemoryEngine | 'dexie';

export const ENGINE_LABELS: Record<EngineName, string> = {
  ours: 'Сход (shared/search)',
  dexie: 'Dexie startsWithIgnoreCase + filter',
  fuse: 'Fuse.js',
  minisearch: 'MiniSearch',
  ufuzzy: 'uFuzzy',
};

/** How each engine is set up, in words for the report. */
export const ENGINE_SETUP: Record<EngineName, string> = {
  ours: '`new SearchIndex(docs)` over surname, name, patronymic, phone and badge code (what the desk builds); `search(q, 10)`.',
  dexie:
    "in the page against the app's real IndexedDB (`skhod`, table `people`): `where('surname').startsWithIgnoreCase(firstWord).filter(rest are prefixes of name or patronymic).limit(10)`; a query of digits is `people.filter(digits of phone include them).limit(10)` (no index can serve a phone tail).",
  fuse: "Fuse.js token search for multi-word queries (its docs' advice for search bars): `useTokenSearch: true, tokenMatch: 'all'`, keys surname/name/patronymic/phone (digits), default threshold 0.6, index prebuilt with `Fuse.createIndex`; `search(q, { limit: 10 })`.",
  minisearch: "fields surname/name/patronymic/phone (digits), `searchOptions: { prefix: true, fuzzy: 0.2 }` (the docs' search-as-you-type setup), `addAll(docs)`; first ten of `search(q)`.",
  ufuzzy: "one haystack line per person (`Фамилия Имя Отчество 89635494806`), options `{ alpha: 'a-zа-яё', intraMode: 1 }` (the docs' Latin+Russian alphabet and single-error mode), `search(haystack, q, 1 /* outOfOrder */, 1000)`; first ten of the ranked order.",
};

export type Engine = { search: (q: string) => string[] };

type Doc = { id: string; surname: string; name: string; patronymic: string; phone: string };

/** Phones are stored as people wrote them ("8-963-549-48-06"); a developer would index the digits. */
const digitsOf = (phone?: string) => (phone ?? '').replace(/\D/g, '');
const toDoc = (p: BenchPerson): Doc => ({ id: p.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: digitsOf(p.phone) });

/** Builds the engine over `people`; the caller times this call as the engine's index build. */
export function buildEngine(name: MemoryEngine, people: readonly (BenchPerson & { badgeCode?: string })[]): Engine {
  switch (name) {
    case 'ours': {
      const index = new SearchIndex(people.map((p) => ({ id: p.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone, badgeCode: p.badgeCode })));
      return { search: (q) => index.search(q, 10).map((h) => h.id) };
    }
    case 'fuse': {
      const docs = people.map(toDoc);
      const keys = ['surname', 'name', 'patronymic', 'phone'];
      const fuse = new Fuse(docs, { keys, useTokenSearch: true, tokenMatch: 'all' }, Fuse.createIndex(keys, docs));
      return { search: (q) => fuse.search(q, { limit: 10 }).map((r) => r.item.id) };
    }
    case 'minisearch': {
      const ms = new MiniSearch<Doc>({ fields: ['surname', 'name', 'patronymic', 'phone'], searchOptions: { prefix: true, fuzzy: 0.2 } });
      ms.addAll(people.map(toDoc));
      return { search: (q) => ms.search(q).slice(0, 10).map((r) => r.id as string) };
    }
    case 'ufuzzy': {
      const ids = people.map((p) => p.id);
      const haystack = people.map((p) => `${p.surname} ${p.name} ${p.patronymic} ${digitsOf(p.phone)}`);
      const uf = new uFuzzy({ alpha: 'a-zа-яё', intraMode: 1 });
      return {
        search: (q) => {
          const [idxs, info, order] = uf.search(haystack, q, 1, 1000);
          if (!idxs) return [];
          const top = info && order ? order.slice(0, 10).map((i) => info.idx[i]!) : idxs.slice(0, 10);
          return top.map((i) => ids[i]!);
        },
      };
    }
  }
}
