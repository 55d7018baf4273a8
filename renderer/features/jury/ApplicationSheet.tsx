import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { formatScore, lastReopen, newScore, sheetProblems, stepOf, type CriterionDef, type JurorPackage, type PackageApplication, type Score } from '../../../shared/contest';
import { formatDate, formatFactor, formatMoney, formatNumber } from '../../../shared/text/format';
import { quotedSentenceEnd } from '../../../shared/text/sentence';
import { finalizeJurorScore, saveJurorScore } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { AttachmentList } from './AttachmentList';
import { fieldOf, setTo, stepFrom, typeInto, type FieldState, type FieldUpdate } from './score-field';
import { errorText, sayText } from '../../i18n';
import { TextAreaField } from '../../components/ui';

type Props = { pkg: JurorPackage; application: PackageApplication; score?: Score; onNext?: () => void; files: ReadonlySet<string> | undefined };

const rub = (n?: number) => (n === undefined ? undefined : formatMoney(n));
const bandOf = (c: CriterionDef, v: number | null | undefined) => (v === null || v === undefined ? undefined : c.bands.find((b) => v >= b.from && v <= b.to));

/**
 * One application's sheet. Every valid keystroke is saved (a new version of the sheet, strict
 * durability). A score field shows exactly what is stored, or an error beside it (score-field.ts):
 * an invalid entry stores no score for that criterion, stays marked until fixed, and «Завершить»
 * lists it. The total counts stored values only.
 */
export function ApplicationSheet({ pkg, application: a, score, onNext, files }: Props) {
  const ctx = useDb();
  const { t } = useTranslation('jury');
  const form = pkg.nominations.find((n) => n.id === a.nominationId)!;
  const [fields, setFields] = useState<Record<string, FieldState>>(() => Object.fromEntries(form.criteria.map((c) => [c.id, fieldOf(score?.values[c.id])])));
  const [comment, setComment] = useState(score?.comment ?? '');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const final = score?.status === 'final';
  const reopen = lastReopen(score);
  // keyboard-first: a new sheet opens with the cursor in its first score
  useEffect(() => {
    if (!final) first.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the sheet opens
  }, []);

  // «Сохранено» only when every queued autosave has reached the disk, not just the first of a burst
  const pending = useRef(0);
  const save = (patch: { values?: Record<string, number | null>; comment?: string }) => {
    setError(undefined);
    setSaved(false);
    pending.current += 1;
    saveJurorScore(ctx, pkg, a.id, patch)
      .then(
        () => setSaved(pending.current === 1),
        (err: Error) => setError(t('sheet.notSaved', { message: errorText(err) })),
      )
      .finally(() => (pending.current -= 1));
  };

  const apply = (c: CriterionDef, u: FieldUpdate) => {
    setFields((prev) => ({ ...prev, [c.id]: u.state }));
    // always saved, even when it looks unchanged: the stored row shown here may lag a keystroke behind
    save({ values: { [c.id]: u.store } });
  };

  const stored = (c: CriterionDef) => score?.values[c.id] ?? null;
  const fieldErrors = form.criteria.flatMap((c) => (fields[c.id]?.error ? [{ criterionId: c.id, message: fields[c.id]!.error! }] : []));
  // what «Завершить» would refuse, live: a field's own error replaces «поставьте оценку» for its criterion
  const problems: Array<{ criterionId?: string; message: string }> = [
    ...fieldErrors,
    ...sheetProblems({ ...(score ?? newScore(pkg.contest.id, pkg.juror.id, a.id, form, '')), comment }, form)
      .filter((p) => !p.criterionId || !fields[p.criterionId]?.error)
      .map((p) => ({ ...(p.criterionId === undefined ? {} : { criterionId: p.criterionId }), message: sayText(p.said) })),
  ];

  const finalize = async () => {
    setError(undefined);
    setAttempted(true);
    if (problems.length > 0) {
      const firstBad = form.criteria.find((c) => problems.some((p) => p.criterionId === c.id));
      if (firstBad) document.getElementById(`crit-${firstBad.id}`)?.focus();
      return;
    }
    const r = await finalizeJurorScore(ctx, pkg, a.id);
    if (!r.ok) setError(r.problems.map((p) => sayText(p.said)).join(' ') || r.message);
  };

  const total = form.criteria.reduce((sum, c) => sum + (stored(c) ?? 0) * c.weight, 0);
  const maxTotal = form.criteria.reduce((sum, c) => sum + c.max * c.weight, 0);
  const scored = form.criteria.filter((c) => stored(c) !== null).length;
  const shownProblems = attempted && !final ? problems : [];

  return (
    <article className="app-sheet" aria-labelledby="app-sheet-title">
      <header>
        <h1 id="app-sheet-title">{a.title}</h1>
        <p className="muted">
          {[form.title, a.organizationName, a.municipalityName, rub(a.requestedAmount)].filter(Boolean).join(' · ')}
        </p>
        {a.summary && <p className="app-summary">{a.summary}</p>}
      </header>
      <AttachmentList files={a.attachments} available={files} />
      {reopen && !final && (
        <div className="sheet-reopened" role="status">
          <p>
            <strong>{t('sheet.returnedLead')}</strong>
            {t('sheet.returnedWhen', { when: formatDate(reopen.at, 'dateTime') })}
            {quotedSentenceEnd(reopen.reason)}
          </p>
          <p className="small">{t('sheet.returnedHint')}</p>
        </div>
      )}
      {final && (
        <p className="sheet-final" role="status">
          {t('sheet.final')}
          {reopen && (
            <span className="small">
              {t('sheet.wasReturned')}
              {quotedSentenceEnd(reopen.reason)}
            </span>
          )}
        </p>
      )}
      <p className="muted small">
        <Trans
          t={t}
          i18nKey="sheet.keys"
          values={{ half: form.criteria.some((c) => stepOf(c) === 0.5) ? t('sheet.keysHalf') : '' }}
          components={{ kbd: <kbd /> }}
        />
      </p>
      <ol className="criteria-sheet">
        {form.criteria.map((c, i) => {
          const field = fields[c.id] ?? fieldOf(null);
          const v = stored(c);
          const band = bandOf(c, v);
          const hintId = `crit-hint-${c.id}`;
          const errorId = `crit-error-${c.id}`;
          const flagged = field.error !== null || shownProblems.some((p) => p.criterionId === c.id);
          return (
            <li key={c.id} className={flagged ? 'criterion has-problem' : 'criterion'}>
              <div className="criterion-head">
                <label htmlFor={`crit-${c.id}`} className="criterion-title">
                  {c.title}
                </label>
                <span className="muted small">
                  {t('sheet.scale', { min: formatNumber(c.min), max: formatNumber(c.max), step: stepOf(c) === 0.5 ? t('sheet.halfStep') : '', weight: formatFactor(c.weight) })}
                </span>
                <input
                  id={`crit-${c.id}`}
                  ref={i === 0 ? first : undefined}
                  className="score-input"
                  inputMode={stepOf(c) === 0.5 ? 'decimal' : 'numeric'}
                  autoComplete="off"
                  value={field.text}
                  disabled={final}
                  aria-describedby={field.error ? `${errorId} ${hintId}` : hintId}
                  aria-invalid={flagged ? true : undefined}
                  onChange={(e) => apply(c, typeInto(c, e.target.value))}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
                    e.preventDefault();
                    apply(c, stepFrom(c, field.error ? null : v, e.key === 'ArrowUp' ? 1 : -1));
                  }}
                />
              </div>
              {field.error && (
                <p id={errorId} className="field-error score-error" role="alert">
                  {field.error}
                </p>
              )}
              {!field.error && shownProblems.some((p) => p.criterionId === c.id) && <p className="field-error score-error">{shownProblems.find((p) => p.criterionId === c.id)!.message}</p>}
              <p className="muted small">{c.description}</p>
              <div id={hintId} className="band-hints">
                {c.bands.map((b) => (
                  <button
                    key={`${b.from}-${b.to}`}
                    type="button"
                    // Tab goes from score to score; the bands are for the mouse (digits and ↑/↓ do the same)
                    tabIndex={-1}
                    disabled={final}
                    className={band === b ? 'band active' : 'band'}
                    aria-pressed={band === b}
                    title={t('sheet.setTo', { value: formatScore(b.from) })}
                    onClick={() => apply(c, setTo(c, b.from))}
                  >
                    <strong>{b.from === b.to ? formatNumber(b.from) : `${formatNumber(b.from)}–${formatNumber(b.to)}`}</strong> {b.text}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ol>
      <TextAreaField
        label={form.commentRequired ? t('sheet.commentRequired') : t('sheet.comment')}
        rows={5}
        value={comment}
        disabled={final}
        // the problem is named in the list under the sheet (its alert), so the field is only marked
        aria-invalid={shownProblems.some((p) => !p.criterionId) ? true : undefined}
        onChange={(text) => {
          setComment(text);
          save({ comment: text });
        }}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="sheet-bottom">
        {shownProblems.length > 0 && (
          // focusable: the list scrolls when long, and a scrolling region must be reachable by keyboard
          <div className="form-error sheet-problems" role="alert" tabIndex={0}>
            <p>{t('sheet.cannotFinish')}</p>
            <ul>
              {shownProblems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          </div>
        )}
        <footer className="sheet-footer">
          <span data-testid="sheet-total">
            <Trans t={t} i18nKey="sheet.total" values={{ total: formatNumber(total), max: formatNumber(maxTotal) }} components={{ strong: <strong /> }} />
            {scored < form.criteria.length && <span className="muted small">{t('sheet.scoredOf', { count: scored, total: form.criteria.length })}</span>}
          </span>
          <span className={fieldErrors.length > 0 ? 'field-error small' : 'muted small'} aria-live="polite">
            {fieldErrors.length > 0 ? t('sheet.fieldErrors', { count: fieldErrors.length }) : saved ? t('sheet.saved') : ''}
          </span>
          <span className="spacer" />
          {!final && (
            <button type="button" className="primary" onClick={() => void finalize()}>
              {t('sheet.finish')}
            </button>
          )}
          {onNext && (
            <button type="button" onClick={onNext}>
              {t('sheet.next')}
            </button>
          )}
        </footer>
      </div>
    </article>
  );
}
