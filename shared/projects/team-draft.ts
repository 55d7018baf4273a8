/**
 * The team's report as it is being filled in (issue 25, report mode on the team's device): a draft of
 * exactly what the fields show — numbers as typed, so «1 200» or «12,5» is never silently changed — kept
 * on the device between sessions, and the rules that turn it into the signed report's content.
 *
 * A draft starts from what the organizer last accepted (the package's `accepted`): a report states
 * what was reached *so far*, so the team edits the previous figures rather than typing them again. An
 * empty indicator is «не указано» (left out of the report, counted as missing by the organizer, never
 * as zero); a final report must state every indicator.
 */
import type { Id, IsoDate } from '../domain/types';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, MAX_REPORT_TEXT, type ReportContent } from './report-file';
import type { ReportPackage } from './report-package';
import { indicatorKeys, type IndicatorKey, type Indicators, type MilestoneReport, type MilestoneState, type ReportKind } from './types';

export type MilestoneDraft = { state: MilestoneState; doneOn: string };

export type TeamDraft = {
  projectId: Id;
  /** The package round this draft is for: a newer package (a return, an acceptance) starts a new draft. */
  round: number;
  kind: ReportKind;
  /** As typed; '' = not stated. */
  reached: Record<IndicatorKey, string>;
  communityFounded: boolean;
  communityName: string;
  text: string;
  milestones: Record<Id, MilestoneDraft>;
  /** Photo ids in the order chosen; the bytes are kept apart on the device. */
  photoIds: Id[];
  /** When the report file of this draft was last saved, if it was. */
  savedFileAt?: string;
};

/** The kind the next report most likely is: the one returned for rework, else final after an accepted interim. */
export function defaultKind(pkg: ReportPackage): ReportKind {
  const lastReturn = pkg.returns.at(-1);
  if (lastReturn && (!pkg.accepted || lastReturn.round > pkg.accepted.round)) return lastReturn.kind;
  return pkg.accepted ? 'final' : 'interim';
}

const asText = (n: number | undefined) => (n === undefined ? '' : String(n));

/** A fresh draft for the package's round, from what the organizer accepted last. */
export function newDraft(pkg: ReportPackage): TeamDraft {
  const accepted = pkg.accepted;
  const milestones: Record<Id, MilestoneDraft> = {};
  for (const m of pkg.project.milestones) {
    const was = accepted?.milestones.find((x) => x.milestoneId === m.id);
    milestones[m.id] = { state: was?.state ?? 'not-started', doneOn: was?.doneOn ?? '' };
  }
  return {
    projectId: pkg.project.id,
    round: pkg.round,
    kind: defaultKind(pkg),
    reached: Object.fromEntries(indicatorKeys.map((k) => [k, asText(accepted?.reached[k])])) as Record<IndicatorKey, string>,
    communityFounded: accepted?.community.founded ?? false,
    communityName: accepted?.community.name ?? pkg.project.plannedCommunity.name ?? '',
    text: '',
    milestones,
    photoIds: [],
  };
}

/** The draft kept for this package, or a new one when the kept one is for another round (or missing). */
export function draftFor(pkg: ReportPackage, kept: TeamDraft | undefined): TeamDraft {
  if (!kept || kept.projectId !== pkg.project.id || kept.round !== pkg.round) return newDraft(pkg);
  // milestones added to the plan since the draft was kept
  const milestones = { ...kept.milestones };
  for (const m of pkg.project.milestones) milestones[m.id] ??= { state: 'not-started', doneOn: '' };
  return { ...kept, milestones };
}

/**
 * A typed figure: digits with optional spaces as thousands separators («1 200»), money with kopecks
 * after a comma or dot. Returns undefined for '' and NaN for anything that is not such a number.
 */
export function parseFigure(text: string, key: IndicatorKey): number | undefined {
  const t = text.replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return undefined;
  const pattern = key === 'moneyRaised' ? /^\d+([.,]\d{1,2})?$/ : /^\d+$/;
  if (!pattern.test(t)) return Number.NaN;
  const n = Number(t.replace(',', '.'));
  return Number.isSafeInteger(Math.trunc(n)) ? n : Number.NaN;
}

/** Why the draft cannot be saved as a report yet, per field; the screen words them (namespace projectTeam). */
export type DraftProblem =
  | { field: `reached.${IndicatorKey}`; problem: 'not-a-number' | 'required-in-final' }
  | { field: 'communityName'; problem: 'required' }
  | { field: 'text'; problem: 'required' | 'too-long' }
  | { field: `milestone.${Id}`; problem: 'date-required' | 'date-in-future' }
  | { field: 'photos'; problem: 'too-many' | 'too-large' };

export type DraftPhoto = { id: Id; name: string; size: number };

export type DraftCheck = { ok: true; content: ReportContent } | { ok: false; problems: DraftProblem[] };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks the draft against the rules of the report file; `today` bounds the dates of milestones done. */
export function checkDraft(draft: TeamDraft, photos: readonly DraftPhoto[], today: IsoDate): DraftCheck {
  const problems: DraftProblem[] = [];
  const reached: Partial<Indicators> = {};
  for (const key of indicatorKeys) {
    const value = parseFigure(draft.reached[key], key);
    if (value === undefined) {
      if (draft.kind === 'final') problems.push({ field: `reached.${key}`, problem: 'required-in-final' });
    } else if (Number.isNaN(value)) problems.push({ field: `reached.${key}`, problem: 'not-a-number' });
    else reached[key] = value;
  }
  const name = draft.communityName.trim();
  if (draft.communityFounded && name === '') problems.push({ field: 'communityName', problem: 'required' });
  const text = draft.text.trim();
  if (text === '') problems.push({ field: 'text', problem: 'required' });
  else if (text.length > MAX_REPORT_TEXT) problems.push({ field: 'text', problem: 'too-long' });
  const milestones: MilestoneReport[] = [];
  for (const [milestoneId, m] of Object.entries(draft.milestones)) {
    if (m.state === 'done') {
      if (!DAY.test(m.doneOn)) problems.push({ field: `milestone.${milestoneId}`, problem: 'date-required' });
      else if (m.doneOn > today) problems.push({ field: `milestone.${milestoneId}`, problem: 'date-in-future' });
      milestones.push({ milestoneId, state: m.state, ...(DAY.test(m.doneOn) ? { doneOn: m.doneOn } : {}) });
    } else milestones.push({ milestoneId, state: m.state });
  }
  if (photos.length > MAX_PHOTOS) problems.push({ field: 'photos', problem: 'too-many' });
  if (photos.some((p) => p.size > MAX_PHOTO_BYTES)) problems.push({ field: 'photos', problem: 'too-large' });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    content: { kind: draft.kind, reached, community: draft.communityFounded ? { founded: true, name } : { founded: false }, text, milestones },
  };
}

/** What is left of the photo budget: how many more photos, and the per-photo cap. */
export function photoBudget(photos: readonly DraftPhoto[]) {
  const bytes = photos.reduce((n, p) => n + p.size, 0);
  return { count: photos.length, bytes, photosLeft: Math.max(0, MAX_PHOTOS - photos.length), maxPhotos: MAX_PHOTOS, maxPhotoBytes: MAX_PHOTO_BYTES };
}

/**
 * The size a photo is drawn at before storing: the long side at most `maxSide`, never enlarged. A
 * photo from a phone (4000 × 3000, 5–8 MB) comes out near 1600 × 1200, a few hundred kilobytes as JPEG.
 */
export function shrinkSize(width: number, height: number, maxSide = 1600): { width: number; height: number } {
  const long = Math.max(width, height);
  if (long <= maxSide) return { width, height };
  const k = maxSide / long;
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** Whether a chosen photo is stored as it is: small enough and of a type every device shows. */
export function keepsAsIs(mime: string, size: number, width: number, height: number, maxSide = 1600): boolean {
  return (mime === 'image/jpeg' || mime === 'image/png' || mime === 'image/webp') && size <= 1024 * 1024 && Math.max(width, height) <= maxSide;
}
