/**
 * Page-side probe for the app page (bundled by esbuild into a small IIFE and installed as a Playwright
 * init script, so it is there from the first byte of every document). It only observes and drives the
 * desk the way an operator does: the app itself is not changed.
 *
 * Timing method (every figure here is `performance.now()` in the page):
 *   - t0 is taken right before the input event is dispatched on the real `.desk-search` field
 *     (value set through the native setter, then an `input` event, exactly what React listens to);
 *   - React handles `input` as a discrete event and commits synchronously, before the next frame;
 *   - a `requestAnimationFrame` callback marks the start of the frame that renders the commit, and a
 *     message posted from it arrives after that frame's style, layout and paint: that is "painted".
 */

export type FrameTimes = { raf: number; painted: number };

export type TypedRun = {
  /** Per query, per keystroke: input dispatch → rAF after the React commit. */
  raf: number[][];
  /** Per query, per keystroke: input dispatch → the frame with the results painted. */
  painted: number[][];
  /**
   * Keystrokes whose frame began before React's commit (the list missing at rAF time, or a DOM change
   * of the desk after it): 0 means the timing method holds.
   */
  uncommitted: number;
};

export type CheckinRun = { ms: number[]; failed: string[]; skipped: number };

export type ProbeApi = {
  /** Resolves with the time the desk field was ready and painted (ms since navigation start). */
  coldReady: Promise<number>;
  /** When the field itself was first painted (still «Загрузка списка…»), ms since navigation start. */
  coldField: Promise<number>;
  /** Stops watching for the cold start (a page that opens elsewhere). */
  disarm(): void;
  /** Clicks «Регистрация» and returns the time until the search field is ready and painted. */
  openDesk(): Promise<number>;
  /**
   * Deletes the desk's cached index (rows `desk:*` of the app's `caches` table, if it has one), so the
   * next opening takes the path of a first opening after an import: every registration and person.
   * Returns how many rows it deleted.
   */
  dropDeskCache(): Promise<number>;
  /** How many `desk:*` rows the app's `caches` table holds (the desk's cached index). */
  deskCacheRows(): Promise<number>;
  typeQueries(texts: string[]): Promise<TypedRun>;
  checkIns(codes: string[]): Promise<CheckinRun>;
  heap(): number | null;
};

export type ProbeWindow = Window & { __skhodProbe: ProbeApi };

const READY_PREFIX = 'Фамилия';

function field(): HTMLInputElement | null {
  return document.querySelector<HTMLInputElement>('input.desk-search');
}

function isReady(): boolean {
  return Boolean(field()?.placeholder.startsWith(READY_PREFIX));
}

/** Times of the next rAF and of the task after that frame's rendering (see the file comment). */
function nextFrame(): Promise<FrameTimes> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ raf, painted: performance.now() });
      channel.port2.postMessage(null);
    }),
  );
}

/** Resolves when `cond()` holds, checked after every DOM mutation (microtask after the commit). */
function when(cond: () => boolean, timeoutMs: number): { promise: Promise<boolean>; cancel: () => void } {
  let cancel = () => {};
  const promise = new Promise<boolean>((resolve) => {
    if (cond()) return resolve(true);
    const obs = new MutationObserver(() => {
      if (!cond()) return;
      done();
      resolve(true);
    });
    const timer = setTimeout(() => {
      done();
      resolve(false);
    }, timeoutMs);
    const done = () => {
      obs.disconnect();
      clearTimeout(timer);
    };
    cancel = () => {
      done();
      resolve(false);
    };
    obs.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return { promise, cancel };
}

async function readyPainted(timeoutMs: number): Promise<number> {
  if (!(await when(isReady, timeoutMs).promise)) throw new Error('the desk search field did not become ready');
  return (await nextFrame()).painted;
}

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;

function type(input: HTMLInputElement, value: string, data: string | null): void {
  setValue.call(input, value);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: data === null ? 'deleteContentBackward' : 'insertText', data }));
}

/** Counts or deletes the rows `desk:*` of the app's `caches` table (0 when the app has no such table). */
/** The desk's cache files in OPFS (renderer/db/desk-cache-file.ts) and its rows in `caches`: counted or deleted. */
async function deskCaches(what: 'count' | 'delete'): Promise<number> {
  return (await deskCacheFiles(what)) + (await deskCacheRows(what));
}

async function deskCacheFiles(what: 'count' | 'delete'): Promise<number> {
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('skhod-desk-cache');
  } catch {
    return 0; // no OPFS, or no desk cache written yet
  }
  const names: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(name);
  if (what === 'delete') for (const name of names) await dir.removeEntry(name);
  return names.length;
}

function deskCacheRows(what: 'count' | 'delete'): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const open = indexedDB.open('skhod');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains('caches')) {
        db.close();
        return resolve(0);
      }
      const tx = db.transaction('caches', what === 'delete' ? 'readwrite' : 'readonly');
      const store = tx.objectStore('caches');
      let rows = 0;
      const keys = store.getAllKeys(IDBKeyRange.bound('desk:', 'desk:\uffff'));
      keys.onsuccess = () => {
        for (const key of keys.result) {
          if (what === 'delete') store.delete(key);
          rows++;
        }
      };
      tx.oncomplete = () => {
        db.close();
        resolve(rows);
      };
      tx.onerror = () => {
        db.close();
        reject(tx.error);
      };
    };
  });
}

const idle = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));

function install(): ProbeApi {
  const cold = when(isReady, 600_000);
  const shown = when(() => field() !== null, 600_000);
  const api: ProbeApi = {
    coldField: shown.promise.then(async (ok) => (ok ? (await nextFrame()).painted : NaN)),
    coldReady: cold.promise.then(async (ok) => (ok ? (await nextFrame()).painted : NaN)),
    disarm: () => {
      cold.cancel();
      shown.cancel();
    },
    async openDesk() {
      const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.includes('Регистрация'));
      if (!button) throw new Error('no «Регистрация» in the navigation');
      const t0 = performance.now();
      button.click();
      return (await readyPainted(120_000)) - t0;
    },
    dropDeskCache() {
      return deskCaches('delete');
    },
    deskCacheRows() {
      return deskCaches('count');
    },
    async typeQueries(texts) {
      const input = field();
      if (!input || !isReady()) throw new Error('the desk is not ready');
      input.focus();
      const run: TypedRun = { raf: [], painted: [], uncommitted: 0 };
      // the check on the timing method: no DOM change of the desk may land after the measured frame began
      let lastMutation = 0;
      const area = input.closest('.desk') ?? document.body;
      const watch = new MutationObserver(() => (lastMutation = performance.now()));
      watch.observe(area, { subtree: true, childList: true, characterData: true, attributes: true });
      for (const text of texts) {
        type(input, '', null);
        await nextFrame();
        const raf: number[] = [];
        const painted: number[] = [];
        for (let i = 1; i <= text.length; i++) {
          const t0 = performance.now();
          type(input, text.slice(0, i), text[i - 1]!);
          const frame = await new Promise<FrameTimes & { committed: boolean }>((resolve) =>
            requestAnimationFrame(() => {
              const at = performance.now();
              // the list exists whenever the field holds a non-blank query: the commit happened
              const committed = !text.slice(0, i).trim() || document.getElementById('desk-results') !== null;
              const channel = new MessageChannel();
              channel.port1.onmessage = () => resolve({ raf: at, painted: performance.now(), committed });
              channel.port2.postMessage(null);
            }),
          );
          await Promise.resolve(); // let the observer's pending records arrive
          if (!frame.committed || lastMutation > frame.raf) run.uncommitted++;
          raf.push(frame.raf - t0);
          painted.push(frame.painted - t0);
        }
        run.raf.push(raf);
        run.painted.push(painted);
      }
      watch.disconnect();
      type(input, '', null);
      await nextFrame();
      return run;
    },
    async checkIns(codes) {
      const input = field();
      if (!input || !isReady()) throw new Error('the desk is not ready');
      const run: CheckinRun = { ms: [], failed: [], skipped: 0 };
      const bannerName = () => document.querySelector('.banner strong')?.textContent ?? '';
      for (const code of codes) {
        type(input, code, code.at(-1) ?? null);
        await nextFrame();
        const name = document.querySelector('li.desk-result .desk-name')?.textContent ?? '';
        // a namesake of the person in the banner now would make the new banner indistinguishable
        if (!name || name === bannerName()) {
          run.skipped++;
          continue;
        }
        const settled = when(() => document.querySelector('.banner') !== null && bannerName() === name, 10_000);
        const t0 = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
        const ok = await settled.promise;
        const painted = (await nextFrame()).painted;
        const banner = document.querySelector('.banner');
        if (ok && banner?.classList.contains('banner-arrived') && banner.textContent?.includes('прибытие отмечено')) run.ms.push(painted - t0);
        else run.failed.push(code);
        // the next person steps up once the desk has settled (live counters, arrivals list)
        await idle();
      }
      return run;
    },
    heap() {
      const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
      return memory ? memory.usedJSHeapSize : null;
    },
  };
  return api;
}

(window as unknown as ProbeWindow).__skhodProbe = install();
