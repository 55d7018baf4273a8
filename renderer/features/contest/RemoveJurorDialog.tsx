import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jurorSheetCounts } from '../../../shared/contest';
import { removeJuror } from '../../db/repo/contest';
import { useDb } from '../../hooks/db-context';
import type { ContestData, JurorView } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';

/**
 * «Убрать» a juror. Without sheets: their assignments go, nothing else to decide. With sheets: how many
 * are final, and the organizer's choice — «исключить его оценки» (the protocol lists them as excluded,
 * with the reason) or «оставить» (they count and the juror stays named in the commission).
 */
export function RemoveJurorDialog({ juror, data, onClose }: { juror: JurorView; data: ContestData; onClose: () => void }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [sheets, setSheets] = useState<'excluded' | 'kept'>('excluded');
  const counts = jurorSheetCounts(juror, data.scores);
  const assigned = data.assignments.filter((a) => a.jurorId === juror.id).length;
  if (counts.all === 0) {
    return (
      <ActionDialog title={t('remove.title')} confirmLabel={t('remove.confirm')} danger onClose={onClose} onConfirm={() => removeJuror(ctx, juror.id)}>
        <p>{t('remove.noSheets', { name: juror.name, assigned })}</p>
      </ActionDialog>
    );
  }
  return (
    <ActionDialog
      title={t('remove.title')}
      confirmLabel={sheets === 'excluded' ? t('remove.exclude') : t('remove.keep')}
      reasonLabel={t('remove.reason')}
      danger
      onClose={onClose}
      onConfirm={(reason) => removeJuror(ctx, juror.id, { sheets, reason, name: juror.name })}
    >
      <p>{t('remove.sheets', { name: juror.name, count: counts.all, final: counts.final, assigned })}</p>
      <fieldset className="radio-list">
        <legend>{t('remove.legend')}</legend>
        <label>
          <input type="radio" name="removed-sheets" checked={sheets === 'excluded'} onChange={() => setSheets('excluded')} /> {t('remove.excludeOption')}
        </label>
        <label>
          <input type="radio" name="removed-sheets" checked={sheets === 'kept'} onChange={() => setSheets('kept')} /> {t('remove.keepOption')}
        </label>
      </fieldset>
    </ActionDialog>
  );
}
