/** One section on the board: fill, members (drag them, or Enter to move), its waitlist and those not yet assigned. */
import { useTranslation } from 'react-i18next';
import type { ParticipantRow } from '../../hooks/use-participants';
import type { SectionColumn } from './board-model';

const DRAG_TYPE = 'application/x-skhod-registration';

/** One section on the board: fill, members (drag them, or Enter to move), and its waitlist. */
export function SectionColumnView(props: {
  column: SectionColumn;
  onDropPerson: (registrationId: string) => void;
  onPick: (row: ParticipantRow) => void;
  onEdit: () => void;
  onPrint: () => void;
}) {
  const { t } = useTranslation('sections');
  const { section, members, waitlist, waiting } = props.column;
  const fill = members.length / Math.max(section.capacity, 1);
  const full = members.length >= section.capacity;
  return (
    <div
      role="listitem"
      className={`section-column${full ? ' full' : ''}`}
      aria-label={section.title}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        const id = e.dataTransfer.getData(DRAG_TYPE);
        if (id) props.onDropPerson(id);
      }}
    >
      <header className="section-column-head">
        <h2 translate="no">{section.title}</h2>
        <div className="muted">
          {[section.room, section.moderators.join(', ')].filter(Boolean).join(' · ')}
        </div>
        <div className="fill" aria-label={t('column.filled', { count: members.length, capacity: section.capacity })}>
          <div className="fill-bar">
            <div className="fill-value" style={{ width: `${Math.min(fill, 1) * 100}%` }} />
          </div>
          <span className="fill-text" data-testid="section-fill">
            {members.length} / {section.capacity}
          </span>
        </div>
        <div className="section-column-actions">
          <button type="button" className="link" onClick={props.onEdit}>
            {t('column.edit')}
          </button>
          <button type="button" className="link" onClick={props.onPrint}>
            {t('column.print')}
          </button>
        </div>
      </header>
      <ul className="section-members" aria-label={t('column.members', { title: section.title })}>
        {members.map((row) => (
          <PersonChip key={row.registration.id} row={row} onPick={props.onPick} />
        ))}
      </ul>
      {waitlist.length > 0 && (
        <>
          <h3 className="waitlist-title">{t('column.waitlist', { count: waitlist.length })}</h3>
          <ul className="section-members waitlist" aria-label={t('column.waitlistList', { title: section.title })}>
            {waitlist.map((row) => (
              <PersonChip key={row.registration.id} row={row} onPick={props.onPick} />
            ))}
          </ul>
        </>
      )}
      {waiting.length > 0 && (
        <>
          <h3 className="waiting-title">{t('column.waiting', { count: waiting.length })}</h3>
          <ul className="section-members waiting" aria-label={t('column.waitingList', { title: section.title })}>
            {waiting.map((row) => (
              <PersonChip key={row.registration.id} row={row} onPick={props.onPick} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function PersonChip({ row, onPick }: { row: ParticipantRow; onPick: (row: ParticipantRow) => void }) {
  const { t } = useTranslation('sections');
  const r = row.registration;
  const rank = r.sectionId ? r.sectionPrefs.indexOf(r.sectionId) + 1 : 0;
  return (
    <li>
      <button
        type="button"
        className="person-chip"
        data-registration={r.id}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(DRAG_TYPE, r.id);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onClick={() => onPick(row)}
        title={t('column.chipHint')}
      >
        <span className="chip-name" translate="no">
          {row.fullName}
        </span>
        <span className="chip-meta">
          <span translate="no">{row.municipality}</span>
          {r.sectionFixed ? ` · ${t('column.manual')}` : rank > 0 ? ` · ${t('column.choice', { rank })}` : ''}
        </span>
      </button>
    </li>
  );
}
