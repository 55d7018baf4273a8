/**
 * The final report as a workbook, from the same FinalReport object the A4 pages print
 * (shared/projects/final-report.ts), so Excel and paper never disagree. Numbers stay numbers; a figure
 * no report gives is the words «не указано», never an empty cell or a zero. Text cells are neutralized
 * against formula injection in buildXlsx.
 */
import type { TFunction } from 'i18next';
import { buildXlsx, type ExportSheet } from '../../../shared/export/xlsx';
import type { FinalReport } from '../../../shared/projects/final-report';
import { sayText } from '../../i18n';

export type FinalReportMeta = { eventTitle: string; projectTitle: string; date: string };

/** Reached of planned over the projects that gave the figure, in per cent; null when none did. */
export const sharePercent = (reached: number, plannedOfReported: number, reported: number) => (reported === 0 || plannedOfReported === 0 ? null : Math.round((reached / plannedOfReported) * 100));

export function finalReportSheets(r: FinalReport, meta: FinalReportMeta, t: TFunction, tApp: TFunction): ExportSheet[] {
  const notStated = t('projects.notStated');
  const summary: ExportSheet = {
    name: t('sheets.summary'),
    columnWidths: [40, 18, 18],
    rows: [
      [t('title', { title: meta.projectTitle })],
      [t('date', { date: meta.date })],
      [],
      [r.summary],
      [],
      [t('conference.registered'), r.conference.registered],
      [t('conference.arrived'), r.conference.arrived],
      [t('projects.projectsCount'), r.projects.total],
      [t('projects.grants'), r.projects.grants],
      [t('projects.communitiesFounded'), r.projects.communitiesFounded],
      [t('projects.communitiesPlanned'), r.projects.communitiesPlanned],
    ],
  };
  const conference: ExportSheet = {
    name: t('sheets.conference'),
    columnWidths: [40, 16, 16],
    rows: [
      [meta.eventTitle],
      [],
      [t('conference.byMunicipality')],
      [t('conference.municipality'), t('conference.registered'), t('conference.arrived')],
      ...r.conference.byMunicipality.map((m) => [m.name, m.registered, m.arrived]),
      [],
      [t('conference.byCategory')],
      [t('conference.category'), t('conference.registered'), t('conference.arrived')],
      ...r.conference.byCategory.map((c) => [tApp(`category.${c.category}`), c.registered, c.arrived]),
      [],
      [t('conference.sections')],
      [t('conference.section'), t('conference.assigned'), t('conference.arrived')],
      ...r.conference.sections.map((s) => [s.title, s.assigned, s.arrived]),
      [],
      [t('conference.experts', { registered: r.conference.experts.registered, arrived: r.conference.experts.arrived })],
    ],
  };
  const c = r.contest;
  const contest: ExportSheet = {
    name: t('sheets.contest'),
    columnWidths: [44, 24, 16, 14],
    rows: c
      ? [
          [t('contest.lead', { title: c.title, applications: c.applications, admitted: c.admitted, jurors: c.jurors })],
          [],
          [t('contest.nominations')],
          [t('contest.nomination'), t('contest.applications'), t('contest.jurors'), t('contest.kendall')],
          ...c.nominations.map((n) => [n.title, n.applications, n.jurors, n.kendallW ?? t('contest.kendallNone')]),
          [],
          [t('contest.winners')],
          [t('contest.project'), t('contest.municipality'), t('contest.grant')],
          ...c.winners.map((w) => [w.title, w.municipality ?? '', w.grantAmount ?? '']),
        ]
      : [[t('contest.none')]],
  };
  const projects: ExportSheet = {
    name: t('sheets.projects'),
    columnWidths: [36, 22, 16, 20, ...r.projects.indicators.flatMap(() => [12, 12]), 24, 10],
    rows: [
      [t('projects.indicators')],
      [t('projects.indicator'), t('projects.planned'), t('projects.reached'), t('projects.share'), t('projects.reported'), t('projects.missing')],
      ...r.projects.indicators.map((l) => [
        t(`indicator.${l.key}`),
        l.planned,
        l.reported === 0 ? notStated : l.reached,
        sharePercent(l.reached, l.plannedOfReported, l.reported) ?? notStated,
        l.reported,
        l.missing.join('; ') || t('projects.missingNone'),
      ]),
      [],
      [t('projects.perProject')],
      [
        t('contest.project'),
        t('contest.municipality'),
        t('projects.status'),
        t('projects.report'),
        ...r.projects.indicators.flatMap((l) => [`${t(`indicator.${l.key}`)}: ${t('projects.planned')}`, `${t(`indicator.${l.key}`)}: ${t('projects.reached')}`]),
        t('projects.communitiesFounded'),
        t('projects.photos'),
      ],
      ...r.projects.lines.map((l) => [
        l.title,
        l.municipality ?? '',
        t(`status.${l.status}`),
        l.report ? t('projects.reportOf', { kind: t(`kind.${l.report.kind}`), round: l.report.round }) : t('projects.noReport'),
        ...l.indicators.flatMap((i) => [i.planned, i.reached ?? notStated]),
        l.community.founded === undefined ? notStated : l.community.founded ? (l.community.name ?? t('yes')) : t('no'),
        l.photos,
      ]),
    ],
  };
  const municipalities: ExportSheet = {
    name: t('sheets.municipalities'),
    columnWidths: [36, 12, 16, 12, 50],
    rows: [
      [t('contest.municipality'), t('projects.projectsCount'), t('projects.communitiesPlanned'), t('projects.communitiesFounded'), t('projects.communityNames')],
      ...r.projects.byMunicipality.map((m) => [m.name, m.projects, m.communitiesPlanned, m.communitiesFounded, m.communityNames.join('; ')]),
    ],
  };
  return [summary, conference, contest, projects, municipalities];
}

export function finalReportXlsx(r: FinalReport, meta: FinalReportMeta, t: TFunction, tApp: TFunction): Uint8Array<ArrayBuffer> {
  return buildXlsx(finalReportSheets(r, meta, t, tApp), sayText);
}
