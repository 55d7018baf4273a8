/**
 * The report form of the team's device: the kind of report, the indicators reached so far beside the
 * plan, the community, the milestones, a short text and the photos. Controlled: the draft is the
 * state (TeamReport keeps it on the device as it changes); problems come from checkDraft and stand
 * beside their fields.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_REPORT_TEXT } from '../../../shared/projects/report-file';
import type { ReportPackage } from '../../../shared/projects/report-package';
import type { DraftProblem, TeamDraft } from '../../../shared/projects/team-draft';
import { indicatorKeys, type MilestoneState, type ReportKind } from '../../../shared/projects/types';
import { formatDay, formatMoney, formatNumber } from '../../../shared/text/format';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/ui';

const milestoneStates: readonly MilestoneState[] = ['done', 'in-progress', 'not-started', 'dropped'];
const kinds: readonly ReportKind[] = ['interim', 'final'];

export function ReportForm(props: { pkg: ReportPackage; draft: TeamDraft; onChange: (next: TeamDraft) => void; problems: readonly DraftProblem[]; photos: ReactNode }) {
  const { t } = useTranslation('projectTeam');
  const { pkg, draft, onChange } = props;
  const problemOf = (field: string) => {
    const p = props.problems.find((x) => x.field === field);
    return p ? t(`problems.${p.problem}`) : undefined;
  };
  const set = (patch: Partial<TeamDraft>) => onChange({ ...draft, ...patch });
  return (
    <form className="team-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <fieldset className="team-kind">
        <legend>{t('kindLegend')}</legend>
        {kinds.map((k) => (
          <label key={k}>
            <input type="radio" name="report-kind" value={k} checked={draft.kind === k} onChange={() => set({ kind: k })} /> {t(`kindOption.${k}`)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('indicators.legend')}</legend>
        <p className="hint">{t('indicators.hint')}</p>
        <div className="team-indicators">
          {indicatorKeys.map((key) => (
            <NumberField
              key={key}
              label={t(`indicators.${key}`)}
              decimal={key === 'moneyRaised'}
              value={draft.reached[key]}
              onChange={(v) => set({ reached: { ...draft.reached, [key]: v } })}
              hint={t('indicators.planned', { value: key === 'moneyRaised' ? formatMoney(pkg.project.planned[key]) : formatNumber(pkg.project.planned[key]) })}
              error={problemOf(`reached.${key}`)}
            />
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={draft.communityFounded} onChange={(e) => set({ communityFounded: e.target.checked })} /> {t('community.founded')}
        </label>
        {draft.communityFounded && (
          <TextField label={t('community.name')} value={draft.communityName} onChange={(v) => set({ communityName: v })} placeholder={t('community.namePlaceholder')} error={problemOf('communityName')} required />
        )}
      </fieldset>

      <fieldset>
        <legend>{t('milestones.legend')}</legend>
        {pkg.project.milestones.length === 0 ? (
          <p className="hint">{t('milestones.none')}</p>
        ) : (
          <ol className="team-milestones">
            {pkg.project.milestones.map((m) => {
              const md = draft.milestones[m.id] ?? { state: 'not-started', doneOn: '' };
              const setMilestone = (patch: Partial<typeof md>) => set({ milestones: { ...draft.milestones, [m.id]: { ...md, ...patch } } });
              return (
                <li key={m.id}>
                  <span className="team-milestone-title">
                    {m.title} <small>{t('milestones.due', { date: formatDay(m.due) })}</small>
                  </span>
                  <SelectField
                    label={t('milestones.state')}
                    value={md.state}
                    onChange={(state) => setMilestone({ state })}
                    options={milestoneStates.map((s) => [s, t(`milestones.states.${s}`)] as const)}
                  />
                  {md.state === 'done' && <TextField label={t('milestones.doneOn')} type="date" value={md.doneOn} onChange={(doneOn) => setMilestone({ doneOn })} error={problemOf(`milestone.${m.id}`)} />}
                </li>
              );
            })}
          </ol>
        )}
      </fieldset>

      <TextAreaField
        label={t('text.label')}
        hint={t('text.hint', { max: formatNumber(MAX_REPORT_TEXT) })}
        error={problemOf('text')}
        required
        rows={6}
        maxLength={MAX_REPORT_TEXT}
        counter
        value={draft.text}
        onChange={(text) => set({ text })}
      />

      {props.photos}
    </form>
  );
}
