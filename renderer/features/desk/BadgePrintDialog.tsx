import { useEffect, useState } from 'react';
import type { EventRow } from '../../../shared/domain/types';
import { PrintDialog } from '../../components/PrintDialog';
import { earlierPrints, logBadgePrint } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useUiStore } from '../../stores/ui-store';
import { BadgeSheet, type BadgeLayout } from './BadgeSheet';
import { fullName } from '../../../shared/people/name';

/** One badge or a batch; every print is logged and a reprint is confirmed first. */
export function BadgePrintDialog({ event, cards, onClose }: { event: EventRow; cards: DeskCard[]; onClose: () => void }) {
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const [layout, setLayout] = useState<BadgeLayout>(cards.length === 1 ? 'label' : 'a4-8');
  const [reprints, setReprints] = useState<number>();
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => {
    void earlierPrints(ctx, cards.map((c) => c.registrationId)).then(setReprints);
  }, [ctx, cards]);

  return (
    <PrintDialog
      title={cards.length === 1 ? `Бейдж: ${fullName(cards[0]!)}` : `Бейджи: ${cards.length}`}
      pages={<BadgeSheet event={event} cards={cards} layout={layout} />}
      preview={<BadgeSheet event={event} cards={cards.slice(0, 8)} layout={layout} />}
      previewClassName="badge-preview"
      printLabel={reprints && confirmed ? 'Печать повторно' : 'Печать'}
      onPrint={(print) => {
        if (reprints && !confirmed) return setConfirmed(true);
        void logBadgePrint(ctx, event.id, cards.map((c) => c.registrationId), operator).then(() => {
          print();
          onClose();
        });
      }}
      onClose={onClose}
    >
      <label className="field narrow">
        <span>Формат</span>
        <select value={layout} onChange={(e) => setLayout(e.target.value as BadgeLayout)}>
          <option value="a4-8">A4, 8 бейджей на листе (105 × 74 мм)</option>
          <option value="label">Наклейка 90 × 55 мм, по одной</option>
        </select>
      </label>
      {reprints ? (
        <p className="attention" role="alert">
          {cards.length === 1 ? 'Этот бейдж уже печатался' : `Из этих бейджей уже печатались: ${reprints}`}.{' '}
          {confirmed ? 'Нажмите «Печать повторно», чтобы напечатать ещё раз.' : ''}
        </p>
      ) : null}
      {cards.length > 8 && <p className="muted">В предпросмотре первые 8 из {cards.length}; печатаются все.</p>}
    </PrintDialog>
  );
}
