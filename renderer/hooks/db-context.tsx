import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Splash } from '../components/Splash';
import { openDatabase, type DbContext } from '../db/context';
import { startArea, useUiStore } from '../stores/ui-store';

const Ctx = createContext<DbContext | null>(null);

/**
 * The role picks the screen the app opens on. Applied once, when the database opens and before
 * anything renders, so a desk laptop never flashes the organizer's last screen. A juror device opens
 * juror mode (`#jury`: the package screen, or the score sheet when a package is open).
 */
function applyStartScreen(ctx: DbContext) {
  const ui = useUiStore.getState();
  ui.setArea(startArea(ctx.device.role, ui.area));
  if (ctx.device.role === 'juror' && window.location.hash !== '#jury') {
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#jury`);
  }
}

/** Opens the device database once and provides it; shows the loading and failure states itself. */
export function DbProvider({ children, name }: { children: ReactNode; name?: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ ctx?: DbContext; error?: Error }>({});
  useEffect(() => {
    let closed = false;
    openDatabase(name).then(
      (ctx) => {
        if (closed) return ctx.db.close();
        applyStartScreen(ctx);
        setState({ ctx });
      },
      (error: Error) => setState({ error }),
    );
    return () => {
      closed = true;
    };
  }, [name]);
  if (state.error) {
    return (
      <div className="fatal" role="alert">
        <h1>{t('database.openFailed')}</h1>
        <p>{state.error.message}</p>
        <p>{t('database.openFailedHint')}</p>
      </div>
    );
  }
  if (!state.ctx) return <Splash />;
  return <LiveDevice ctx={state.ctx}>{children}</LiveDevice>;
}

/**
 * Keeps `useDb().device` in step with the device row: renaming the device or changing its role in
 * Настройки shows at once in the navigation and in what the device writes next (exchange files carry
 * the role). The context object changes only when a field does, so effects keyed on it do not rerun
 * on every read of the row.
 */
function LiveDevice({ ctx, children }: { ctx: DbContext; children: ReactNode }) {
  const row = useLiveQuery(() => ctx.db.devices.get(ctx.device.id), [ctx]);
  const name = row?.name ?? ctx.device.name;
  const role = row?.role ?? ctx.device.role;
  const publicKey = row?.publicKey ?? ctx.device.publicKey;
  const value = useMemo(() => {
    const d = ctx.device;
    if (name === d.name && role === d.role && publicKey === d.publicKey) return ctx;
    return { ...ctx, device: { ...d, name, role, publicKey } };
  }, [ctx, name, role, publicKey]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useDb(): DbContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useDb outside DbProvider');
  return ctx;
}
