import { useLayoutEffect, useState } from 'react';
import type { SearchIndex } from '../../shared/search';
import { indexDeskCards, takeDeskPreload, toSearchDoc, type DeskState } from '../db/desk-preload';
import { DESK_LOOKUP_TABLES, deskChangesAfter, FOREIGN_LOOKUPS, openDeskCache, refreshDeskCache, watchDeskEpoch, writeDeskCache } from '../db/repo/desk-cache';
import { loadDeskLookups, loadDeskRegistrations, toDeskCards, type DeskCard, type DeskLookups } from '../db/repo/desk-cards';
import { whenSettled } from '../db/settled';
import { watchAfter } from '../db/watch';
import { useDb } from './db-context';

export type { DeskCard } from '../db/repo/desk-cards';

export type DeskIndex = {
  index: SearchIndex;
  cards: Map<string, DeskCard>;
  /** Bumped on every incremental update so results re-run. */
  version: number;
};

/** A batch of changed cards this big (an import while the desk is open) is worth caching right away. */
const CACHE_AFTER_ROWS = 500;

/**
 * Runs `fn` when the page is idle (the desk answers keystrokes first), or after half a second at the
 * latest: a desk closed right after it opened should still leave its cache behind.
 */
const whenIdle = (fn: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
};

/**
 * The desk's search index over one event, kept current from the change log: only rows that changed
 * are re-indexed, never the whole event. The cards are cached on the device (one row, see
 * renderer/db/repo/desk-cache.ts), so the next opening reads one value instead of every registration and
 * person, and replays only what changed since the cache was written (its own changes and the notes of
 * changes from other devices). When the caches are voided (dropDeskCaches), it reads everything again.
 *
 * Every update runs through one queue, so the cards, the badge map and the index always agree with
 * `cursor` (the greatest change they reflect) whenever the cache is written.
 */
export function useDeskIndex(eventId: string): DeskIndex | undefined {
  const ctx = useDb();
  const [state, setState] = useState<DeskIndex>();

  // a layout effect: the reading starts as the desk mounts, not after its first paint
  useLayoutEffect(() => {
    let stopChanges: (() => void) | undefined;
    let stopEpoch: (() => void) | undefined;
    let cancelPendingWrite: (() => void) | undefined;
    let cancelWarmUp: (() => void) | undefined;
    let cancelled = false;
    let cursor = '';
    /** The epoch the watcher last saw; `cardsEpoch`: the one the cards were read under (what a cache is labelled with). */
    let epoch = '';
    let cardsEpoch = '';
    let dirty = false;
    let queue: Promise<void> = Promise.resolve();
    let { cards, index }: DeskState = indexDeskCards([]);
    /** person id → registration id; built on the first change to a person (never needed at start). */
    let personRegs: Map<string, string> | undefined;
    let version = 0;
    let lookups: DeskLookups | undefined;

    const enqueue = (task: () => Promise<void> | void) => {
      queue = queue.then(task).catch((err: unknown) => console.error('[skhod] desk index update failed', err));
    };
    const reset = (state: DeskState) => {
      ({ cards, index } = state);
      personRegs = undefined;
      // what a whole build leaves to first use (the badge map), made before the first scan needs it
      cancelWarmUp?.();
      cancelWarmUp = whenIdle(() => state.index.warmUp());
    };
    const remember = (card: DeskCard) => {
      cards.set(card.registrationId, card);
      personRegs?.set(card.personId, card.registrationId);
    };
    const forget = (id: string) => {
      const old = cards.get(id);
      if (!old) return;
      personRegs?.delete(old.personId);
      cards.delete(id);
      index.remove(id);
    };
    const publish = () => {
      version += 1;
      if (!cancelled) setState({ index, cards, version });
    };
    const saveCache = () => {
      dirty = false;
      return writeDeskCache(ctx, { eventId, stamp: cursor, epoch: cardsEpoch }, cards.values());
    };
    const saveSoon = () => {
      cancelPendingWrite?.();
      cancelPendingWrite = whenIdle(() => enqueue(saveCache));
    };
    const rebuild = async () => {
      // reads everything as of now and stores the cache: the next opening starts from it
      const fresh = await refreshDeskCache(ctx, eventId);
      lookups = undefined;
      reset(indexDeskCards(fresh.cards));
      cursor = fresh.stamp;
      cardsEpoch = fresh.epoch;
      dirty = false;
    };

    const applyChanges = async (changes: ReadonlyArray<{ hlc: string; table: string; rowId: string }>) => {
      const batchEnd = changes[changes.length - 1]!.hlc;
      if (batchEnd <= cursor) return; // already in the cards (a rebuild read past it)
      const touched = new Set<string>();
      let lookupsChanged = false;
      for (const ch of changes) {
        if (ch.hlc <= cursor) continue;
        if (ch.table === 'registrations') touched.add(ch.rowId);
        else if (ch.table === 'people') {
          if (!personRegs) {
            personRegs = new Map();
            for (const c of cards.values()) personRegs.set(c.personId, c.registrationId);
          }
          const regId = personRegs.get(ch.rowId);
          if (regId) touched.add(regId);
        } else if (ch.table === FOREIGN_LOOKUPS) lookups = undefined; // the note lists the cards; read the names again
        else if (DESK_LOOKUP_TABLES.has(ch.table)) lookupsChanged = true;
      }
      if (!touched.size && !lookupsChanged) {
        cursor = batchEnd; // check-ins and prints do not change cards
        return;
      }
      if (lookupsChanged) {
        // names of organizations, municipalities or sections changed: rare, rebuild from the database
        await rebuild();
      } else {
        lookups ??= await loadDeskLookups(ctx, eventId);
        const fresh = await whenSettled(ctx.db, () => loadDeskRegistrations(ctx, eventId, [...touched]));
        const present = new Set(fresh.registrations.map((r) => r.id));
        for (const id of touched) if (!present.has(id)) forget(id);
        for (const card of toDeskCards(fresh.registrations, fresh.people, lookups)) {
          remember(card);
          index.upsert(toSearchDoc(card));
        }
        cursor = batchEnd;
        dirty = true;
        if (touched.size >= CACHE_AFTER_ROWS) saveSoon();
      }
      publish();
    };

    enqueue(async () => {
      // read and indexed while the database opened, if the desk was open when the app last closed
      const preloaded = takeDeskPreload(ctx.db.name, eventId);
      const start = await openDeskCache(ctx, eventId, preloaded && (await preloaded));
      epoch = cardsEpoch = start.epoch;
      const cached = start.cached;
      if (cached) {
        reset('state' in cached ? cached.state : indexDeskCards(cached.cards));
        cursor = cached.stamp;
        // what changed since the cache was written goes in before the desk answers anyone: a desk that
        // showed the cached section or status of a person for a moment would check them in on stale data
        if (start.now > cursor) await applyChanges(await deskChangesAfter(ctx, cursor));
      } else {
        const [names, all] = await whenSettled(ctx.db, () => Promise.all([loadDeskLookups(ctx, eventId), loadDeskRegistrations(ctx, eventId)]));
        lookups = names;
        reset(indexDeskCards(toDeskCards(all.registrations, all.people, names)));
        cursor = start.now;
        dirty = true;
      }
      if (cancelled) return;
      publish();
      if (dirty) saveSoon(); // the first opening after an import: the next one starts from the cache

      stopChanges = watchAfter(cursor, (after) => deskChangesAfter(ctx, after), (changes) => enqueue(() => applyChanges(changes)));
      stopEpoch = watchDeskEpoch(ctx, (next) => {
        if (next === epoch) return;
        epoch = next;
        // changes from another device too many or too wide to replay (noteForeignDeskChanges): read everything
        enqueue(async () => {
          await rebuild();
          publish();
        });
      });
    });
    return () => {
      cancelled = true;
      stopChanges?.();
      stopEpoch?.();
      cancelPendingWrite?.();
      cancelWarmUp?.();
      // leave a fresh cache behind so the next opening replays less
      enqueue(() => (dirty ? saveCache() : undefined));
    };
  }, [ctx, eventId]);

  return state;
}
