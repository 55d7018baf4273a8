import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { EventRow } from '../../../shared/domain/types';
import { logBadgePrint, earlierPrints } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useUiStore } from '../../stores/ui-store';
import { BadgeSheet, type BadgeLayout } from './BadgeSheet';

/**
 * Print preview for one badge or a batch. Printing goes through the system dialog (Electron and
 * browsers alike), where «Сохранить как PDF» gives the PDF. A reprint is confirmed first.
 */
export function BadgePrintDialog({ event, cards, onClose }: { event: EventRow; cards: DeskCard[]; onClose: () => void }) {
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const ref = useRef<HTMLDialogElement>(null);
  const [layout, setLayout] = useState<BadgeLayout>(cards.length === 1 ? 'label' : 'a4-8');
  const [reprints, setReprints] = useState<number>();
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => ref.current?.showModal(), []);
  useEffect(() => {
    void earlierPrints(ctx, cards.map((c) => c.registrationId)).then(setReprints);
  }, [ctx, cards]);

  const print = async () => {
    if (reprints && !confirmed) return setConfirmed(true);
    await logBadgePrint(ctx, event.id, cards.map((c) => c.registrationId), operator);
    window.print();
    onClose();
  };

  return (
    <>
      <dialog ref={ref} className="dialog dialog-wide" aria-labelledby="badges-title" onClose={onClose}>
        <h2 id="badges-title">{cards.length === 1 ? `Бейдж: ${cards[0]!.fullName}` : `Бейджи: ${cards.length}`}</h2>
        <div className="field-row">
          <label className="field">
            <span>Формат</span>
            <select value={layout} onChange={(e) => setLayout(e.target.value as BadgeLayout)}>
              <option value="a4-8">A4, 8 бейджей на листе (105 × 74 мм)</option>
              <option value="label">Наклейка 90 × 55 мм, по одной</option>
            </select>
          </label>
        </div>
        {reprints ? (
          <p className="attention" role="alert">
            {cards.length === 1 ? 'Этот бейдж уже печатался' : `Из этих бейджей уже печатались: ${reprints}`}.{' '}
            {confirmed ? 'Нажмите «Печать» ещё раз, чтобы напечатать повторно.' : ''}
          </p>
        ) : null}
        <div className="badge-preview">
          <BadgeSheet event={event} cards={cards.slice(0, 8)} layout={layout} />
        </div>
        {cards.length > 8 && <p className="muted">Показаны первые 8 из {cards.length}.</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Закрыть
          </button>
          <button type="button" className="primary" autoFocus onClick={() => void print()}>
            {reprints && confirmed ? 'Печать повторно' : 'Печать'}
          </button>
        </div>
      </dialog>
      {createPortal(
        <div className="print-root">
          <BadgeSheet event={event} cards={cards} layout={layout} />
        </div>,
        document.body,
      )}
    </>
  );
}
