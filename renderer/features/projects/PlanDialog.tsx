/**
 * «План…» of one project: municipality, community type, grant, planned indicators, the community to
 * found, milestones with dates, report deadlines and the team. Problems show beside their fields as
 * they are typed (plan-form.ts, the repository's own rules); saving is one updatePlan transaction.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communityTypes, indicatorKeys, type Project } from '../../../shared/projects/types';
import { FormDialog, NumberField, SelectField, TextField, useDialogAction } from '../../components/ui';
import { updatePlan } from '../../db/repo/projects';
import { useDb } from '../../hooks/db-context';
import { useMunicipalities } from '../../hooks/use-municipalities';
import { useRegistrationRows } from '../../hooks/use-participants';
import { formOf, patchOf, planErrors, type PlanForm } from './plan-form';
import { TeamPicker } from './TeamPicker';

let drafts = 0;

export function PlanDialog({ project, onSaved, onClose }: { project: Project; onSaved: (title: string) => void; onClose: () => void }) {
  const { t } = useTranslation('projects');
  const ctx = useDb();
  const municipalities = useMunicipalities();
  const rows = useRegistrationRows(project.eventId);
  const [form, setForm] = useState<PlanForm>(() => formOf(project));
  const { busy, error, run } = useDialogAction();
  const errors = planErrors(form, t('plan.numberWrong'));
  const set = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  const setMilestone = (key: string, patch: { title?: string; due?: string }) => set({ milestones: form.milestones.map((m) => (m.key === key ? { ...m, ...patch } : m)) });

  const submit = (e: { currentTarget: Element }) =>
    run(e, async () => {
      await updatePlan(ctx, project.id, patchOf(form));
      onSaved(project.title);
    });

  return (
    <FormDialog title={t('plan.title', { title: project.title })} wide className="projects-plan" onClose={onClose} onSubmit={submit} busy={busy} error={error} submitLabel={t('plan.save')}>
      <div className="field-row">
        <SelectField
          label={t('plan.municipality')}
          value={form.municipalityId}
          placeholder={t('plan.noMunicipality')}
          options={(municipalities ?? []).map((m) => [m.id, m.name] as const)}
          onChange={(municipalityId) => set({ municipalityId })}
        />
        <SelectField label={t('plan.type')} value={form.communityType} options={communityTypes.map((c) => [c, t(`communityType.${c}`)] as const)} onChange={(communityType) => set({ communityType })} />
        <NumberField label={t('plan.grant')} value={form.grant} error={errors.grant} onChange={(grant) => set({ grant })} />
      </div>
      <fieldset>
        <legend>{t('plan.indicators')}</legend>
        <div className="projects-indicators">
          {indicatorKeys.map((k) => (
            <NumberField key={k} label={t(`indicator.${k}`)} value={form.planned[k]} error={errors.planned[k]} onChange={(v) => set({ planned: { ...form.planned, [k]: v } })} />
          ))}
        </div>
        <div className="field-row projects-community">
          <label className="checkbox">
            <input type="checkbox" checked={form.founded} onChange={(e) => set({ founded: e.target.checked })} />
            <span>{t('plan.community')}</span>
          </label>
          {form.founded && <TextField label={t('plan.communityName')} value={form.communityName} error={errors.communityName} required onChange={(communityName) => set({ communityName })} />}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('plan.milestones')}</legend>
        {form.milestones.length === 0 && <p className="muted">{t('plan.noMilestones')}</p>}
        {form.milestones.map((m, i) => (
          <div className="field-row projects-milestone" key={m.key}>
            <TextField label={t('plan.milestoneTitle', { n: i + 1 })} value={m.title} error={errors.milestones[m.key]?.title} onChange={(title) => setMilestone(m.key, { title })} />
            <TextField type="date" label={t('plan.milestoneDue', { n: i + 1 })} value={m.due} error={errors.milestones[m.key]?.due} onChange={(due) => setMilestone(m.key, { due })} />
            <button type="button" className="projects-remove" onClick={() => set({ milestones: form.milestones.filter((x) => x.key !== m.key) })}>
              {t('plan.removeMilestone', { n: i + 1 })}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ milestones: [...form.milestones, { key: `new-${++drafts}`, title: '', due: '' }] })}>
          {t('plan.addMilestone')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('plan.reportDates')}</legend>
        <div className="field-row">
          <TextField type="date" label={t('plan.interimDue')} value={form.interimReportDue} error={errors.interimReportDue} onChange={(interimReportDue) => set({ interimReportDue })} />
          <TextField type="date" label={t('plan.finalDue')} value={form.finalReportDue} error={errors.finalReportDue} required onChange={(finalReportDue) => set({ finalReportDue })} />
        </div>
      </fieldset>
      {rows ? <TeamPicker rows={rows} team={form.team} onChange={(team) => set({ team })} /> : <p className="muted">{t('loading')}</p>}
    </FormDialog>
  );
}
