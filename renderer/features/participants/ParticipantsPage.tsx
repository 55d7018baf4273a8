import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow, Role } from '../../../shared/domain/types';
import { bridge } from '../../bridge/bridge';
import { loadDelegates } from '../../db/repo/participants';
import { useDb } from '../../hooks/db-context';
import { useArrivals } from '../../hooks/use-arrivals';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { useRegistrationRows, type RegistrationRow } from '../../hooks/use-participants';
import { useSections } from '../../hooks/use-sections';
import { ImportWizard } from '../import';
import { useOrganizerGate } from '../../components/organizer-gate';
import { DelegationsTable, type DelegationLine } from './DelegationsTable';
import { EditParticipantDialog } from './EditParticipantDialog';
import { exportByMunicipality, exportList, fileName } from './exports';
import { ParticipantFilters } from './ParticipantFilters';
import { ParticipantsTable } from './ParticipantsTable';
import { columnOrder, filterRows, isFiltered, noFilters, searchKeys, type Column, type Filters, type SortState } from './table-model';
import './participants.css';
import { errorText } from '../../i18n';

type Tab = 'list' | 'delegations';

export function ParticipantsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation('participants');
  const ctx = useDb();
  const rows = useRegistrationRows(event.id);
  const arrivals = useArrivals(event.id)?.byRegistration;
  const municipalities = useMunicipalities();
  const sections = useSections(event.id);
  const [tab, setTab] = useState<Tab>('list');
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [sort, setSort] = useState<SortState>({ column: 'name', descending: false });
  const [editing, setEditing] = useState<RegistrationRow | null>(null);
  const [importing, setImporting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [askOrganizer, gateDialog] = useOrganizerGate();
  // an import merges duplicate people and may cancel registrations a district dropped: organizer's work
  const startImport = async () => {
    if (await askOrganizer(t('page.importReason'))) setImporting(true);
  };

  // typing in the filter stays instant at 100,000 rows: the list follows a moment later
  const deferred = useDeferredValue(filters);
  const needsArrivals = deferred.arrived !== '' || sort.column === 'arrived';
  const arrivalsForOrder = needsArrivals ? arrivals : undefined;
  const roleLabel = (r: Role) => t(`app:role.${r}`);
  const keys = useMemo(() => (rows ? searchKeys(rows) : []), [rows]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- roleLabel changes with the language only
  const order = useMemo(() => (rows ? columnOrder(rows, sort.column, arrivalsForOrder, roleLabel) : new Int32Array()), [rows, sort.column, sort.column === 'arrived' ? arrivalsForOrder : null]);
  const visible = useMemo(() => (rows ? filterRows(rows, keys, order, sort.descending, deferred, arrivalsForOrder) : []), [rows, keys, order, sort.descending, deferred, arrivalsForOrder]);
  const municipalityOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of rows ?? []) if (r.registration.municipalityId && !seen.has(r.registration.municipalityId)) seen.set(r.registration.municipalityId, r.municipality);
    const collator = new Intl.Collator('ru');
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name));
  }, [rows]);
  const active = useMemo(() => rows?.filter((r) => r.registration.status !== 'cancelled').length, [rows]);
  const sectionMap = useMemo(() => new Map((sections ?? []).map((s) => [s.id, s])), [sections]);

  // «/» jumps to the filter from anywhere on the page (not while typing in a field)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key !== '/' || tab !== 'list' || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [tab]);

  const onSort = (column: Column) => setSort((s) => ({ column, descending: s.column === column ? !s.descending : false }));

  const save = async (label: string, make: () => Promise<{ name: string; bytes: Uint8Array<ArrayBuffer> }>) => {
    setError(null);
    setBusy(label);
    try {
      const { name, bytes } = await make();
      const saved = await bridge.saveFile({ suggestedName: name, bytes });
      if ('error' in saved) setError(saved.error.message);
    } catch (e) {
      setError(t('page.saveFailed', { message: errorText(e) }));
    } finally {
      setBusy(null);
    }
  };
  const exportShown = () =>
    save(t('page.preparingList'), async () => {
      const shown = visible.map((i) => rows![i]!);
      const caption = isFiltered(filters) ? t('page.selection', { count: shown.length }) : '';
      return { name: fileName(t('page.fileList'), event.shortTitle ?? event.title, caption), bytes: exportList(event.title, caption, shown, arrivals, sectionMap) };
    });
  const exportPerMunicipality = () =>
    save(t('page.preparingPerMunicipality'), async () => ({
      name: fileName(t('page.filePerMunicipality'), event.shortTitle ?? event.title),
      bytes: exportByMunicipality(event.title, visible.map((i) => rows![i]!), arrivals, sectionMap),
    }));
  const exportMunicipality = (line: DelegationLine) =>
    save(t('page.preparingListOf', { name: line.name }), async () => {
      const list = (rows ?? []).filter((r) => r.registration.municipalityId === line.municipalityId);
      return { name: fileName(t('page.fileList'), line.name), bytes: exportList(event.title, line.name, list, arrivals, sectionMap) };
    });
  const exportTemplate = (line: DelegationLine) =>
    save(t('page.preparingTemplateOf', { name: line.name }), async () => {
      const [{ buildDistrictTemplate }, { delegates, sections: s }] = await Promise.all([import('./district-template'), loadDelegates(ctx, event.id, line.municipalityId)]);
      return { name: fileName(t('page.fileTemplate'), line.name), bytes: await buildDistrictTemplate({ event, municipality: line.name, delegates, sections: s }) };
    });

  return (
    <section className="page page-participants">
      <header className="page-header participants-header">
        <h1>{t('app:participants.heading')}</h1>
        {active !== undefined && <p className="muted">{t('app:participants.count', { count: active })}</p>}
        <span className="spacer" />
        <button type="button" className="primary" onClick={() => void startImport()}>
          {t('page.import')}
        </button>
      </header>
      <div className="participants-tabs">
        <div role="tablist" aria-label={t('page.view')}>
          {(
            [
              ['list', t('page.tabList')],
              ['delegations', t('page.tabDelegations')],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" role="tab" id={`tab-${value}`} aria-selected={tab === value} aria-controls={`panel-${value}`} onClick={() => setTab(value)}>
              {label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {busy && (
          <span role="status" className="muted">
            {busy}
          </span>
        )}
        {tab === 'list' && (
          <>
            <button type="button" onClick={() => void exportShown()} disabled={!rows?.length || busy !== null}>
              {t('page.exportList')}
            </button>
            <button type="button" onClick={() => void exportPerMunicipality()} disabled={!rows?.length || busy !== null}>
              {t('page.exportPerMunicipality')}
            </button>
          </>
        )}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'list' ? (
        <div className="participants-panel" role="tabpanel" id="panel-list" aria-labelledby="tab-list">
          {!rows ? (
            <p>{t('app:common.loading')}</p>
          ) : rows.length === 0 ? (
            <p className="empty">{t('app:participants.empty')} {t('page.emptyHint')}</p>
          ) : (
            <>
              <ParticipantFilters ref={searchRef} filters={filters} onChange={setFilters} municipalities={municipalityOptions} />
              {isFiltered(filters) && <p className="muted shown-count">{t('page.shown', { count: visible.length })}</p>}
              <ParticipantsTable rows={rows} visible={visible} arrivals={arrivals} sort={sort} onSort={onSort} onOpen={setEditing} />
            </>
          )}
        </div>
      ) : (
        <div className="participants-panel" role="tabpanel" id="panel-delegations" aria-labelledby="tab-delegations">
          <DelegationsTable eventId={event.id} rows={rows ?? []} arrivals={arrivals} onList={(l) => void exportMunicipality(l)} onTemplate={(l) => void exportTemplate(l)} busy={busy} />
        </div>
      )}
      {editing && municipalities && <EditParticipantDialog row={editing} municipalities={municipalities} onClose={() => setEditing(null)} />}
      {importing && <ImportWizard event={event} onClose={() => setImporting(false)} />}
      {gateDialog}
    </section>
  );
}
