import { useEffect, useRef, useState } from 'react';
import { lastReopen, type CriterionDef, type JurorPackage, type PackageApplication, type Score, type SheetProblem } from '../../../shared/contest';
import { finalizeJurorScore, saveJurorScore } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';
import { AttachmentList } from './AttachmentList';

type Props = { pkg: JurorPackage; application: PackageApplication; score?: Score; onNext?: () => void; files: ReadonlySet<string> | undefined };

const rub = (n?: number) => (n === undefined ? undefined : `${new Intl.NumberFormat('ru-RU').format(n)} ₽`);
const formatDay = (iso: string) => new Date(iso).toLocaleString('ru-RU', { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
const bandOf = (c: CriterionDef, v: number | null | undefined) => (v === null || v === undefined ? undefined : c.bands.find((b) => v >= b.from && v <= b.to));

/**
 * One application's sheet. Every keystroke is saved (a new version of the sheet, strict durability);
 * the inputs keep what was typed locally so a slow disk never makes the cursor jump.
 */
export function ApplicationSheet({ pkg, application: a, score, onNext, files }: Props) {
  const ctx = useDb();
  const form = pkg.nominations.find((n) => n.id === a.nominationId)!;
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(form.criteria.map((c) => [c.id, score?.values[c.id] == null ? '' : String(score.values[c.id])])));
  const [comment, setComment] = useState(score?.comment ?? '');
  const [problems, setProblems] = useState<SheetProblem[]>([]);
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
        (err: Error) => setError(`Оценка не сохранена: ${err.message}`),
      )
      .finally(() => (pending.current -= 1));
  };

  const setValue = (c: CriterionDef, raw: string) => {
    const text = raw.replace(/\D/g, '').slice(0, 3);
    const v = text === '' ? null : Number(text);
    setValues((prev) => ({ ...prev, [c.id]: text }));
    if (v !== null && (v < c.min || v > c.max)) return setError(`«${c.title}»: оценка от ${c.min} до ${c.max}.`);
    save({ values: { [c.id]: v } });
  };

  const step = (c: CriterionDef, d: 1 | -1) => {
    const cur = values[c.id] === '' || values[c.id] === undefined ? (d > 0 ? c.min - 1 : c.max + 1) : Number(values[c.id]);
    setValue(c, String(Math.min(c.max, Math.max(c.min, cur + d))));
  };

  const finalize = async () => {
    setError(undefined);
    const r = await finalizeJurorScore(ctx, pkg, a.id);
    if (!r.ok) {
      setProblems(r.problems);
      const missing = r.problems.find((p) => p.criterionId);
      if (missing?.criterionId) document.getElementById(`crit-${missing.criterionId}`)?.focus();
      return;
    }
    setProblems([]);
  };

  const total = form.criteria.reduce((s, c) => {
    const v = values[c.id];
    return v === '' || v === undefined ? s : s + Number(v) * c.weight;
  }, 0);
  const maxTotal = form.criteria.reduce((s, c) => s + c.max * c.weight, 0);
  const problemOf = new Map(problems.filter((p) => p.criterionId).map((p) => [p.criterionId!, p.message]));

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
            <strong>Организатор вернул лист на доработку</strong> ({formatDay(reopen.at)}): «{reopen.reason}».
          </p>
          <p className="small">Исправьте оценки или обоснование, нажмите «Завершить» и отправьте организатору новый файл оценок.</p>
        </div>
      )}
      {final && (
        <p className="sheet-final" role="status">
          ✓ Лист завершён и заблокирован. Изменить его может только организатор, вернув на доработку.
          {reopen && <span className="small"> Лист возвращался на доработку: «{reopen.reason}».</span>}
        </p>
      )}
      <p className="muted small">
        Цифрами на клавиатуре — балл, <kbd>Tab</kbd> — следующий критерий, <kbd>↑</kbd>/<kbd>↓</kbd> — на единицу больше или меньше. Всё сохраняется само.
      </p>
      <ol className="criteria-sheet">
        {form.criteria.map((c, i) => {
          const v = values[c.id] === '' || values[c.id] === undefined ? null : Number(values[c.id]);
          const band = bandOf(c, v);
          const hintId = `crit-hint-${c.id}`;
          return (
            <li key={c.id} className={problemOf.has(c.id) ? 'criterion has-problem' : 'criterion'}>
              <div className="criterion-head">
                <label htmlFor={`crit-${c.id}`} className="criterion-title">
                  {c.title}
                </label>
                <span className="muted small">
                  {c.min}–{c.max}, ×{c.weight}
                </span>
                <input
                  id={`crit-${c.id}`}
                  ref={i === 0 ? first : undefined}
                  className="score-input"
                  inputMode="numeric"
                  autoComplete="off"
                  value={values[c.id] ?? ''}
                  disabled={final}
                  aria-describedby={hintId}
                  aria-invalid={problemOf.has(c.id) || (v !== null && (v < c.min || v > c.max)) ? true : undefined}
                  onChange={(e) => setValue(c, e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
                    e.preventDefault();
                    step(c, e.key === 'ArrowUp' ? 1 : -1);
                  }}
                />
              </div>
              <p className="muted small">{c.description}</p>
              <div id={hintId} className="band-hints">
                {c.bands.map((b) => (
                  <span key={`${b.from}-${b.to}`} className={band === b ? 'band active' : 'band'}>
                    <strong>
                      {b.from === b.to ? b.from : `${b.from}–${b.to}`}
                    </strong>{' '}
                    {b.text}
                  </span>
                ))}
              </div>
              {problemOf.has(c.id) && <p className="field-error">{problemOf.get(c.id)}</p>}
            </li>
          );
        })}
      </ol>
      <label className="field">
        <span>Обоснование оценки{form.commentRequired ? ' (обязательно)' : ''}</span>
        <textarea
          rows={5}
          value={comment}
          disabled={final}
          aria-invalid={problems.some((p) => p.code === 'comment-required') ? true : undefined}
          onChange={(e) => {
            setComment(e.target.value);
            save({ comment: e.target.value });
          }}
        />
      </label>
      {problems.length > 0 && (
        <div className="form-error" role="alert">
          <p>Лист нельзя завершить:</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <footer className="sheet-footer">
        <span>
          Итог: <strong>{Math.round(total * 100) / 100}</strong> из {maxTotal}
        </span>
        <span className="muted small" aria-live="polite">
          {saved ? 'Сохранено' : ''}
        </span>
        <span className="spacer" />
        {!final && (
          <button type="button" className="primary" onClick={() => void finalize()}>
            Завершить
          </button>
        )}
        {onNext && (
          <button type="button" onClick={onNext}>
            Следующая заявка →
          </button>
        )}
      </footer>
    </article>
  );
}
