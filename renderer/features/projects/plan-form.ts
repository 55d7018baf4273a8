/**
 * The plan editor's form as typed (strings, like every field of the UI kit) and the patch it saves. The
 * problems beside each field are the repository's own (planProblems in repo/projects.ts), asked one field
 * at a time, so the screen refuses exactly what updatePlan refuses and says it where it is wrong.
 */
import { indicatorKeys, type CommunityType, type IndicatorKey, type Project } from '../../../shared/projects/types';
import { planProblems, type PlanPatch } from '../../db/repo/projects';

export type MilestoneDraft = { key: string; id?: string; title: string; due: string };

export type PlanForm = {
  municipalityId: string;
  communityType: CommunityType;
  grant: string;
  planned: Record<IndicatorKey, string>;
  founded: boolean;
  communityName: string;
  milestones: MilestoneDraft[];
  interimReportDue: string;
  finalReportDue: string;
  team: string[];
};

/** «150 000», «150000», « 12 » → the whole number; '' → undefined; anything else → NaN (an error). */
export function parseWhole(text: string): number | undefined {
  const t = text.replace(/[\s\u00a0]/g, '');
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : Number.NaN;
}

const shown = (n: number | undefined) => (n === undefined ? '' : String(n));

export function formOf(project: Project): PlanForm {
  return {
    municipalityId: project.municipalityId ?? '',
    communityType: project.communityType,
    grant: shown(project.grantAmount),
    planned: Object.fromEntries(indicatorKeys.map((k) => [k, shown(project.planned[k])])) as Record<IndicatorKey, string>,
    founded: project.plannedCommunity.founded,
    communityName: project.plannedCommunity.name ?? '',
    milestones: project.milestones.map((m) => ({ key: m.id, id: m.id, title: m.title, due: m.due })),
    interimReportDue: project.interimReportDue ?? '',
    finalReportDue: project.finalReportDue,
    team: [...project.teamRegistrationIds],
  };
}

export type PlanErrors = {
  grant?: string;
  planned: Partial<Record<IndicatorKey, string>>;
  communityName?: string;
  milestones: Record<string, { title?: string; due?: string }>;
  interimReportDue?: string;
  finalReportDue?: string;
};

/** The patch the form saves; numbers that do not parse come through as NaN for the problems below. */
export function patchOf(form: PlanForm): PlanPatch {
  const planned = Object.fromEntries(indicatorKeys.map((k) => [k, parseWhole(form.planned[k]) ?? 0]));
  const grant = parseWhole(form.grant);
  const patch: PlanPatch = {
    planned,
    plannedCommunity: form.founded ? { founded: true, name: form.communityName } : { founded: false },
    milestones: form.milestones.map((m) => ({ ...(m.id ? { id: m.id } : {}), title: m.title, due: m.due })),
    communityType: form.communityType,
    finalReportDue: form.finalReportDue,
    teamRegistrationIds: form.team,
    municipalityId: form.municipalityId === '' ? null : form.municipalityId,
  };
  if (grant !== undefined) patch.grantAmount = grant;
  if (form.interimReportDue !== '') patch.interimReportDue = form.interimReportDue;
  return patch;
}

const first = (patch: PlanPatch) => planProblems(patch)[0];

/**
 * Problems by field: a number that is not a whole number gets `numberWrong`; the rest are planProblems
 * of that one field. Empty when the form can be saved.
 */
export function planErrors(form: PlanForm, numberWrong: string): PlanErrors {
  const out: PlanErrors = { planned: {}, milestones: {} };
  const grant = parseWhole(form.grant);
  if (grant !== undefined && Number.isNaN(grant)) out.grant = numberWrong;
  for (const k of indicatorKeys) {
    const v = parseWhole(form.planned[k]);
    if (v !== undefined && Number.isNaN(v)) out.planned[k] = numberWrong;
  }
  const name = first({ plannedCommunity: form.founded ? { founded: true, name: form.communityName } : { founded: false } });
  if (name) out.communityName = name;
  for (const m of form.milestones) {
    const title = m.title.trim() ? undefined : first({ milestones: [{ title: '', due: '2000-01-01' }] });
    const due = first({ milestones: [{ title: m.title.trim() || '—', due: m.due }] });
    if (title || due) out.milestones[m.key] = { ...(title ? { title } : {}), ...(due ? { due } : {}) };
  }
  const interim = form.interimReportDue === '' ? undefined : first({ interimReportDue: form.interimReportDue });
  if (interim) out.interimReportDue = interim;
  const final = first({ finalReportDue: form.finalReportDue });
  if (final) out.finalReportDue = final;
  return out;
}
