import { useEffect, useRef, useState } from 'react';
import { setSectionPrefs } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';
import type { ParticipantRow } from '../../hooks/use-participants';
import type { SectionColumn } from './board-model';

/** Keyboard way to move a person: pick a section (with its live fill); a full one asks to confirm. */
export function MoveDialog({ row, columns, onMove, onClose }: { row: ParticipantRow; columns: SectionColumn[]; onMove: (sectionId: string | null) => void; onClose: () => void }) {
  const ctx = useDb();
  const ref = useRef<HTMLDialogElement>(null);
  const [confirming, setConfirming] = useState<SectionColumn>();
  const [prefs, setPrefs] = useState<string[]>(() => [0, 1, 2].map((i) => row.registration.sectionPrefs[i] ?? ''));
  useEffect(() => ref.current?.showModal(), []);
  const current = row.registration.sectionId;

  const choose = (column: SectionColumn) => {
    if (column.members.length >= column.section.capacity && confirming !== column) return setConfirming(column);
    onMove(column.section.id);
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="move-title" onClose={onClose}>
      <h2 id="move-title">Перевести в секцию</h2>
      <p>
        <strong>{row.fullName}</strong> <span className="muted">{row.municipality}</span>
      </p>
      <ul className="move-options">
        {columns.map((c, i) => {
          const rank = row.registration.sectionPrefs.indexOf(c.section.id) + 1;
          return (
            <li key={c.section.id}>
              <button type="button" autoFocus={i === 0} disabled={c.section.id === current} onClick={() => choose(c)}>
                <span>{c.section.title}</span>
                <span className="muted">
                  {c.members.length} / {c.section.capacity}
                  {rank > 0 && ` · ${rank}-й выбор`}
                  {c.section.id === current && ' · сейчас здесь'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {confirming && (
        <p className="attention" role="alert">
          Секция «{confirming.section.title}» заполнена ({confirming.members.length} / {confirming.section.capacity}). Нажмите ещё раз, чтобы перевести сверх
          вместимости.
        </p>
      )}
      <fieldset className="prefs-editor">
        <legend>Пожелания участника (по порядку)</legend>
        {prefs.map((value, i) => (
          <label key={i} className="inline-field">
            {i + 1}-й выбор:
            <select
              value={value}
              onChange={(e) => {
                const next = [...prefs];
                next[i] = e.target.value;
                setPrefs(next);
                void setSectionPrefs(ctx, row.registration.id, next);
              }}
            >
              <option value="">—</option>
              {columns.map((c) => (
                <option key={c.section.id} value={c.section.id}>
                  {c.section.title}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <div className="dialog-actions">
        {current && (
          <button type="button" onClick={() => onMove(null)}>
            Убрать из секции
          </button>
        )}
        <button type="button" onClick={onClose}>
          Отмена
        </button>
      </div>
    </dialog>
  );
}
