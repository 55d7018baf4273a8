/**
 * The juror package carries the juror's own assigned applications and forms — and nothing else.
 * The absence test looks at the serialized bytes, i.e. what actually leaves the organizer's laptop.
 */
import { describe, expect, it } from 'vitest';
import { buildJurorPackage, packageAttachments, parseJurorPackage, serializeJurorPackage } from '../../../../shared/contest/juror-package';
import type { BuildPackageInput, JurorPackage } from '../../../../shared/contest/juror-package';
import { grantContestTemplate } from '../../../../shared/contest/template';
import type { Assignment, Conflict } from '../../../../shared/contest/types';
import { app, juror } from './fixtures';

const SHA = 'a'.repeat(64);
const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1', title: 'Конкурс проектов Уфа-2019', nominations: [{ id: 'n1', title: 'Молодёжь' }, { id: 'n2', title: 'Экология' }, { id: 'n3', title: 'Спорт' }] });
const applications = [
  app('mine-1', { title: 'Школа волонтёров', organizationId: 'o1', municipalityId: 'm1', requestedAmount: 480000, attachments: [{ id: 'f1', name: 'смета.pdf', mime: 'application/pdf', size: 1200, sha256: SHA }], applicantPersonIds: ['p-secret-applicant'] }),
  app('mine-2', { title: 'Чистый берег Белой', nominationId: 'n2' }),
  app('OTHER-juror-app', { title: 'Чужая заявка про ремёсла' }),
  app('CONFLICTED-app', { title: 'Заявка из района эксперта' }),
  app('REJECTED-app', { title: 'Отклонённая заявка', status: 'rejected', rejectReason: 'не по теме' }),
  app('OTHERNOM-app', { title: 'Заявка чужой номинации', nominationId: 'n3' }),
];
const assignments: Assignment[] = [
  { jurorId: 'j1', applicationId: 'mine-1', anchor: true },
  { jurorId: 'j1', applicationId: 'mine-2' },
  { jurorId: 'j1', applicationId: 'CONFLICTED-app', manual: true },
  { jurorId: 'j1', applicationId: 'REJECTED-app' },
  { jurorId: 'j1', applicationId: 'OTHERNOM-app' },
  { jurorId: 'j1', applicationId: 'missing-app' },
  { jurorId: 'j2-OTHER', applicationId: 'OTHER-juror-app' },
  { jurorId: 'j2-OTHER', applicationId: 'mine-1' },
];
const conflicts: Conflict[] = [
  { jurorId: 'j1', applicationId: 'CONFLICTED-app', kind: 'municipality', reason: 'Эксперт из того же муниципалитета' },
  { jurorId: 'j2-OTHER', applicationId: 'mine-2', kind: 'declared', reason: 'СЕКРЕТНАЯ причина другого эксперта' },
];
const input: BuildPackageInput = {
  contest: { ...contest, status: 'scoring', method: 'z-mean' },
  eventTitle: 'Конференция, Уфа, 2019',
  nominations,
  applications,
  assignments,
  conflicts,
  juror: juror('j1', { nominationIds: ['n1', 'n2'], cap: 40 }),
  jurorName: 'Муталлапова Альфия Хабировна',
  invitationSecret: 'S3cr3t-invitation_secret-0123456789abcdef',
  createdAt: '2019-12-21T10:00:00Z',
  organizationName: (id) => ({ o1: 'АНО «Добрые дела»' })[id],
  municipalityName: (id) => ({ m1: 'Бирский район' })[id],
};

describe('buildJurorPackage', () => {
  const { package: pkg, omitted } = buildJurorPackage(input);

  it('holds the juror’s assigned admitted non-conflicted applications with their forms', () => {
    expect(pkg.applications.map((a) => a.id)).toEqual(['mine-1', 'mine-2']);
    expect(pkg.applications[0]).toEqual({
      id: 'mine-1',
      nominationId: 'n1',
      title: 'Школа волонтёров',
      summary: 'Описание проекта mine-1',
      organizationName: 'АНО «Добрые дела»',
      municipalityName: 'Бирский район',
      requestedAmount: 480000,
      submittedAt: '2019-12-20T10:00:00Z',
      attachments: [{ id: 'f1', name: 'смета.pdf', mime: 'application/pdf', size: 1200, sha256: SHA }],
    });
    expect(pkg.nominations.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(pkg.nominations[0]!.criteria).toHaveLength(10);
    expect(pkg.juror).toEqual({ id: 'j1', name: 'Муталлапова Альфия Хабировна' });
    expect(pkg.contest).toEqual({ id: 'c1', title: 'Конкурс проектов Уфа-2019', eventTitle: 'Конференция, Уфа, 2019' });
    expect(packageAttachments(pkg).map((f) => f.id)).toEqual(['f1']);
  });

  it('reports what it left out to the organizer', () => {
    expect(omitted).toEqual([
      { applicationId: 'CONFLICTED-app', reason: 'conflict' },
      { applicationId: 'REJECTED-app', reason: 'not-admitted' },
      { applicationId: 'OTHERNOM-app', reason: 'other-nomination' },
      { applicationId: 'missing-app', reason: 'unknown-application' },
    ]);
  });

  it('contains nothing else: no other applications, jurors, scores, conflicts, method or applicants', () => {
    const text = new TextDecoder().decode(serializeJurorPackage(pkg));
    for (const absent of ['OTHER', 'CONFLICTED', 'REJECTED', 'Чужая заявка', 'Заявка из района', 'Отклонённая', 'не по теме', 'чужой номинации', 'СЕКРЕТНАЯ', 'j2', 'z-mean', 'method', 'tieBreak', 'minReviews', 'conflict', 'anchor', 'manual', 'cap', 'p-secret-applicant', 'applicant', 'Спорт', 'status']) {
      expect(text, absent).not.toContain(absent);
    }
    // every key in the file is one the format declares
    const allowed = new Set([
      ...['format', 'version', 'createdAt', 'contest', 'juror', 'invitationSecret', 'nominations', 'applications'],
      ...['id', 'title', 'eventTitle', 'name', 'criteria', 'commentRequired', 'description', 'min', 'max', 'weight', 'bands', 'from', 'to', 'text'],
      ...['nominationId', 'summary', 'organizationName', 'municipalityName', 'requestedAmount', 'submittedAt', 'attachments', 'mime', 'size', 'sha256'],
    ]);
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (typeof v === 'object' && v !== null) {
        for (const [k, x] of Object.entries(v)) {
          expect(allowed.has(k), `unexpected key ${k}`).toBe(true);
          walk(x);
        }
      }
    };
    walk(JSON.parse(text));
  });

  it('gives a juror with no assignments an empty package, not someone else’s', () => {
    const empty = buildJurorPackage({ ...input, juror: juror('j3', { nominationIds: ['n1'] }), jurorName: 'Третий' }).package;
    expect(empty.applications).toEqual([]);
    expect(empty.nominations).toEqual([]);
  });
});

describe('parseJurorPackage', () => {
  const pkg = buildJurorPackage(input).package;

  it('round-trips', () => {
    expect(parseJurorPackage(serializeJurorPackage(pkg))).toEqual({ ok: true, package: pkg });
  });

  it('refuses other files with a reason', () => {
    const enc = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
    expect(parseJurorPackage(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, code: 'not-a-package' });
    expect(parseJurorPackage(enc({ format: 'skhod-score-file' }))).toMatchObject({ ok: false, code: 'not-a-package', message: expect.stringContaining('файл оценок') });
    expect(parseJurorPackage(enc({ ...pkg, version: 9 }))).toMatchObject({ ok: false, code: 'unsupported-version' });
    expect(parseJurorPackage(enc({ ...pkg, extra: 'leak' }))).toMatchObject({ ok: false, code: 'malformed' });
    const orphan: JurorPackage = { ...pkg, nominations: pkg.nominations.slice(1) };
    expect(parseJurorPackage(enc(orphan))).toMatchObject({ ok: false, code: 'malformed', message: expect.stringContaining('нет формы') });
  });
});
