import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay, todayIn } from '../../../shared/text/format';
import { bridge } from '../../bridge/bridge';
import { errorText, tr } from '../../i18n';
import { PrintDialog } from '../../components/PrintDialog';
import { saveProtocolSignatories } from '../../db/repo/contest';
import { useDb } from '../../hooks/db-context';
import { ProtocolDocument } from './ProtocolDocument';
import { protocolXlsx, type ProtocolSource } from './protocol-xlsx';
import { SelectField, TextField } from '../../components/ui';

/** Today as a date input holds it: the calendar day in the event's time zone, not UTC. */
export const todayIso = () => todayIn();

/** «12 мая 2025 г.» from «2025-05-12»; a blank to fill by hand when no date is chosen. */
export const protocolDate = (iso: string) => (iso ? formatDay(iso) : tr('results')('protocol.blankDate'));

/** «Протокол — Конкурс социальных проектов.xlsx», or the nomination's title for a one-nomination protocol of a larger contest. */
export const protocolFileName = (name: string, ext: string) => tr('results')('protocol.fileName', { name, ext }).replace(/[\\/:*?"<>|]/g, ' ');

export async function saveProtocolXlsx(src: ProtocolSource, name: string) {
  await bridge.saveFile({ suggestedName: protocolFileName(name, 'xlsx'), bytes: protocolXlsx(src) });
}

/** What the results panel hands the dialog: everything but what the dialog itself asks for. */
export type ProtocolBase = Omit<ProtocolSource, 'date' | 'chair' | 'secretary'>;

/**
 * The official protocol: all nominations or one, the meeting date and the signatories. The chair and
 * secretary are remembered in the contest row (saved when a field is left, and before printing or
 * saving), so the next protocol of this contest comes prefilled.
 */
export function ProtocolDialog({
  base,
  contestId,
  remembered,
  onClose,
}: {
  base: ProtocolBase;
  contestId: string;
  remembered: { chair?: string; secretary?: string };
  onClose: () => void;
}) {
  const ctx = useDb();
  const { t } = useTranslation('results');
  const [date, setDate] = useState(todayIso);
  const [chair, setChair] = useState(remembered.chair ?? '');
  const [secretary, setSecretary] = useState(remembered.secretary ?? '');
  const [scope, setScope] = useState<string>('all');
  const [error, setError] = useState<string>();

  const chosen = scope === 'all' ? base.nominations : base.nominations.filter((n) => n.nominationId === scope);
  const chosenJurors = new Set(chosen.flatMap((n) => n.jurors.map((j) => j.id)));
  const src: ProtocolSource = {
    ...base,
    // a one-nomination protocol lists that nomination's jury as the commission
    jurors: scope === 'all' ? base.jurors : base.jurors.filter((j) => chosenJurors.has(j.id)),
    nominations: chosen,
    date: protocolDate(date),
    chair,
    secretary,
  };
  const name = scope === 'all' || base.nominations.length === 1 ? base.contestTitle : (chosen[0]?.title ?? base.contestTitle);

  const remember = async () => {
    try {
      await saveProtocolSignatories(ctx, contestId, { chair, secretary });
      setError(undefined);
    } catch (err) {
      setError(t('protocol.rememberFailed', { message: errorText(err) }));
    }
  };

  return (
    <PrintDialog
      title={t('protocol.title')}
      pages={<ProtocolDocument src={src} />}
      previewClassName="protocol-preview"
      printClassName="protocol-print"
      onPrint={(print) => void remember().then(print)}
      actions={
        <button type="button" onClick={() => void remember().then(() => saveProtocolXlsx(src, name))}>
          {t('protocol.downloadXlsx')}
        </button>
      }
      onClose={onClose}
    >
      <div className="field-row protocol-controls">
        {base.nominations.length > 1 && (
          <SelectField
            label={t('protocol.scope')}
            value={scope}
            onChange={setScope}
            options={[['all', t('protocol.allNominations', { count: base.nominations.length })] as const, ...base.nominations.map((n) => [n.nominationId, n.title] as const)]}
          />
        )}
        <TextField className="narrow" label={t('protocol.date')} type="date" value={date} onChange={setDate} />
        <TextField label={t('protocol.chair')} list="protocol-jurors" value={chair} onChange={setChair} onBlur={() => void remember()} placeholder={t('protocol.namePlaceholder')} />
        <TextField label={t('protocol.secretary')} value={secretary} onChange={setSecretary} onBlur={() => void remember()} placeholder={t('protocol.namePlaceholder')} />
        <datalist id="protocol-jurors">
          {base.jurors.map((j) => (
            <option key={j.id} value={j.name} />
          ))}
        </datalist>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </PrintDialog>
  );
}
