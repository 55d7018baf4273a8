/** Printing badges: one, or a batch (not yet printed, found at the desk, all, one delegation), with reprints confirmed. */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventRow } from '../../../shared/domain/types';
import { PrintDialog } from '../../components/PrintDialog';
import { earlierPrints, logBadgePrint, printedRegistrations } from '../../db/repo/desk';
import { useDb } from '../../hooks/db-context';
import type { DeskCard } from '../../hooks/use-desk-index';
import { useUiStore } from '../../stores/ui-store';
import { BadgeSheet, type BadgeLayout } from './BadgeSheet';
import { fullName } from '../../../shared/people/name';
import { badgeBatch, delegationsOf, type BadgeScope } from './badge-batch';
import { SelectField } from '../../components/ui';

/** A batch to choose from: everyone at the desk, and the people its list shows now (a selection). */
export type BadgeBatchSource = { all: DeskCard[]; found: DeskCard[] };

/**
 * One badge, or a batch chosen here — «ещё не печатались» (the default), one delegation, the people
 * found at the desk, everyone — sorted by delegation, then surname. Every print is logged and a
 * reprint is confirmed first.
 */
export function BadgePrintDialog(props: { event: EventRow; cards?: DeskCard[]; batch?: BadgeBatchSource; onClose: () => void }) {
  const { t } = useTranslation('desk');
  const { event, batch, onClose } = props;
  const ctx = useDb();
  const [scope, setScope] = useState<BadgeScope>({ kind: 'unprinted' });
  const [printed, setPrinted] = useState<Set<string>>();
  useEffect(() => {
    if (batch) void printedRegistrations(ctx, event.id).then(setPrinted);
  }, [ctx, event.id, batch]);
  const cards = useMemo(
    () => (batch ? (printed ? badgeBatch(batch.all, scope, printed, batch.found) : []) : (props.cards ?? [])),
    [batch, printed, scope, props.cards],
  );
  const delegations = useMemo(() => (batch ? delegationsOf(batch.all) : []), [batch]);
  return (
    <BadgePrint event={event} cards={cards} single={!batch && cards.length === 1} onClose={onClose}>
      {batch && (
        <SelectField
          className="narrow"
          label={t('badges.what')}
          value={scope.kind === 'delegation' ? `d:${scope.municipality}` : scope.kind}
          onChange={(v) => setScope(v.startsWith('d:') ? { kind: 'delegation', municipality: v.slice(2) } : { kind: v as 'unprinted' | 'found' | 'all' })}
          options={[
            ['unprinted', t('badges.unprinted')],
            ...(batch.found.length > 0 ? [['found', t('badges.found', { count: batch.found.length })] as const] : []),
            ['all', t('badges.all')],
            { group: t('badges.delegation'), options: delegations.map((d) => [`d:${d}`, d] as const) },
          ]}
        />
      )}
    </BadgePrint>
  );
}

function BadgePrint({ event, cards, single, onClose, children }: { event: EventRow; cards: DeskCard[]; single: boolean; onClose: () => void; children?: ReactNode }) {
  const { t } = useTranslation('desk');
  const ctx = useDb();
  const operator = useUiStore((s) => s.operator);
  const [layout, setLayout] = useState<BadgeLayout>(single ? 'label' : 'a4-8');
  const [reprints, setReprints] = useState<number>();
  const [confirmed, setConfirmed] = useState(false);
  useEffect(() => {
    void earlierPrints(ctx, cards.map((c) => c.registrationId)).then(setReprints);
  }, [ctx, cards]);

  return (
    <PrintDialog
      title={single ? t('badges.badge', { name: fullName(cards[0]!) }) : t('badges.batchTitle', { count: cards.length })}
      pages={<BadgeSheet event={event} cards={cards} layout={layout} />}
      preview={<BadgeSheet event={event} cards={cards.slice(0, 8)} layout={layout} />}
      previewClassName="badge-preview"
      printLabel={reprints && confirmed ? t('badges.reprint') : t('badges.print')}
      printDisabled={cards.length === 0}
      onPrint={(print) => {
        if (reprints && !confirmed) return setConfirmed(true);
        void logBadgePrint(ctx, event.id, cards.map((c) => c.registrationId), operator).then(() => {
          print();
          onClose();
        });
      }}
      onClose={onClose}
    >
      {children}
      <SelectField<BadgeLayout>
        className="narrow"
        label={t('badges.layout')}
        value={layout}
        onChange={setLayout}
        options={[
          ['a4-8', t('badges.a4')],
          ['label', t('badges.label')],
        ]}
      />
      {reprints ? (
        <p className="attention" role="alert">
          {single ? t('badges.printedOne') : t('badges.printedSome', { count: reprints })} {confirmed ? t('badges.pressReprint') : ''}
        </p>
      ) : null}
      {cards.length > 8 && <p className="muted">{t('badges.previewFirst', { count: cards.length })}</p>}
      {cards.length === 0 && <p className="muted">{t('badges.nothing')}</p>}
    </PrintDialog>
  );
}
