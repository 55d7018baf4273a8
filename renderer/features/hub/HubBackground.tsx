import { useEffect } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { useDb } from '../../hooks/db-context';
import { resumeLoops } from './resume';

/**
 * Renders nothing; mounted once in the app shell, it resumes the LAN hub's loops at start, so a
 * paired desk that was restarted syncs again while the operator stays on Регистрация (the
 * «Локальная сеть» panel does the same when it is open). No-op in a browser.
 */
export function HubBackground({ event }: { event: EventRow }) {
  const ctx = useDb();
  useEffect(() => {
    let live = true;
    void bridge.appInfo({}).then(async (info) => {
      if (!live || !('data' in info) || info.data.shell !== 'electron') return;
      const status = await bridge.hubStatus({});
      if (live && 'data' in status) resumeLoops(ctx, status.data, event.id);
    });
    return () => {
      live = false;
    };
  }, [ctx, event.id]);
  return null;
}
