import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/text/format';
import type { Category } from '../../../shared/domain/types';
import { categories } from '../../../shared/domain/types';
import type { Analyzed } from './wizard-types';
import type { ImportReport } from './report';
import { previewRows, type PreviewRow } from './session';
import { DialogFooter, SelectField, type Option } from '../../components/ui';

type Show = 'all' | 'error' | 'warning' | 'new' | 'changed' | 'unchanged' | 'duplicate';
const SHOWS: readonly Show[] = ['all', 'error', 'warning', 'new', 'changed', 'unchanged', 'duplicate'];

/**
 * Step 3: every considered row with its errors, warnings and what the import would do with it; the
 * category texts the import did not recognize are asked for here (nothing silently becomes «другое»).
 */
export function StepPreview({
  analyzed,
  report,
  ask,
  choices,
  onChoose,
  onBack,
  onNext,
}: {
  analyzed: Analyzed;
  report: ImportReport;
  ask: ReadonlyArray<{ text: string; rows: number }>;
  choices: ReadonlyMap<string, Category>;
  onChoose: (text: string, c: Category) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('import');
  const rows = useMemo(() => previewRows(report, analyzed.prepared, analyzed.warnings), [report, analyzed]);
  const [show, setShow] = useState<Show>(analyzed.prepared.rejected.size > 0 ? 'error' : 'all');
  const counts = useMemo(() => {
    const c: Record<Show, number> = { all: rows.length, error: 0, warning: 0, new: 0, changed: 0, unchanged: 0, duplicate: 0 };
    for (const r of rows) {
      if (r.status === 'error') c.error++;
      if (r.warnings.length) c.warning++;
      if (r.status === 'new') c.new++;
      if (r.status === 'changed') c.changed++;
      if (r.status === 'unchanged') c.unchanged++;
      if (r.duplicate) c.duplicate++;
    }
    return c;
  }, [rows]);
  const visible = useMemo(() => rows.filter((r) => matches(r, show)), [rows, show]);
  const unanswered = ask.filter((a) => !choices.has(a.text)).length;
  const ready = report.counts.added + report.counts.merged + report.counts.unchanged;

  return (
    <section className="import-step" aria-label={t('preview.label')}>
      <p className="import-summary" role="status">
        <Trans
          t={t}
          i18nKey="preview.summary"
          components={{ b: <b /> }}
          values={{
            rows: formatNumber(rows.length),
            ready: formatNumber(ready),
            added: formatNumber(counts.new),
            changed: formatNumber(counts.changed),
            unchanged: formatNumber(counts.unchanged),
            folded: report.counts.merged - counts.changed > 0 ? t('preview.folded', { count: formatNumber(report.counts.merged - counts.changed) }) : '',
            errors: formatNumber(counts.error),
            warnings: formatNumber(counts.warning),
            duplicates: formatNumber(counts.duplicate),
            removed: analyzed.removed.length ? t('preview.removed', { count: formatNumber(analyzed.removed.length) }) : '',
          }}
        />
      </p>
      <div className="chips" role="radiogroup" aria-label={t('preview.show')}>
        {SHOWS.map((value) => (
          <label key={value} className={`chip${show === value ? ' on' : ''}`}>
            <input type="radio" name="preview-show" value={value} checked={show === value} onChange={() => setShow(value)} />
            {t('preview.filterCount', { label: t(`preview.filter.${value}`), count: formatNumber(counts[value]) })}
          </label>
        ))}
      </div>
      {ask.length > 0 && <CategoryQuestions ask={ask} choices={choices} onChoose={onChoose} />}
      <PreviewList rows={visible} />
      <DialogFooter className="import-actions">
        <button type="button" onClick={onBack}>
          {t('back')}
        </button>
        <button type="button" className="primary" onClick={onNext} disabled={(ready === 0 && analyzed.removed.length === 0) || unanswered > 0} autoFocus>
          {t('next')}
        </button>
      </DialogFooter>
    </section>
  );
}

/** One select per unrecognized category text ('' — rows with no category). */
function CategoryQuestions({ ask, choices, onChoose }: { ask: ReadonlyArray<{ text: string; rows: number }>; choices: ReadonlyMap<string, Category>; onChoose: (text: string, c: Category) => void }) {
  const { t } = useTranslation('import');
  return (
    <fieldset className="import-ask">
      <legend>{t('preview.askLegend')}</legend>
      {ask.slice(0, 20).map(({ text, rows }) => {
        const label = text ? t('preview.askFor', { text: text.slice(0, 60) }) : t('preview.askForEmpty');
        return (
          <SelectField
            key={text}
            inline
            label={
              <>
                {text ? t('preview.quoted', { text: text.slice(0, 60) }) : t('preview.noCategory')} <span className="muted">{t('preview.askRows', { count: rows, n: formatNumber(rows) })}</span>
              </>
            }
            aria-label={label}
            value={choices.get(text) ?? ''}
            onChange={(c) => c && onChoose(text, c)}
            // a placeholder that cannot be chosen back: every unrecognized text gets a category
            options={[['', t('preview.choose'), { disabled: true }], ...categories.map((c) => [c, t(`app:category.${c}`)] as const)] satisfies ReadonlyArray<Option<Category | ''>>}
          />
        );
      })}
    </fieldset>
  );
}

function matches(r: PreviewRow, show: Show): boolean {
  if (show === 'all') return true;
  if (show === 'warning') return r.warnings.length > 0;
  if (show === 'duplicate') return r.duplicate;
  return r.status === show;
}

/** Virtualized with measured heights: a row with three messages is taller than a clean one. */
function PreviewList({ rows }: { rows: PreviewRow[] }) {
  const { t } = useTranslation('import');
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => 44, overscan: 8 });
  if (rows.length === 0) return <p className="empty">{t('preview.none')}</p>;
  return (
    <div className="preview-list" ref={scrollRef} tabIndex={0} role="list" aria-label={t('preview.list')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const r = rows[item.index]!;
          return (
            <div
              key={r.row}
              role="listitem"
              data-index={item.index}
              ref={virtualizer.measureElement}
              className={`preview-row status-${r.status}`}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}
            >
              <span className="preview-num">{t('preview.row', { row: r.row })}</span>
              <span className="preview-name">{r.name}</span>
              <span className="preview-status">{t(`preview.status.${r.status}`)}</span>
              {(r.errors.length > 0 || r.warnings.length > 0 || r.details) && (
                <ul className="preview-messages">
                  {r.errors.map((m, i) => (
                    <li key={`e${i}`} className="msg-error">
                      {m}
                    </li>
                  ))}
                  {r.warnings.map((m, i) => (
                    <li key={`w${i}`} className="msg-warning">
                      {m}
                    </li>
                  ))}
                  {r.details && <li className="msg-details">{r.details}</li>}
                </ul>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
