import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGGREGATION_METHODS } from '../../../shared/results/types';
import { canEdit, validateContest, type Contest, type Nomination, type TieBreak } from '../../../shared/contest';
import { saveContestSetup } from '../../db/repo/contest';
import { useDb } from '../../hooks/db-context';
import type { ContestData, ContestSetup } from '../../hooks/use-contest';
import { NominationEditor } from './NominationEditor';
import { methodLabel, TIE_BREAKS, tieBreakLabel } from './labels';
import { ScoringControls } from './ScoringControls';
import { errorText, sayText } from '../../i18n';
import { SelectField, TextField } from '../../components/ui';

/** Contest settings and forms. A draft is edited here and saved at once; what scoring froze is shown disabled. */
export function SetupTab({ setup, data }: { setup: ContestSetup; data: ContestData }) {
  const ctx = useDb();
  const { t } = useTranslation('contest');
  const [contest, setContest] = useState<Contest>(setup.contest);
  const [nominations, setNominations] = useState<Nomination[]>(setup.nominations);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const stored = setup.contest;
  const frozen = !canEdit(stored, 'criteria');
  // only what this tab edits: status, logs and signatories move elsewhere
  const editable = (c: Contest) => JSON.stringify([c.title, c.minReviews, c.method, c.tieBreaks]);
  const dirty = editable(contest) !== editable(stored) || JSON.stringify(nominations) !== JSON.stringify(setup.nominations);
  const issues = useMemo(() => validateContest({ ...contest, status: 'setup' }, nominations, data.jurors), [contest, nominations, data.jurors]);

  const save = async () => {
    setMessage(undefined);
    try {
      await saveContestSetup(ctx, { ...contest, status: stored.status }, nominations);
      setMessage({ kind: 'ok', text: t('setup.saved') });
    } catch (err) {
      setMessage({ kind: 'error', text: errorText(err) });
    }
  };

  const toggleTieBreak = (rule: TieBreak, on: boolean) =>
    setContest({ ...contest, tieBreaks: on ? [...contest.tieBreaks.filter((x) => x !== 'shared-place'), rule, ...(rule !== 'shared-place' && contest.tieBreaks.includes('shared-place') ? (['shared-place'] as const) : [])] : contest.tieBreaks.filter((x) => x !== rule) });
  const moveTieBreak = (i: number, d: -1 | 1) => {
    const list = [...contest.tieBreaks];
    const j = i + d;
    if (j < 0 || j >= list.length) return;
    [list[i], list[j]] = [list[j]!, list[i]!];
    setContest({ ...contest, tieBreaks: list });
  };

  const addNomination = () =>
    setNominations([
      ...nominations,
      { id: crypto.randomUUID(), contestId: stored.id, title: t('setup.newNomination', { n: nominations.length + 1 }), criteria: structuredClone(nominations[0]?.criteria ?? []), commentRequired: true },
    ]);

  return (
    <div className="contest-setup">
      <ScoringControls setup={setup} data={data} dirty={dirty} onMessage={setMessage} />
      <div className="field-row">
        <TextField label={t('setup.title')} value={contest.title} disabled={!canEdit(stored, 'title')} onChange={(title) => setContest({ ...contest, title })} />
        <TextField
          className="narrow"
          label={t('setup.minReviews')}
          type="number"
          min={1}
          value={String(contest.minReviews)}
          disabled={!canEdit(stored, 'minReviews')}
          onChange={(v) => setContest({ ...contest, minReviews: Number(v) })}
        />
      </div>
      <SelectField
        label={t('setup.method')}
        value={contest.method}
        disabled={frozen}
        onChange={(method) => setContest({ ...contest, method })}
        options={AGGREGATION_METHODS.map((m) => [m, methodLabel(m)] as const)}
      />
      <fieldset className="tie-breaks" disabled={frozen}>
        <legend>{t('setup.tieBreaks')}</legend>
        <ol>
          {contest.tieBreaks.map((rule, i) => (
            <li key={rule}>
              <span>{tieBreakLabel(rule)}</span>
              <button type="button" aria-label={t('setup.up', { rule: tieBreakLabel(rule) })} onClick={() => moveTieBreak(i, -1)} disabled={i === 0}>
                ↑
              </button>
              <button type="button" aria-label={t('setup.down', { rule: tieBreakLabel(rule) })} onClick={() => moveTieBreak(i, 1)} disabled={i === contest.tieBreaks.length - 1}>
                ↓
              </button>
              <button type="button" aria-label={t('setup.removeRule', { rule: tieBreakLabel(rule) })} onClick={() => toggleTieBreak(rule, false)}>
                ×
              </button>
            </li>
          ))}
        </ol>
        {TIE_BREAKS.filter((rule) => !contest.tieBreaks.includes(rule)).map((rule) => (
          <button key={rule} type="button" onClick={() => toggleTieBreak(rule, true)}>
            {t('setup.addRule', { rule: tieBreakLabel(rule) })}
          </button>
        ))}
      </fieldset>

      <h2 className="subheading">{t('setup.nominations')}</h2>
      {nominations.map((n, i) => (
        <NominationEditor
          key={n.id}
          nomination={n}
          frozen={frozen}
          onChange={(next) => setNominations(nominations.map((x, j) => (j === i ? next : x)))}
          onRemove={nominations.length > 1 ? () => setNominations(nominations.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      {!frozen && (
        <button type="button" onClick={addNomination}>
          {t('setup.addNomination')}
        </button>
      )}

      {issues.length > 0 && (
        <ul className="contest-issues" aria-label={t('setup.issues')}>
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity}>
              {issue.severity === 'error' ? t('setup.error') : t('setup.warning')}
              {sayText(issue.said)}
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p className={message.kind === 'ok' ? 'form-ok' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div className="contest-actions">
        <button type="button" className={dirty ? 'primary' : undefined} disabled={!dirty} onClick={() => void save()}>
          {t('setup.save')}
        </button>
      </div>
    </div>
  );
}
