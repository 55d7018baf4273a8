import { useEffect, useState } from 'react';
import type { Person, Registration } from '../../shared/domain/types';
import { SearchIndex, type SearchDoc } from '../../shared/search';
import { loadDeskLookups, loadDeskRegistrations, readDeskCache, writeDeskCache, type DeskLookups } from '../db/repo/desk';
import { lastChangeStamp, watchChanges } from '../db/watch';
import { useDb } from './db-context';

/** What a desk result shows about one registration. */
export type DeskCard = {
  registrationId: string;
  personId: string;
  fullName: string;
  municipality: string;
  organization: string;
  position: string;
  role: Registration['role'];
  section: string;
  sectionId?: string;
  badgeCode: string;
  note?: string;
  status: Registration['status'];
};

export type DeskIndex = {
  index: SearchIndex;
  cards: Map<string, DeskCard>;
  /** Badge code → registration id, for scanners. */
  byBadge: Map<string, string>;
  /** Bumped on every incremental update so results re-run. */
  version: number;
};

type Entry = { card: DeskCard; doc: SearchDoc };

/**
 * The desk's search index over one event, kept current from the change log: only rows that changed
 * are re-indexed, never the whole event. The entries are cached on the device (one row), so the next
 * opening reads one object instead of every registration and person, and replays only what changed
 * since the cache was written.
 */
export function useDeskIndex(eventId: string): DeskIndex | undefined {
  const ctx = useDb();
  const [state, setState] = useState<DeskIndex>();

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    let cursor = '';
    let dirty = false;
    const cards = new Map<string, DeskCard>();
    const byBadge = new Map<string, string>();
    const personRegs = new Map<string, string>();
    const docs = new Map<string, SearchDoc>();
    let index = new SearchIndex();
    let version = 0;
    let lookups: DeskLookups | undefined;

    const reset = (entries: readonly Entry[]) => {
      cards.clear();
      byBadge.clear();
      personRegs.clear();
      docs.clear();
      for (const e of entries) remember(e);
      // the bulk constructor shares work between namesakes; later changes go through upsert
      index = new SearchIndex(entries.map((e) => e.doc));
    };
    const remember = ({ card, doc }: Entry) => {
      docs.set(card.registrationId, doc);
      const old = cards.get(card.registrationId);
      if (old && old.badgeCode !== card.badgeCode) byBadge.delete(old.badgeCode);
      cards.set(card.registrationId, card);
      byBadge.set(card.badgeCode, card.registrationId);
      personRegs.set(card.personId, card.registrationId);
    };
    const publish = () => {
      version += 1;
      if (!cancelled) setState({ index, cards, byBadge, version });
    };
    const loadAll = async () => {
      lookups = await loadDeskLookups(ctx, eventId);
      const all = await loadDeskRegistrations(ctx, eventId);
      return toEntries(all.registrations, all.people, lookups);
    };

    void (async () => {
      const now = await lastChangeStamp(ctx);
      const cached = await readDeskCache<PackedEntries>(ctx, eventId);
      if (cached && cached.stamp <= now) {
        reset(unpack(cached.value));
        cursor = cached.stamp;
      } else {
        reset(await loadAll());
        cursor = now;
        void writeDeskCache(ctx, eventId, cursor, pack(cards, docs));
      }
      if (cancelled) return;
      publish();

      stop = watchChanges(ctx, cursor, (changes) => {
        void (async () => {
          const batchEnd = changes[changes.length - 1]!.hlc;
          const touched = new Set<string>();
          let lookupsChanged = false;
          for (const ch of changes) {
            if (ch.table === 'registrations') touched.add(ch.rowId);
            else if (ch.table === 'people') {
              const regId = personRegs.get(ch.rowId);
              if (regId) touched.add(regId);
            } else if (ch.table === 'organizations' || ch.table === 'municipalities' || ch.table === 'sections') lookupsChanged = true;
          }
          if (!touched.size && !lookupsChanged) {
            cursor = batchEnd; // check-ins and prints do not change cards
            return;
          }
          dirty = true;
          if (lookupsChanged) {
            // names of organizations, municipalities or sections changed: rare, rebuild from the database
            reset(await loadAll());
          } else {
            lookups ??= await loadDeskLookups(ctx, eventId);
            const fresh = await loadDeskRegistrations(ctx, eventId, [...touched]);
            const present = new Set(fresh.registrations.map((r) => r.id));
            for (const id of touched) {
              if (present.has(id)) continue;
              const old = cards.get(id);
              if (old) byBadge.delete(old.badgeCode);
              cards.delete(id);
              docs.delete(id);
              index.remove(id);
            }
            for (const e of toEntries(fresh.registrations, fresh.people, lookups)) {
              remember(e);
              index.upsert(e.doc);
            }
          }
          cursor = batchEnd;
          publish();
        })();
      });
    })();
    return () => {
      cancelled = true;
      stop?.();
      // leave a fresh cache behind so the next opening replays less
      if (dirty) void writeDeskCache(ctx, eventId, cursor, pack(cards, docs));
    };
  }, [ctx, eventId]);

  return state;
}

function toEntries(registrations: readonly Registration[], people: ReadonlyMap<string, Person>, lookups: DeskLookups): Entry[] {
  const out: Entry[] = [];
  for (const r of registrations) {
    const p = people.get(r.personId);
    if (!p) continue; // the person has not arrived yet from another device
    const section = r.sectionId ? lookups.sections.get(r.sectionId)?.title : undefined;
    out.push({
      doc: { id: r.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone, badgeCode: r.badgeCode },
      card: {
        registrationId: r.id,
        personId: p.id,
        fullName: [p.surname, p.name, p.patronymic].filter(Boolean).join(' '),
        municipality: lookups.municipalities.get(r.municipalityId ?? p.municipalityId ?? '')?.name ?? '',
        organization: lookups.organizations.get(p.organizationId ?? '')?.name ?? '',
        position: p.position ?? '',
        role: r.role,
        section: section ?? '',
        sectionId: r.sectionId,
        badgeCode: r.badgeCode,
        note: r.note ?? (p.consent?.given ? undefined : 'Нужно согласие на обработку ПДн'),
        status: r.status,
      },
    });
  }
  return out;
}

/**
 * The cache stores entries column by column: IndexedDB clones a dozen arrays of strings far faster
 * than 100,000 small objects.
 */
type PackedEntries = { v: 1; columns: Record<keyof DeskCard | 'surname' | 'name' | 'patronymic' | 'phone', Array<string | undefined>> };
const cardKeys = ['registrationId', 'personId', 'fullName', 'municipality', 'organization', 'position', 'role', 'section', 'sectionId', 'badgeCode', 'note', 'status'] as const;

function pack(cards: ReadonlyMap<string, DeskCard>, docs: ReadonlyMap<string, SearchDoc>): PackedEntries {
  const columns = Object.fromEntries([...cardKeys, 'surname', 'name', 'patronymic', 'phone'].map((k) => [k, [] as Array<string | undefined>])) as PackedEntries['columns'];
  for (const card of cards.values()) {
    for (const k of cardKeys) columns[k].push(card[k]);
    const doc = docs.get(card.registrationId);
    columns.surname.push(doc?.surname);
    columns.name.push(doc?.name);
    columns.patronymic.push(doc?.patronymic);
    columns.phone.push(doc?.phone);
  }
  return { v: 1, columns };
}

function unpack(packed: PackedEntries): Entry[] {
  if (packed?.v !== 1) return [];
  const c = packed.columns;
  return c.registrationId.map((id, i) => {
    const card = Object.fromEntries(cardKeys.map((k) => [k, c[k][i]])) as unknown as DeskCard;
    return { card, doc: { id: id!, surname: c.surname[i] ?? '', name: c.name[i] ?? '', patronymic: c.patronymic[i] ?? '', phone: c.phone[i], badgeCode: card.badgeCode } };
  });
}
