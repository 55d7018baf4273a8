/**
 * The juror package carries the juror's own assigned applications, their files and forms — and nothing
 * else. The absence tests look at the packed bytes, i.e. what actually leaves the organizer's laptop,
 * packed from a store that holds every application's files (as the organizer's does).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildJurorPackage,
  MAX_JUROR_PACKAGE_BYTES,
  packageAttachments,
  packJurorPackage,
  parseJurorPackage,
  serializeJurorPackage,
} from '../../../../shared/contest/juror-package';
import type { BuildPackageInput, JurorPackage } from '../../../../shared/contest/juror-package';
import { grantContestTemplate } from '../../../../shared/contest/template';
import type { Assignment, AttachmentRef, Conflict } from '../../../../shared/contest/types';
import { app, juror } from './fixtures';

const enc = (text: string) => new TextEncoder().encode(text);
/** A file with its ref; the bytes include a newline and a byte > 0x7f, so the format cannot rely on text. */
function file(id: string, name: string, content: string, mime = 'application/pdf'): { ref: AttachmentRef; bytes: Uint8Array } {
  const bytes = new Uint8Array([...enc(content), 0x0a, 0xff, 0x00]);
  return { ref: { id, name, mime, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') }, bytes };
}
const SMETA = file('f1', 'смета.pdf', '%PDF-1.4 смета проекта «Школа волонтёров»');
const PHOTO = file('f2', 'фото.png', 'PNG площадка', 'image/png');
const OTHER_FILE = file('f-other', 'чужое.pdf', 'OTHER-ATTACHMENT-BYTES');
const CONFLICTED_FILE = file('f-conf', 'конфликт.pdf', 'CONFLICTED-ATTACHMENT-BYTES');
/** The organizer's store: every application's files. */
const STORE = new Map([SMETA, PHOTO, OTHER_FILE, CONFLICTED_FILE].map((f) => [f.ref.id, f.bytes]));
const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1', title: 'Конкурс проектов Уфа-2019', nominations: [{ id: 'n1', title: 'Молодёжь' }, { id: 'n2', title: 'Экология' }, { id: 'n3', title: 'Спорт' }] });
const applications = [
  app('mine-1', { title: 'Школа волонтёров', organizationId: 'o1', municipalityId: 'm1', requestedAmount: 480000, attachments: [SMETA.ref], applicantPersonIds: ['p-secret-applicant'] }),
  app('mine-2', { title: 'Чистый берег Белой', nominationId: 'n2', attachments: [PHOTO.ref] }),
  app('OTHER-juror-app', { title: 'Чужая заявка про ремёсла', attachments: [OTHER_FILE.ref] }),
  app('CONFLICTED-app', { title: 'Заявка из района эксперта', attachments: [CONFLICTED_FILE.ref] }),
  app('REJECTED-app', { title: 'Отклонённая заявка', status: 'rejected', rejectReason: 'не по теме' }),
  app('OTHERNOM-app', { title: 'Заявка чужой номинации', nominationId: 'n3' }),
];
const GRANT = { id: 'g1', reason: 'Не выставлена оценка бюджета', by: 'организатор', at: '2019-12-22T10:00:00Z' };
const assignments: Assignment[] = [
  { jurorId: 'j1', applicationId: 'mine-1', anchor: true },
  { jurorId: 'j1', applicationId: 'mine-2', reopens: [GRANT] },
  { jurorId: 'j1', applicationId: 'CONFLICTED-app', manual: true, reopens: [{ ...GRANT, id: 'g-conf', reason: 'CONFLICTED-grant' }] },
  { jurorId: 'j1', applicationId: 'REJECTED-app' },
  { jurorId: 'j1', applicationId: 'OTHERNOM-app' },
  { jurorId: 'j1', applicationId: 'missing-app' },
  { jurorId: 'j2-OTHER', applicationId: 'OTHER-juror-app' },
  { jurorId: 'j2-OTHER', applicationId: 'mine-1', reopens: [{ ...GRANT, id: 'g-other', reason: 'OTHER-juror-grant' }] },
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
      attachments: [SMETA.ref],
    });
    expect(pkg.nominations.map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(pkg.nominations[0]!.criteria).toHaveLength(10);
    expect(pkg.juror).toEqual({ id: 'j1', name: 'Муталлапова Альфия Хабировна' });
    expect(pkg.contest).toEqual({ id: 'c1', title: 'Конкурс проектов Уфа-2019', eventTitle: 'Конференция, Уфа, 2019' });
    expect(packageAttachments(pkg).map((f) => f.id)).toEqual(['f1', 'f2']);
    // the organizer's return of this juror's own sheet travels; other jurors' and conflicted ones do not
    expect(pkg.reopens).toEqual([{ applicationId: 'mine-2', ...GRANT }]);
  });

  it('reports what it left out to the organizer', () => {
    expect(omitted).toEqual([
      { applicationId: 'CONFLICTED-app', reason: 'conflict' },
      { applicationId: 'REJECTED-app', reason: 'not-admitted' },
      { applicationId: 'OTHERNOM-app', reason: 'other-nomination' },
      { applicationId: 'missing-app', reason: 'unknown-application' },
    ]);
  });

  it('contains nothing else: no other applications, their files, jurors, scores, conflicts, method or applicants', () => {
    const bytes = serializeJurorPackage(pkg, STORE);
    const text = new TextDecoder().decode(bytes);
    const nl = bytes.indexOf(0x0a);
    for (const absent of ['OTHER', 'CONFLICTED', 'REJECTED', 'Чужая заявка', 'Заявка из района', 'Отклонённая', 'не по теме', 'чужой номинации', 'СЕКРЕТНАЯ', 'j2', 'z-mean', 'method', 'tieBreak', 'minReviews', 'conflict', 'anchor', 'manual', 'cap', 'p-secret-applicant', 'applicant', 'Спорт', 'status', 'чужое.pdf', 'конфликт.pdf', 'f-other', 'f-conf', 'g-other', 'g-conf', 'grant']) {
      expect(text, absent).not.toContain(absent);
    }
    // every key in the file is one the format declares
    const allowed = new Set([
      ...['format', 'version', 'createdAt', 'contest', 'juror', 'invitationSecret', 'nominations', 'applications', 'reopens', 'applicationId', 'reason', 'by', 'at'],
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
    walk(JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))));
    // after the manifest: exactly this juror's files, in order, and nothing more
    expect(bytes.subarray(nl + 1)).toEqual(new Uint8Array([...SMETA.bytes, ...PHOTO.bytes]));
  });

  it('gives a juror with no assignments an empty package, not someone else’s', () => {
    const empty = buildJurorPackage({ ...input, juror: juror('j3', { nominationIds: ['n1'] }), jurorName: 'Третий' }).package;
    expect(empty.applications).toEqual([]);
    expect(empty.nominations).toEqual([]);
  });
});

describe('packJurorPackage', () => {
  const pkg = buildJurorPackage(input).package;

  it('refuses, naming the file, when an attachment’s bytes are not on this device', () => {
    const r = packJurorPackage(pkg, new Map([['f1', SMETA.bytes]]));
    expect(r).toMatchObject({ ok: false, code: 'missing-file' });
    if (!r.ok) expect(r.message).toMatch(/нет файлов «фото\.png» \(«Чистый берег Белой»\)/);
  });

  it('refuses a package over the size limit, in МБ, with the largest files', () => {
    const r = packJurorPackage(pkg, STORE, 2000);
    expect(r).toMatchObject({ ok: false, code: 'too-large' });
    if (!r.ok) expect(r.message).toMatch(/Муталлапова.*больше предела.*«смета\.pdf»/);
    expect(packJurorPackage(pkg, STORE).ok).toBe(true);
  });
});

describe('parseJurorPackage', () => {
  const pkg = buildJurorPackage(input).package;
  const bytes = serializeJurorPackage(pkg, STORE);

  it('round-trips, with every file checked and returned by its ref id', async () => {
    expect(await parseJurorPackage(bytes)).toEqual({ ok: true, package: pkg, files: new Map([['f1', SMETA.bytes], ['f2', PHOTO.bytes]]) });
  });

  it('refuses a package whose file bytes were changed, cut or extended, naming what is wrong', async () => {
    const flipped = new Uint8Array(bytes);
    flipped[bytes.length - 2] = flipped[bytes.length - 2]! ^ 0x01; // inside фото.png
    expect(await parseJurorPackage(flipped)).toMatchObject({ ok: false, code: 'malformed', message: expect.stringContaining('«фото.png»') });
    expect(await parseJurorPackage(bytes.slice(0, -1))).toMatchObject({ ok: false, code: 'malformed', message: expect.stringContaining('неполный') });
    expect(await parseJurorPackage(new Uint8Array([...bytes, 0]))).toMatchObject({ ok: false, code: 'malformed', message: expect.stringContaining('неполный') });
    const manifestOnly = bytes.subarray(0, bytes.indexOf(0x0a));
    expect(await parseJurorPackage(manifestOnly)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('still opens a version-1 package (refs only, no bytes), and refuses one with bytes after it', async () => {
    const v1: JurorPackage = { ...pkg, version: 1 };
    delete v1.reopens;
    const legacy = enc(JSON.stringify(v1));
    expect(await parseJurorPackage(legacy)).toEqual({ ok: true, package: v1, files: new Map() });
    expect(await parseJurorPackage(new Uint8Array([...legacy, 0x0a, ...SMETA.bytes]))).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('refuses a file over the limit before reading it', async () => {
    expect(await parseJurorPackage(new Uint8Array(MAX_JUROR_PACKAGE_BYTES + 1))).toMatchObject({ ok: false, code: 'too-large', message: expect.stringContaining('МБ') });
  });

  it('refuses other files with a reason', async () => {
    const encJson = (x: unknown) => enc(JSON.stringify(x));
    const noFiles: JurorPackage = { ...pkg, applications: pkg.applications.map((a) => ({ ...a, attachments: [] })) };
    expect(await parseJurorPackage(new Uint8Array([0xff, 0xfe, 0x00]))).toMatchObject({ ok: false, code: 'not-a-package' });
    expect(await parseJurorPackage(encJson({ format: 'skhod-score-file' }))).toMatchObject({ ok: false, code: 'not-a-package', message: expect.stringContaining('файл оценок') });
    expect(await parseJurorPackage(encJson({ ...noFiles, version: 9 }))).toMatchObject({ ok: false, code: 'unsupported-version' });
    expect(await parseJurorPackage(serializeJurorPackage({ ...noFiles, extra: 'leak' } as JurorPackage))).toMatchObject({ ok: false, code: 'malformed' });
    expect(await parseJurorPackage(serializeJurorPackage(noFiles))).toMatchObject({ ok: true });
    const orphan: JurorPackage = { ...noFiles, nominations: noFiles.nominations.slice(1) };
    expect(await parseJurorPackage(serializeJurorPackage(orphan))).toMatchObject({ ok: false, code: 'malformed', message: expect.stringContaining('нет формы') });
    const strayReopen: JurorPackage = { ...noFiles, reopens: [{ ...GRANT, applicationId: 'OTHER-juror-app' }] };
    expect(await parseJurorPackage(serializeJurorPackage(strayReopen))).toMatchObject({ ok: false, code: 'malformed' });
  });
});
