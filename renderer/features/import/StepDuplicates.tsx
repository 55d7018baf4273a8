import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatNumber } from '../../../shared/text/format';
import { formatPhone } from '../../../shared/people/phone';
import type { ImportRecord } from '../../../shared/import/types';
import { fullName } from '../../../shared/people/name';
import type { Analyzed } from './wizard-types';
import { CONTRADICTIONS, evidenceLabel } from '../../../shared/import/dedupe';
import { sayText } from '../../i18n';
import { defaultDecision, type Candidate, type Decision } from './plan';
import { DialogFooter, SelectField, type Option } from '../../components/ui';

const PAGE = 100;

/**
 * Step 4: every possible duplicate — inside the file and against people already registered — with
 * the user's choice (merge / keep both / skip), preset to merge only where it is the same person
 * beyond doubt; and, for a district template, the delegates the district dropped.
 */
export function StepDuplicates(props: {
  analyzed: Analyzed;
  decisions: ReadonlyMap<number, Decision>;
  onDecide: (row: number, d: Decision) => void;
  keep: ReadonlySet<string>;
  /** Registrations already checked in (kept by default when the district dropped them). */
  arrived: (registrationId: string) => boolean;
  onKeep: (registrationId: string, keep: boolean) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation('import');
  const { prepared } = props.analyzed;
  const [shown, setShown] = useState(PAGE);
  const byRow = useMemo(() => new Map(prepared.valid.map((r) => [r.row, r])), [prepared]);
  const rows = useMemo(() => [...prepared.candidates.keys()].filter((r) => !prepared.keyed.has(r)).sort((a, b) => a - b), [prepared]);
  const removed = props.analyzed.removed;

  return (
    <section className="import-step" aria-label={t('duplicates.label')}>
      {rows.length === 0 && removed.length === 0 && <p>{t('duplicates.none')}</p>}
      {rows.length > 0 && (
        <>
          <p>
            <Trans t={t} i18nKey="duplicates.lead" components={{ b: <b /> }} values={{ count: formatNumber(rows.length) }} />
          </p>
          <ul className="dup-list">
            {rows.slice(0, shown).map((row) => (
              <DuplicateCard key={row} rec={byRow.get(row)!} candidates={prepared.candidates.get(row)!} decision={props.decisions.get(row)} onDecide={(d) => props.onDecide(row, d)} />
            ))}
          </ul>
          {rows.length > shown && (
            <button type="button" onClick={() => setShown(shown + PAGE)}>
              {t('duplicates.more', { count: formatNumber(rows.length - shown) })}
            </button>
          )}
        </>
      )}
      {removed.length > 0 && (
        <fieldset className="removed">
          <legend>{t('duplicates.removed', { count: formatNumber(removed.length) })}</legend>
          <p className="muted">{t('duplicates.removedHint')}</p>
          {removed.map((r) => (
            <label key={r.registrationId} className="checkbox">
              <input type="checkbox" checked={!props.keep.has(r.registrationId)} onChange={(e) => props.onKeep(r.registrationId, !e.target.checked)} />
              {t('duplicates.cancel', { name: r.name })} <span className="muted mono">{r.badgeCode}</span>
              {props.arrived(r.registrationId) && <span className="attention">{t('duplicates.arrived')}</span>}
            </label>
          ))}
        </fieldset>
      )}
      <DialogFooter className="import-actions">
        <button type="button" onClick={props.onBack}>
          {t('back')}
        </button>
        <button type="button" className="primary" onClick={props.onNext} autoFocus>
          {t('next')}
        </button>
      </DialogFooter>
    </section>
  );
}

function describe(r: ImportRecord): string {
  return [r.municipality, r.organization, r.phone ? formatPhone(r.phone) : ''].filter(Boolean).join(' · ');
}

function DuplicateCard({ rec, candidates, decision, onDecide }: { rec: ImportRecord; candidates: Candidate[]; decision: Decision | undefined; onDecide: (d: Decision) => void }) {
  const { t } = useTranslation('import');
  const value = decision ?? defaultDecision(candidates);
  const id = `dup-${rec.row}`;
  return (
    <li className="dup-card">
      <p id={id}>
        <b>{t('duplicates.row', { row: rec.row })}</b> {fullName(rec)} <span className="muted">{describe(rec)}</span>
      </p>
      <ul className="dup-candidates">
        {candidates.map((c) => (
          <li key={c.value}>
            {t('duplicates.like', { label: c.label })}{' '}
            {c.evidence.map((x, i) => (
              <span key={x} className={CONTRADICTIONS.has(x) ? 'attention' : 'muted'}>
                {i > 0 ? ', ' : ''}
                {sayText(evidenceLabel(x))}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <SelectField
        inline
        label={t('duplicates.decision')}
        aria-label={t('duplicates.decisionFor', { row: rec.row })}
        value={value}
        onChange={onDecide}
        options={[...candidates.map((c): Option<string> => [c.value, t('duplicates.merge', { label: c.label })]), ['add', t('duplicates.add')], ['skip', t('duplicates.skip')]]}
      />
    </li>
  );
}
