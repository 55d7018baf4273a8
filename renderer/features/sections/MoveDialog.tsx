/** The keyboard way to move a person between sections (arrows walk the sections), and the person's wishes. */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, SelectField, closeDialog } from '../../components/ui';
import { setSectionPrefs } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';
import type { ParticipantRow } from '../../hooks/use-participants';
import type { SectionColumn } from './board-model';

/** Keyboard way to move a person: pick a section (with its live fill); a full one asks to confirm. */
export function MoveDialog({ row, columns, onMove, onClose }: { row: ParticipantRow; columns: SectionColumn[]; onMove: (sectionId: string | null) => void; onClose: () => void }) {
  const { t } = useTranslation('sections');
  const ctx = useDb();
  const [confirming, setConfirming] = useState<SectionColumn>();
  const [prefs, setPrefs] = useState<string[]>(() => [0, 1, 2].map((i) => row.registration.sectionPrefs[i] ?? ''));
  const current = row.registration.sectionId;
  const firstEnabled = columns.findIndex((c) => c.section.id !== current);

  const choose = (column: SectionColumn) => {
    if (column.members.length >= column.section.capacity && confirming !== column) return setConfirming(column);
    onMove(column.section.id);
  };

  return (
    <Dialog
      title={t('move.title')}
      onClose={onClose}
      footer={
        <>
          {current && (
            <button type="button" onClick={() => onMove(null)}>
              {t('move.remove')}
            </button>
          )}
          <button type="button" onClick={closeDialog}>
            {t('app:common.cancel')}
          </button>
        </>
      }
    >
      <p>
        <strong>{row.fullName}</strong> <span className="muted">{row.municipality}</span>
      </p>
      <ul className="move-options" onKeyDown={moveFocus}>
        {columns.map((c, i) => {
          const rank = row.registration.sectionPrefs.indexOf(c.section.id) + 1;
          return (
            <li key={c.section.id}>
              <button type="button" autoFocus={i === firstEnabled} disabled={c.section.id === current} onClick={() => choose(c)}>
                <span>{c.section.title}</span>
                <span className="muted">
                  {c.members.length} / {c.section.capacity}
                  {rank > 0 && ` · ${t('move.choice', { rank })}`}
                  {c.section.id === current && ` · ${t('move.here')}`}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {confirming && (
        <p className="attention" role="alert">
          {t('move.full', { title: confirming.section.title, count: confirming.members.length, capacity: confirming.section.capacity })}
        </p>
      )}
      <fieldset className="prefs-editor">
        <legend>{t('move.prefs')}</legend>
        {prefs.map((value, i) => (
          <SelectField
            key={i}
            inline
            label={t('move.pref', { rank: i + 1 })}
            value={value}
            onChange={(v) => {
              const next = [...prefs];
              next[i] = v;
              setPrefs(next);
              void setSectionPrefs(ctx, row.registration.id, next);
            }}
            placeholder="—"
            options={columns.map((c) => [c.section.id, c.section.title] as const)}
          />
        ))}
      </fieldset>
    </Dialog>
  );
}

/** ↑/↓ (and Home/End) walk the section buttons, skipping the disabled one (where the person is now). */
function moveFocus(e: KeyboardEvent<HTMLUListElement>) {
  const step = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity }[e.key];
  if (step === undefined) return;
  const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  if (buttons.length === 0) return;
  e.preventDefault();
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = Number.isFinite(step) ? (at + step + buttons.length) % buttons.length : step < 0 ? 0 : buttons.length - 1;
  buttons[next]!.focus();
}
