import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { DEFAULT_IMPORT_LIMITS } from '../../../shared/import/types';
import { bridge } from '../../bridge/bridge';
import { backupBeforeRisk } from '../../db/backup';
import { refreshDeskCache } from '../../db/repo/desk-cache';
import { commitImport, loadImportBase } from '../../db/repo/import';
import { useDb } from '../../hooks/db-context';
import { useArrivals } from '../../hooks/use-arrivals';
import { buildImport, buildImportAsync, touchedRegistrations } from './build';
import { buildPlan, prepare, removedFromTemplate, templateMunicipality, type Decision } from './plan';
import { buildReport, reportToXlsx, type ImportReport } from './report';
import { contextWarnings, fileMunicipality, initialRequest, preview, unknownCategories, withCategories } from './session';
import type { Category } from '../../../shared/domain/types';
import { StepDuplicates } from './StepDuplicates';
import { StepFile } from './StepFile';
import { StepFinish } from './StepFinish';
import { StepMapping } from './StepMapping';
import { StepPreview } from './StepPreview';
import { ParseWorker } from './worker-client';
import type { Analysis, AnalyzeRequest, CsvOverrides } from './worker-protocol';
import type { Analyzed, Committing, Loaded } from './wizard-types';
import './import.css';
import { errorText } from '../../i18n';
import { Dialog, closeDialog } from '../../components/ui';
import { laps } from '../../common/laps';

type Step = 'file' | 'mapping' | 'preview' | 'duplicates' | 'finish';
const STEPS: readonly Step[] = ['file', 'mapping', 'preview', 'duplicates', 'finish'];


/**
 * The import wizard: file → sheet and columns → every row checked → duplicates decided → one
 * all-or-nothing commit with progress → report. Nothing is written before «Импортировать»; any
 * failure before or during the commit leaves the database as it was.
 */
export function ImportWizard({ event, onClose }: { event: EventRow; onClose: () => void }) {
  const { t } = useTranslation('import');
  const ctx = useDb();
  const arrivals = useArrivals(event.id)?.byRegistration;
  const worker = useRef<ParseWorker | null>(null);
  const [step, setStep] = useState<Step>('file');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [request, setRequest] = useState<AnalyzeRequest | null>(null);
  const [analyzed, setAnalyzed] = useState<Analyzed | null>(null);
  const [decisions, setDecisions] = useState<Map<number, Decision>>(new Map());
  const [keep, setKeep] = useState<Set<string>>(new Set());
  /** The user's answer for each category text the import did not recognize ('' — rows without one). */
  const [categoryChoices, setCategoryChoices] = useState<Map<string, Category>>(new Map());
  const [committing, setCommitting] = useState<Committing | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const cancelRef = useRef(false);
  const bodyRef = useRef<HTMLDivElement>(null);
  // every step opens at its top (the sheet and header-row choice first), not where the previous one was scrolled
  useEffect(() => {
    if (bodyRef.current) bodyRef.current.scrollTop = 0;
  }, [step]);

  useEffect(() => () => worker.current?.dispose(), []);
  const parser = () => (worker.current ??= new ParseWorker());

  const fail = (e: unknown) => setError(errorText(e));

  /** Runs the worker on a request; after a timeout the worker is fresh and needs the file again. */
  const runAnalysis = async (l: Loaded, req: AnalyzeRequest): Promise<Analysis> => {
    const w = parser();
    if (!w.hasFile) await w.read(l.bytes, l.fileName, l.csv);
    return w.analyze(req);
  };
  /**
   * The analysis of the columns the mapping step opens with, started in the worker as the step opens:
   * most people keep them, and «Проверить строки» then takes it instead of starting it (10,000 rows take
   * the worker most of a second). Any change of the columns makes a new request object, which is analyzed anew.
   */
  const ahead = useRef<{ request: AnalyzeRequest; analysis: Promise<Analysis> } | null>(null);

  const pickFile = async () => {
    setError(null);
    const picked = await bridge.openFile({ filters: [{ name: t('tables'), extensions: ['xlsx', 'xls', 'csv', 'ods'] }], maxBytes: DEFAULT_IMPORT_LIMITS.maxBytes });
    if ('error' in picked) return setError(picked.error.message);
    if (picked.data) await open(picked.data.name, picked.data.bytes);
  };

  /** Reads a file (again, with the user's CSV encoding or delimiter) and moves to the mapping step. */
  const open = async (name: string, bytes: Uint8Array, csv?: CsvOverrides) => {
    setError(null);
    setBusy(t('reading', { name }));
    const lap = laps('import read');
    try {
      const [reply, base] = await Promise.all([parser().read(bytes, name, csv), loaded?.base ?? loadImportBase(ctx, event.id)]);
      lap('worker and base');
      let req = initialRequest(reply, reply.chosen, base);
      // no municipality column: one for the whole file, suggested from the title rows, file name or organizations
      const suggested = fileMunicipality(reply, req, name, base) ?? undefined;
      if (suggested) req = { ...req, fixed: { ...req.fixed, municipality: suggested.name } };
      const l: Loaded = { fileName: name, bytes, reply, base, ...(csv ? { csv } : {}), ...(suggested ? { suggested } : {}) };
      // a district template: the municipality of its keyed rows is the municipality of the whole sheet
      if (req.keyColumn !== undefined && req.mapping.municipality === undefined && !reply.notice) {
        const first = await runAnalysis(l, req);
        const m = base.municipalities.find((x) => x.id === templateMunicipality(first, base));
        if (m) req = { ...req, fixed: { ...req.fixed, municipality: m.name } };
      }
      const analysis = runAnalysis(l, req);
      analysis.catch(() => undefined); // a failure is shown when «Проверить строки» takes it
      ahead.current = { request: req, analysis };
      setLoaded(l);
      setRequest(req);
      setAnalyzed(null);
      setDecisions(new Map());
      setStep('mapping');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const analyze = async () => {
    if (!loaded || !request) return;
    setError(null);
    setBusy(t('checking'));
    const lap = laps('import check');
    try {
      // the analysis started as the step opened, if the columns are still those (its failure is this one's)
      const early = ahead.current?.request === request ? ahead.current.analysis : null;
      ahead.current = null;
      const analysis = await (early ?? runAnalysis(loaded, request));
      lap('worker');
      const prepared = prepare(analysis, loaded.base);
      const template = request.keyColumn !== undefined;
      const municipalityId = loaded.base.municipalities.find((m) => m.name === request.fixed.municipality)?.id ?? templateMunicipality(analysis, loaded.base);
      const removed = template ? removedFromTemplate(analysis, loaded.base, municipalityId) : [];
      const warnings = [...analysis.warnings, ...contextWarnings(prepared, loaded.base, loaded.reply.format === 'csv' ? '' : analysis.sheetName)].sort((a, b) => a.row - b.row);
      setAnalyzed({ request, analysis, prepared, warnings, template, removed });
      setDecisions(new Map());
      setCategoryChoices(new Map());
      // someone the district dropped who has already come in is kept unless the organizer says otherwise
      setKeep(new Set(removed.filter((r) => arrivals?.get(r.registrationId)?.arrived).map((r) => r.registrationId)));
      lap('matched');
      setStep('preview');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const cancelIds = useMemo(() => (analyzed ? analyzed.removed.filter((r) => !keep.has(r.registrationId)).map((r) => r.registrationId) : []), [analyzed, keep]);
  // a dry run of the commit for the preview and the confirmation (not while choosing duplicates:
  // each choice would rebuild 10,000 rows)
  const showsOutcome = step === 'preview' || step === 'finish';
  const dryRun = useMemo(() => {
    if (!analyzed || !loaded || !showsOutcome) return null;
    const now = new Date();
    const p = preview(event.id, withCategories(analyzed.prepared, categoryChoices), decisions, cancelIds, loaded.base, now);
    const r = buildReport({ fileName: loaded.fileName, sheetName: analyzed.analysis.sheetName, now, records: analyzed.analysis.records, plan: p.plan, built: p.built, warnings: analyzed.warnings });
    return { ...p, report: r };
  }, [analyzed, loaded, decisions, cancelIds, event.id, showsOutcome, categoryChoices]);
  const askCategories = useMemo(() => (analyzed ? unknownCategories(analyzed.prepared) : []), [analyzed]);

  const commit = async () => {
    if (!analyzed || !loaded) return;
    setError(null);
    cancelRef.current = false;
    const started = performance.now();
    const lap = laps('import commit');
    const plan = buildPlan(event.id, withCategories(analyzed.prepared, categoryChoices), decisions, cancelIds);
    const touched = touchedRegistrations(plan.plan);
    lap('plan');
    const now = new Date();
    const opts = { now, newId: () => crypto.randomUUID() };
    const aborted = t('aborted');
    try {
      // rows are built ahead of the transaction in slices (the page stays responsive), against what
      // is stored right now; the commit rebuilds them only if something was written in between
      setCommitting({ phase: 'build', progress: { done: 0, total: plan.plan.rows.length } });
      // a full backup first, so the whole import can be taken back (Настройки → Резервные копии); never throws
      await backupBeforeRisk(ctx, t('backupReason', { name: loaded.fileName }));
      lap('backup');
      const base = await loadImportBase(ctx, event.id, touched);
      lap('base');
      let built = await buildImportAsync(plan.plan, base, opts, (done, total) => {
        if (cancelRef.current) throw new Error(aborted);
        setCommitting({ phase: 'build', progress: { done, total } });
      });
      lap('rows built');
      await commitImport(ctx, {
        eventId: event.id,
        touched,
        prebuilt: { base, writes: built.writes },
        build: (fresh) => (built = buildImport(plan.plan, fresh, opts)).writes,
        onProgress: (progress) => {
          // throwing here aborts the transaction: «Отменить» leaves nothing behind
          if (cancelRef.current) throw new Error(aborted);
          setCommitting({ phase: 'write', progress });
        },
      });
      lap('written');
      // the next desk opening takes the cached path instead of reading every person again
      void refreshDeskCache(ctx, event.id).catch(() => undefined);
      const r = buildReport({ fileName: loaded.fileName, sheetName: analyzed.analysis.sheetName, now, records: analyzed.analysis.records, plan, built, warnings: analyzed.warnings });
      setReport({ ...r, millis: Math.round(performance.now() - started) });
    } catch (e) {
      setError(cancelRef.current ? aborted : t('failed', { message: errorText(e) }));
    } finally {
      setCommitting(null);
    }
  };

  const saveReport = async () => {
    if (!report) return;
    const name = t('reportFile', { name: loaded?.fileName.replace(/\.[^.]+$/, '') ?? '' }).replace(/[\\/:*?"<>|]/g, ' ');
    const saved = await bridge.saveFile({ suggestedName: name, bytes: reportToXlsx(report) });
    if ('error' in saved) setError(saved.error.message);
  };

  const go = (s: Step) => {
    setError(null);
    setStep(s);
  };
  const hasDuplicates = Boolean(analyzed && (analyzed.prepared.candidates.size > 0 || analyzed.removed.length > 0));
  const stepIndex = STEPS.indexOf(step);

  return (
    <Dialog
      className="import-wizard"
      title={t('title')}
      head={
        <>
          <ol className="import-steps" aria-label={t('steps')}>
            {STEPS.map((s, i) => (
              <li key={s} aria-current={s === step ? 'step' : undefined} className={i < stepIndex ? 'done' : undefined}>
                {t(`step.${s}`)}
              </li>
            ))}
          </ol>
          {loaded && (
            <p className="muted import-file">
              {loaded.fileName} · {loaded.reply.format.toUpperCase()}
              {loaded.reply.encoding ? ` · ${loaded.reply.encoding}` : ''}
            </p>
          )}
        </>
      }
      busy={busy !== null || committing !== null}
      onClose={onClose}
    >
      <div className="import-body" ref={bodyRef}>
        {busy && (
          <p className="import-busy" role="status">
            <span className="spinner" aria-hidden="true" /> {busy}
          </p>
        )}
        {error && (
          <div className="import-error" role="alert">
            {error}
          </div>
        )}
        {step === 'file' && <StepFile busy={busy !== null} onPick={() => void pickFile()} />}
        {step === 'mapping' && loaded && request && (
          <StepMapping
            loaded={loaded}
            request={request}
            onChange={setRequest}
            onCsv={(csv) => void open(loaded.fileName, loaded.bytes, csv)}
            onBack={() => go('file')}
            onNext={() => void analyze()}
            busy={busy !== null}
          />
        )}
        {step === 'preview' && analyzed && dryRun && (
          <StepPreview
            analyzed={analyzed}
            report={dryRun.report}
            ask={askCategories}
            choices={categoryChoices}
            onChoose={(text, c) => setCategoryChoices((prev) => new Map(prev).set(text, c))}
            onBack={() => go('mapping')}
            onNext={() => go(hasDuplicates ? 'duplicates' : 'finish')}
          />
        )}
        {step === 'duplicates' && analyzed && (
          <StepDuplicates
            analyzed={analyzed}
            decisions={decisions}
            onDecide={(row, d) => setDecisions((prev) => new Map(prev).set(row, d))}
            keep={keep}
            arrived={(id) => arrivals?.get(id)?.arrived === true}
            onKeep={(id, k) => setKeep((prev) => { const next = new Set(prev); if (k) next.add(id); else next.delete(id); return next; })}
            onBack={() => go('preview')}
            onNext={() => go('finish')}
          />
        )}
        {step === 'finish' && dryRun && (
          <StepFinish
            planned={dryRun.report}
            withoutMunicipality={dryRun.plan.plan.rows.filter((r) => !r.registrationId && !r.record.municipalityId).length}
            committing={committing}
            report={report}
            onBack={() => go(hasDuplicates ? 'duplicates' : 'preview')}
            onCommit={() => void commit()}
            onCancelCommit={() => (cancelRef.current = true)}
            onSaveReport={() => void saveReport()}
            onDone={closeDialog}
          />
        )}
      </div>
      {!committing && !report && (
        <button type="button" className="link import-close" onClick={closeDialog}>
          {t('closeWithout')}
        </button>
      )}
    </Dialog>
  );
}
