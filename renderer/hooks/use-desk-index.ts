import { useEffect, useState } from 'react';
import type { Registration } from '../../shared/domain/types';
import { SearchIndex, type SearchDoc } from '../../shared/search';
import { loadDeskLookups, loadDeskRegistrations, type DeskLookups } from '../db/repo/desk';
import type { Person } from '../../shared/domain/types';
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

/**
 * The desk's search index over one event, built once from IndexedDB and then kept current from the
 * change log: only rows that changed are re-indexed, never the whole event.
 */
export function useDeskIndex(eventId: string): DeskIndex | undefined {
  const ctx = useDb();
  const [state, setState] = useState<DeskIndex>();

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      const since = await lastChangeStamp(ctx);
      let lookups = await loadDeskLookups(ctx, eventId);
      const people = new Map<string, Person>();
      const all = await loadDeskRegistrations(ctx, eventId);
      if (cancelled) return;
      let index = new SearchIndex();
      const cards = new Map<string, DeskCard>();
      const byBadge = new Map<string, string>();
      const personRegs = new Map<string, string>();
      const regs = new Map<string, Registration>();
      const put = (r: Registration) => {
        const person = people.get(r.personId);
        if (!person) return;
        const card = toCard(r, person, lookups);
        const old = cards.get(r.id);
        if (old && old.badgeCode !== card.badgeCode) byBadge.delete(old.badgeCode);
        regs.set(r.id, r);
        cards.set(r.id, card);
        byBadge.set(card.badgeCode, r.id);
        personRegs.set(r.personId, r.id);
        index.upsert(toDoc(r, person));
      };
      const drop = (id: string) => {
        const old = cards.get(id);
        if (old) byBadge.delete(old.badgeCode);
        cards.delete(id);
        regs.delete(id);
        index.remove(id);
      };
      for (const [id, p] of all.people) people.set(id, p);
      // the first build goes through the bulk constructor (it shares work between namesakes);
      // later changes go through upsert one by one
      const docs: SearchDoc[] = [];
      for (const r of all.registrations) {
        const person = people.get(r.personId);
        if (!person) continue;
        const card = toCard(r, person, lookups);
        regs.set(r.id, r);
        cards.set(r.id, card);
        byBadge.set(card.badgeCode, r.id);
        personRegs.set(r.personId, r.id);
        docs.push(toDoc(r, person));
      }
      index = new SearchIndex(docs);
      let version = 1;
      setState({ index, cards, byBadge, version });

      stop = watchChanges(ctx, since, (changes) => {
        void (async () => {
          const touched = new Set<string>();
          let lookupsChanged = false;
          for (const ch of changes) {
            if (ch.table === 'registrations') touched.add(ch.rowId);
            else if (ch.table === 'people') {
              const regId = personRegs.get(ch.rowId);
              if (regId) touched.add(regId);
            } else if (ch.table === 'organizations' || ch.table === 'municipalities' || ch.table === 'sections') lookupsChanged = true;
          }
          if (!touched.size && !lookupsChanged) return; // check-ins and prints do not change cards
          if (lookupsChanged) lookups = await loadDeskLookups(ctx, eventId);
          const fresh = await loadDeskRegistrations(ctx, eventId, [...touched]);
          for (const [id, p] of fresh.people) people.set(id, p);
          const present = new Set(fresh.registrations.map((r) => r.id));
          for (const id of touched) if (!present.has(id)) drop(id);
          for (const r of fresh.registrations) put(r);
          if (lookupsChanged) for (const r of regs.values()) put(r);
          version += 1;
          if (!cancelled) setState({ index, cards, byBadge, version });
        })();
      });
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [ctx, eventId]);

  return state;
}

function toDoc(r: Registration, p: Person): SearchDoc {
  return { id: r.id, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone, badgeCode: r.badgeCode };
}

function toCard(r: Registration, p: Person, lookups: DeskLookups): DeskCard {
  const section = r.sectionId ? lookups.sections.get(r.sectionId)?.title : undefined;
  return {
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
  };
}
