import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, REPORT_FILE_FORMAT, verifyReportFile, writeReportFile, type ReportVerifyOptions, type StoredRound } from '../../../../shared/projects/report-file';
import { openReportPackage, writeReportPackage, type ReportPackage } from '../../../../shared/projects/report-package';
import { signEnvelope } from '../../../../shared/projects/signed-envelope';
import { interim, packageFor, photo, signer } from './report-fixtures';

const ITER = 1_000; // PBKDF2 rounds: the format's default is slow on purpose

async function setup(seed = 1) {
  const organizer = await signer('organizer');
  const team = await signer('team');
  const pkg: ReportPackage = { ...packageFor(seed, 0), publicKey: organizer.publicKey };
  const other: ReportPackage = { ...packageFor(seed, 1), publicKey: organizer.publicKey };
  const projects = new Map([pkg, other].map((p) => [p.project.id, { title: p.project.title, invitationSecret: p.invitationSecret }]));
  const opts = (stored: StoredRound[] = [], over: Partial<ReportVerifyOptions> = {}): ReportVerifyOptions => ({ eventId: pkg.eventId, projects, storedRounds: () => stored, ...over });
  return { organizer, team, pkg, other, opts };
}

async function file(pkg: ReportPackage, team: Awaited<ReturnType<typeof signer>>, photos = [photo(7, 2048)], createdAt = '2020-06-20T10:00:00.000Z') {
  const out = await writeReportFile({ pkg, signer: team, content: interim, photos, createdAt });
  if (!out.ok) throw new Error(out.message);
  return out.bytes;
}

describe('report files', () => {
  it('accepts an honest file with its photo, as a new received round of the project', async () => {
    const { pkg, team, opts } = await setup();
    const verdict = await verifyReportFile(await file(pkg, team), opts());
    expect(verdict).toMatchObject({ ok: true, outcome: 'new', report: { id: 'project-0|1', round: 1, kind: 'interim', review: 'received', reached: interim.reached, photoIds: ['photo-7'] } });
    if (verdict.ok) expect(verdict.photos[0]!.bytes).toEqual(photo(7, 2048).bytes);
  });

  it('refuses a file with one changed byte, in the signed text or in a photo, as tampered', async () => {
    const { pkg, team, opts } = await setup();
    const bytes = await file(pkg, team);
    const text = new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(0x0a)));
    const inText = bytes.slice();
    const at = text.indexOf('peopleInvolved\\":120') + 'peopleInvolved\\":'.length; // ASCII up to here: a char is a byte
    expect(at).toBeGreaterThan(100);
    inText[at] = '9'.charCodeAt(0); // peopleInvolved 120 → 920
    expect(await verifyReportFile(inText, opts())).toMatchObject({ ok: false, code: 'tampered' });
    const inPhoto = bytes.slice();
    inPhoto[bytes.length - 10]! ^= 0x01;
    const verdict = await verifyReportFile(inPhoto, opts());
    expect(verdict).toMatchObject({ ok: false, code: 'tampered' });
    expect(!verdict.ok && verdict.message).toContain('subbotnik.jpg');
    expect(await verifyReportFile(bytes.subarray(0, bytes.length - 100), opts())).toMatchObject({ ok: false, code: 'tampered' });
  });

  it('refuses a round older than one already accepted, and a round already returned, as stale', async () => {
    const { pkg, team, opts } = await setup();
    const bytes = await file(pkg, team);
    const accepted2: StoredRound[] = [{ round: 2, review: 'accepted', submittedAt: '2020-07-01T10:00:00.000Z' }];
    const stale = await verifyReportFile(bytes, opts(accepted2));
    expect(stale).toMatchObject({ ok: false, code: 'stale' });
    expect(!stale.ok && stale.message).toContain('уже принят отчёт 2-го раунда');
    const returned: StoredRound[] = [{ round: 1, review: 'returned', submittedAt: '2020-06-01T10:00:00.000Z' }];
    expect(await verifyReportFile(bytes, opts(returned))).toMatchObject({ ok: false, code: 'stale' });
    // the same file again is a no-op, a newer version of a round still waiting replaces it
    expect(await verifyReportFile(bytes, opts([{ round: 1, review: 'received', submittedAt: '2020-06-20T10:00:00.000Z' }]))).toMatchObject({ ok: true, outcome: 'unchanged' });
    expect(await verifyReportFile(bytes, opts([{ round: 1, review: 'received', submittedAt: '2020-06-10T10:00:00.000Z' }]))).toMatchObject({ ok: true, outcome: 'replaces' });
    expect(await verifyReportFile(bytes, opts([{ round: 1, review: 'received', submittedAt: '2020-06-25T10:00:00.000Z' }]))).toMatchObject({ ok: false, code: 'stale' });
  });

  it('refuses a file of another project or event as wrong-project', async () => {
    const { pkg, other, team, opts } = await setup();
    const verdict = await verifyReportFile(await file(pkg, team), opts([], { expectedProjectId: other.project.id }));
    expect(verdict).toMatchObject({ ok: false, code: 'wrong-project' });
    expect(!verdict.ok && verdict.message).toContain(`«${pkg.project.title}», а не «${other.project.title}»`);
    expect(await verifyReportFile(await file(pkg, team), opts([], { eventId: 'event-2' }))).toMatchObject({ ok: false, code: 'wrong-project' });
  });

  it('refuses a file whose key is not bound to the project’s package as wrong-key', async () => {
    const { pkg, other, team, opts } = await setup();
    // someone holding another project's package writes a file naming this project
    const forged = await file({ ...pkg, invitationSecret: other.invitationSecret }, team);
    expect(await verifyReportFile(forged, opts())).toMatchObject({ ok: false, code: 'wrong-key' });
  });

  it('keeps photos within the budget on writing and on import', async () => {
    const { pkg, team, opts } = await setup();
    const big = photo(8, MAX_PHOTO_BYTES + 1, 'prazdnik.jpg');
    const written = await writeReportFile({ pkg, signer: team, content: interim, photos: [big], createdAt: '2020-06-20T10:00:00.000Z' });
    expect(written).toMatchObject({ ok: false, code: 'too-large' });
    expect(!written.ok && written.message).toContain('«prazdnik.jpg»');
    const many = await writeReportFile({ pkg, signer: team, content: interim, photos: Array.from({ length: MAX_PHOTOS + 1 }, (_, i) => photo(i, 10)), createdAt: '2020-06-20T10:00:00.000Z' });
    expect(many).toMatchObject({ ok: false, code: 'too-large' });
    // a validly signed file from a device that skipped the budget is refused on import too
    const head = await signEnvelope(
      REPORT_FILE_FORMAT,
      { format: REPORT_FILE_FORMAT, version: 1, eventId: pkg.eventId, projectId: pkg.project.id, round: 1, kind: 'interim', publicKey: team.publicKey, keyBinding: 'x', createdAt: '2020-06-20T10:00:00.000Z', reached: {}, community: { founded: false }, text: '', milestones: [], photos: [{ id: 'p', name: 'prazdnik.jpg', mime: 'image/jpeg', size: big.bytes.length, sha256: '0'.repeat(64) }] },
      team,
    );
    const bytes = new Uint8Array([...new TextEncoder().encode(head), 0x0a, ...big.bytes]);
    expect(await verifyReportFile(bytes, opts())).toMatchObject({ ok: false, code: 'too-large' });
  });

  it('tells a score file from a report file', async () => {
    const { opts } = await setup();
    const score = new TextEncoder().encode(JSON.stringify({ format: 'skhod-score-file', payload: '{}', signature: 'x' }));
    const verdict = await verifyReportFile(score, opts());
    expect(verdict).toMatchObject({ ok: false, code: 'not-a-report-file' });
  });
});

describe('report packages', () => {
  it('opens with its code, signed by the organizer; refuses no code, a wrong code and another organizer’s key', async () => {
    const { organizer, pkg } = await setup();
    const { publicKey: _, ...plain } = pkg;
    const sealed = await writeReportPackage(plain, organizer, 'ABCD-EFGH-JKMN-PQRS', ITER);
    expect(await openReportPackage(sealed, 'abcd efgh jkmn pqrs')).toMatchObject({ ok: true, package: { project: { id: 'project-0' }, publicKey: organizer.publicKey } });
    expect(await openReportPackage(sealed, undefined)).toMatchObject({ ok: false, code: 'needs-code' });
    expect(await openReportPackage(sealed, 'ABCD-EFGH-JKMN-PQRT')).toMatchObject({ ok: false, code: 'wrong-code' });
    const stranger = await signer('stranger');
    const foreign = await writeReportPackage(plain, stranger, 'ABCD-EFGH-JKMN-PQRS', ITER);
    expect(await openReportPackage(foreign, 'ABCD-EFGH-JKMN-PQRS', () => organizer.publicKey)).toMatchObject({ ok: false, code: 'wrong-key' });
  });

  it('refuses a package whose signed text was changed before sealing as tampered', async () => {
    const { organizer, pkg } = await setup();
    const { publicKey: _, ...plain } = pkg;
    const { sealWithCode } = await import('../../../../shared/contest/code-seal');
    const text = await signEnvelope('skhod-report-package', { ...plain, publicKey: organizer.publicKey }, organizer);
    const changed = text.replace('"round\\":1', '"round\\":2');
    expect(changed).not.toBe(text);
    const sealed = await sealWithCode(new TextEncoder().encode(changed), 'ABCD-EFGH-JKMN-PQRS', new TextEncoder().encode('SKHODRP'), ITER);
    expect(await openReportPackage(sealed, 'ABCD-EFGH-JKMN-PQRS')).toMatchObject({ ok: false, code: 'tampered' });
  });
});
