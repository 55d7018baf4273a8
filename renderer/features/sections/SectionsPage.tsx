/** The sections board: automatic assignment with its report, moves by keyboard or drag, and the programme. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow, Section } from '../../../shared/domain/types';
import type { SectionResult } from '../../../shared/sections';
import { moveToSection } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';
import { useParticipants, type ParticipantRow } from '../../hooks/use-participants';
import { useProgram, useSections } from '../../hooks/use-sections';
import { SelectField } from '../../components/ui';
import { placeWithoutChoice, runAutoAssignment } from './auto-assign';
import { AssignmentReport } from './AssignmentReport';
import { buildBoard } from './board-model';
import { MoveDialog } from './MoveDialog';
import { PersonChip, SectionColumnView } from './SectionColumnView';
import { SectionEditDialog } from './SectionEditDialog';
import { SectionListPrint } from './SectionListPrint';
import './sections.css';
import { errorText } from '../../i18n';

const time = (iso?: string) => (iso ? iso.slice(11, 16) : '');

/**
 * After a move the person's card is drawn anew in its new column, so the focus the dialog gave back
 * would fall to the page: put it on the moved card once the board shows it (a few frames at most).
 */
function focusChip(registrationId: string) {
  const find = () => document.querySelector<HTMLElement>(`[data-registration="${CSS.escape(registrationId)}"]`);
  const old = find();
  let frames = 30;
  const look = () => {
    const chip = find();
    if (chip && chip !== old) chip.focus();
    else if (frames-- > 0) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

const spreadLevels = [
  { value: 0, label: 'none' },
  { value: 3, label: 'some' },
  { value: 12, label: 'strong' },
] as const;

type Dialog = { kind: 'edit'; section?: Section } | { kind: 'move'; row: ParticipantRow } | { kind: 'print'; sectionId: string } | null;

export function SectionsPage({ event }: { event: EventRow }) {
  const { t } = useTranslation('sections');
  const ctx = useDb();
  const sections = useSections(event.id);
  const program = useProgram(event.id);
  const rows = useParticipants(event.id);
  const [spread, setSpread] = useState(3);
  const [report, setReport] = useState<SectionResult>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>(null);
  const board = useMemo(() => (rows && sections ? buildBoard(rows, sections) : undefined), [rows, sections]);

  const distribute = async () => {
    if (!rows || !sections) return;
    setBusy(true);
    setError(undefined);
    try {
      setReport(await runAutoAssignment(ctx, rows, sections, spread));
    } catch (err) {
      setError(t('distributeFailed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const placeRest = async () => {
    if (!board) return;
    setBusy(true);
    setError(undefined);
    try {
      await placeWithoutChoice(ctx, board.withoutChoice, board.columns, spread);
    } catch (err) {
      setError(t('placeFailed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  const move = async (registrationId: string, sectionId: string | null) => {
    try {
      await moveToSection(ctx, registrationId, sectionId);
      focusChip(registrationId);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="page page-sections">
      <header className="page-header sections-header">
        <h1>{t('app:sections.heading')}</h1>
        <span className="spacer" />
        <SelectField
          inline
          label={t('spread')}
          value={String(spread)}
          onChange={(v) => setSpread(Number(v))}
          options={spreadLevels.map((l) => [String(l.value), t(`spreadLevel.${l.label}`)] as const)}
        />
        <button type="button" className="primary" onClick={() => void distribute()} disabled={busy || !sections?.length} aria-busy={busy}>
          {t('distribute')}
        </button>
        <button type="button" onClick={() => setDialog({ kind: 'edit' })}>
          {t('add')}
        </button>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {busy && (
        <p className="muted busy-line" role="status">
          <progress aria-label={t('distribute')} /> {t('busy')}
        </p>
      )}
      {report && sections && rows && board && (
        <AssignmentReport
          report={report}
          account={board.account}
          sections={sections}
          rows={rows}
          busy={busy}
          onPlaceWithoutChoice={() => void placeRest()}
          onClose={() => setReport(undefined)}
        />
      )}
      {!sections || !board ? (
        <p>{t('app:common.loading')}</p>
      ) : sections.length === 0 ? (
        <p className="empty">{t('app:sections.empty')}</p>
      ) : (
        <div className="section-board" role="list" aria-label={t('board')}>
          {board.columns.map((column) => (
            <SectionColumnView
              key={column.section.id}
              column={column}
              onDropPerson={(registrationId) => {
                const row = rows?.find((r) => r.registration.id === registrationId);
                if (!row || row.registration.sectionId === column.section.id) return;
                if (column.members.length >= column.section.capacity) setDialog({ kind: 'move', row });
                else void move(registrationId, column.section.id);
              }}
              onPick={(row) => setDialog({ kind: 'move', row })}
              onEdit={() => setDialog({ kind: 'edit', section: column.section })}
              onPrint={() => setDialog({ kind: 'print', sectionId: column.section.id })}
            />
          ))}
        </div>
      )}
      {board && board.withoutChoice.length > 0 && (
        <section className="without-choice" aria-labelledby="without-choice-title">
          <h2 id="without-choice-title" className="subheading">
            {t('without.title', { count: board.withoutChoice.length })}
          </h2>
          <p className="muted">
            {board.account.freeSeats > 0 ? t('without.free', { count: board.account.freeSeats }) : t('without.noFree')}{' '}
            {board.account.freeSeats > 0 && !report && (
              <button type="button" onClick={() => void placeRest()} disabled={busy} aria-busy={busy}>
                {t('without.place')}
              </button>
            )}
          </p>
          <ul className="section-members without-choice-list" aria-label={t('without.list')}>
            {board.withoutChoice.map((row) => (
              <PersonChip key={row.registration.id} row={row} onPick={(r) => setDialog({ kind: 'move', row: r })} />
            ))}
          </ul>
        </section>
      )}
      {program && program.length > 0 && (
        <>
          <h2 className="subheading">{t('app:program.heading')}</h2>
          <ol className="program">
            {program.map((p) => (
              <li key={p.id}>
                <span className="mono">
                  {time(p.startsAt)}–{time(p.endsAt)}
                </span>
                <div>
                  <span>{p.title}</span>
                  {p.topics && p.topics.length > 0 && (
                    <ul className="topics">
                      {p.topics.map((topic) => (
                        <li key={topic}>{topic}</li>
                      ))}
                    </ul>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      {dialog?.kind === 'edit' && <SectionEditDialog eventId={event.id} section={dialog.section} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'move' && board && (
        <MoveDialog
          row={dialog.row}
          columns={board.columns}
          onMove={(sectionId) => {
            void move(dialog.row.registration.id, sectionId);
            setDialog(null);
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'print' && board && (
        <SectionListPrint event={event} column={board.columns.find((c) => c.section.id === dialog.sectionId)!} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
