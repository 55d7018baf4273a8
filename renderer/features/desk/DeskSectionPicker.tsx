/** The section of a person just checked in: change it (a full one asks) and record entering it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appendCheckin } from '../../db/repo/checkins';
import { moveToSection } from '../../db/repo/sections';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useSectionLoads } from '../../hooks/use-sections';
import { useUiStore } from '../../stores/ui-store';
import { SelectField } from '../../components/ui';

/**
 * The person's section at the desk: change it with live fill (over capacity asks first), and mark them
 * entering it — entering one section leaves the previous one in the attendance log.
 */
export function DeskSectionPicker({ eventId, card }: { eventId: string; card: DeskCard }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const loads = useSectionLoads(eventId);
  const [sectionId, setSectionId] = useState(card.sectionId ?? '');
  const [pending, setPending] = useState<string>();
  const [entered, setEntered] = useState(false);
  if (!loads?.length) return null;

  const change = async (next: string) => {
    const target = loads.find((l) => l.section.id === next);
    if (target && target.load >= target.section.capacity && pending !== next) {
      setPending(next);
      return;
    }
    setPending(undefined);
    await moveToSection(ctx, card.registrationId, next || null);
    setSectionId(next);
    setEntered(false);
  };

  return (
    <div className="desk-section">
      <SelectField
        inline
        label={t('sectionPicker.label')}
        aria-label={t('sectionPicker.select')}
        value={pending ?? sectionId}
        onChange={(v) => void change(v)}
        placeholder={t('sectionPicker.none')}
        options={loads.map(({ section, load }) => [section.id, t('sectionPicker.option', { title: section.title, load, capacity: section.capacity })] as const)}
      />
      {pending && (
        <span className="attention" role="alert">
          {t('sectionPicker.full')}{' '}
          <button type="button" className="link" onClick={() => void change(pending)}>
            {t('sectionPicker.anyway')}
          </button>{' '}
          <button type="button" className="link" onClick={() => setPending(undefined)}>
            {t('app:common.cancel')}
          </button>
        </span>
      )}
      {sectionId && !pending && (
        <button
          type="button"
          disabled={entered}
          onClick={() =>
            void appendCheckin(ctx, { eventId, registrationId: card.registrationId, kind: 'section-enter', sectionId, operator }).then(() => setEntered(true))
          }
        >
          {entered ? t('sectionPicker.entered') : t('sectionPicker.enter')}
        </button>
      )}
    </div>
  );
}
