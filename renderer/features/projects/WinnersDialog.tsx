/**
 * «Отметить победителей»: the closed contest's official ranking per nomination, a checkbox and a grant
 * amount per application, the report deadlines; markWinners (repo/projects.ts) makes one project per
 * winner. Applications already made projects are shown ticked and only their amount can change.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../../../shared/contest';
import { formatMoney, formatNumber } from '../../../shared/text/format';
import { FormDialog, NumberField, TextField, useDialogAction } from '../../components/ui';
import { markWinners } from '../../db/repo/projects';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { contestResults } from '../../hooks/use-results';
import { parseWhole } from './plan-form';

type Choice = { win: boolean; amount: string };

type Props = {
  setup: ContestSetup;
  data: ContestData;
  /** Application ids that are projects already. */
  existing: ReadonlySet<string>;
  /** Default deadlines: the year after the event. */
  defaults: { interimReportDue: string; finalReportDue: string };
  onDone: (count: number) => void;
  onClose: () => void;
};

export function WinnersDialog({ setup, data, existing, defaults, onDone, onClose }: Props) {
  const { t } = useTranslation('projects');
  const ctx = useDb();
  const { busy, error, run } = useDialogAction();
  const results = useMemo(() => contestResults(setup, data), [setup, data]);
  const apps = useMemo(() => new Map(data.applications.map((a) => [a.id, a])), [data.applications]);
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(data.applications.map((a) => [a.id, { win: existing.has(a.id), amount: a.requestedAmount === undefined ? '' : String(a.requestedAmount) }])),
  );
  const [interim, setInterim] = useState(defaults.interimReportDue);
  const [final, setFinal] = useState(defaults.finalReportDue);
  const [tried, setTried] = useState(false);

  const chosen = Object.entries(choices).filter(([, c]) => c.win);
  const amountError = (c: Choice) => {
    const n = parseWhole(c.amount);
    return n !== undefined && Number.isNaN(n) ? t('winners.amountWrong') : undefined;
  };
  const set = (id: string, patch: Partial<Choice>) => setChoices((all) => ({ ...all, [id]: { ...all[id]!, ...patch } }));

  const submit = (e: { currentTarget: Element }) => {
    setTried(true);
    return run(e, async () => {
      if (chosen.length === 0) throw new Error(t('winners.noneChosen'));
      if (chosen.some(([, c]) => amountError(c)) || !final || !interim) throw new Error(t('winners.amountWrong'));
      const winners = chosen.map(([applicationId, c]) => {
        const amount = parseWhole(c.amount);
        return amount === undefined ? { applicationId } : { applicationId, grantAmount: amount };
      });
      await markWinners(ctx, setup.contest.id, winners, { finalReportDue: final, interimReportDue: interim });
      onDone(winners.length);
    });
  };

  const row = (entry: { applicationId: string; place: number | null; score: number | null }, app: Application) => {
    const c = choices[app.id]!;
    const err = tried ? amountError(c) : undefined;
    return (
      <tr key={app.id}>
        <td className="num">{entry.place ?? '—'}</td>
        <td>
          <label className="checkbox">
            <input type="checkbox" checked={c.win} disabled={existing.has(app.id)} onChange={(e) => set(app.id, { win: e.target.checked })} aria-label={t('winners.win', { title: app.title })} />
            <span>{app.title}</span>
          </label>
          {existing.has(app.id) && <span className="muted"> {t('winners.already')}</span>}
        </td>
        <td className="num">{entry.score === null ? t('winners.unranked') : formatNumber(entry.score)}</td>
        <td className="num">{app.requestedAmount === undefined ? '—' : formatMoney(app.requestedAmount)}</td>
        <td>
          <NumberField label={<span className="visually-hidden">{t('winners.amountOf', { title: app.title })}</span>} value={c.amount} error={err} disabled={!c.win} onChange={(amount) => set(app.id, { amount })} />
        </td>
      </tr>
    );
  };

  return (
    <FormDialog
      title={t('winners.title')}
      wide
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      error={error}
      submitLabel={chosen.length > 0 ? t('winners.submit', { count: chosen.length }) : t('winners.submitNone')}
    >
      <p className="muted">{t('winners.intro')}</p>
      <div className="projects-winners">
        {results.nominations.map((n) => (
          <table key={n.nominationId} className="simple-table projects-table" aria-label={t('winners.nomination', { title: n.title })}>
            <caption>{t('winners.nomination', { title: n.title })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('winners.place')}
                </th>
                <th scope="col">{t('winners.application')}</th>
                <th scope="col" className="num">
                  {t('winners.score')}
                </th>
                <th scope="col" className="num">
                  {t('winners.requested')}
                </th>
                <th scope="col">{t('winners.amount')}</th>
              </tr>
            </thead>
            <tbody>{n.results.ranking.entries.flatMap((entry) => (apps.has(entry.applicationId) ? [row(entry, apps.get(entry.applicationId)!)] : []))}</tbody>
          </table>
        ))}
      </div>
      <div className="field-row">
        <TextField type="date" label={t('winners.interimDue')} value={interim} required error={tried && !interim ? t('winners.dateWrong') : undefined} onChange={setInterim} />
        <TextField type="date" label={t('winners.finalDue')} value={final} required error={tried && !final ? t('winners.dateWrong') : undefined} onChange={setFinal} />
      </div>
    </FormDialog>
  );
}
