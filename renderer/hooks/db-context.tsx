import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { openDatabase, type DbContext } from '../db/context';

const Ctx = createContext<DbContext | null>(null);

/** Opens the device database once and provides it; shows the loading and failure states itself. */
export function DbProvider({ children, name }: { children: ReactNode; name?: string }) {
  const [state, setState] = useState<{ ctx?: DbContext; error?: Error }>({});
  useEffect(() => {
    let closed = false;
    openDatabase(name).then(
      (ctx) => (closed ? ctx.db.close() : setState({ ctx })),
      (error: Error) => setState({ error }),
    );
    return () => {
      closed = true;
    };
  }, [name]);
  if (state.error) {
    return (
      <div className="fatal" role="alert">
        <h1>Не удалось открыть базу данных</h1>
        <p>{state.error.message}</p>
        <p>Закройте другие окна Схода и перезапустите приложение. Данные на диске не изменены.</p>
      </div>
    );
  }
  if (!state.ctx) return <div className="splash">Сход…</div>;
  return <Ctx.Provider value={state.ctx}>{children}</Ctx.Provider>;
}

export function useDb(): DbContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useDb outside DbProvider');
  return ctx;
}
