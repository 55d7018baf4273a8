import { useState } from 'react';
import { jurorSheetCounts } from '../../../shared/contest';
import { removeJuror } from '../../db/repo/contest-jury';
import { useDb } from '../../hooks/db-context';
import type { ContestData, JurorView } from '../../hooks/use-contest';
import { ActionDialog } from '../../components/ui';
import { plural } from '../results';

/**
 * «Убрать» a juror. Without sheets: their assignments go, nothing else to decide. With sheets: how many
 * are final, and the organizer's choice — «исключить его оценки» (the protocol lists them as excluded,
 * with the reason) or «оставить» (they count and the juror stays named in the commission).
 */
export function RemoveJurorDialog({ juror, data, onClose }: { juror: JurorView; data: ContestData; onClose: () => void }) {
  const ctx = useDb();
  const [sheets, setSheets] = useState<'excluded' | 'kept'>('excluded');
  const counts = jurorSheetCounts(juror, data.scores);
  const assigned = data.assignments.filter((a) => a.jurorId === juror.id).length;
  if (counts.all === 0) {
    return (
      <ActionDialog title="Убрать эксперта из жюри" confirmLabel="Убрать" danger onClose={onClose} onConfirm={() => removeJuror(ctx, juror.id)}>
        <p>
          Убрать эксперта {juror.name} из жюри? Листов оценок от него нет; его назначения ({assigned}) будут сняты — распределите заявки заново.
        </p>
      </ActionDialog>
    );
  }
  return (
    <ActionDialog
      title="Убрать эксперта из жюри"
      confirmLabel={sheets === 'excluded' ? 'Убрать и исключить оценки' : 'Убрать, оценки оставить'}
      reasonLabel="Причина (попадёт в протокол)"
      danger
      onClose={onClose}
      onConfirm={(reason) => removeJuror(ctx, juror.id, { sheets, reason, name: juror.name })}
    >
      <p>
        У эксперта {juror.name} {plural(counts.all, 'лист оценок', 'листа оценок', 'листов оценок')}, из них завершённых — {counts.final}. Его назначения ({assigned}) будут
        сняты. Что делать с его оценками?
      </p>
      <fieldset className="radio-list">
        <legend>Оценки эксперта</legend>
        <label>
          <input type="radio" name="removed-sheets" checked={sheets === 'excluded'} onChange={() => setSheets('excluded')} /> Исключить его оценки — в итоги не войдут, в протоколе
          будут указаны как исключённые с причиной
        </label>
        <label>
          <input type="radio" name="removed-sheets" checked={sheets === 'kept'} onChange={() => setSheets('kept')} /> Оставить — оценки учитываются, эксперт остаётся в составе
          комиссии в протоколе
        </label>
      </fieldset>
    </ActionDialog>
  );
}
