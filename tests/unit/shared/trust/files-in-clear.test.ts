/**
 * Issue 19, «Encrypted files»: an exchange file and a juror package hold no participant's name, phone
 * or PIN hash in any byte — neither as they are nor in anything inside them that inflates as gzip —
 * and only a device with the key (the event key; a juror package's access code) opens them.
 */
import { describe, expect, it } from 'vitest';
import { buildJurorPackage, newPackageCode, parseJurorPackage, sealJurorPackage, serializeJurorPackage } from '../../../../shared/contest/juror-package';
import { grantContestTemplate } from '../../../../shared/contest/template';
import { generatePeople } from '../../../../shared/generator/generate-people';
import { makeOrganizerPin } from '../../../../shared/security/organizer-pin';
import { gunzip } from '../../../../shared/sync/gzip';
import { ExchangeError, readExchangeFile } from '../../../../shared/sync/exchange-file';
import { verifyBatches } from '../../../../shared/trust/batches';
import { newEventKey } from '../../../../shared/trust/event-key';
import { app, juror } from '../contest/fixtures';
import { EVENT, makeSite, open, ownFile, put } from './fixtures';

const places = [
  { name: 'Бирский район', kind: 'district', region: 'Республика Башкортостан', federalDistrict: 'Приволжский федеральный округ' },
  { name: 'г. Уфа', kind: 'city', region: 'Республика Башкортостан', federalDistrict: 'Приволжский федеральный округ' },
] as const;
const people = generatePeople({ seed: 19, count: 60, municipalities: places });
const utf8 = (s: string) => new TextEncoder().encode(s);

function contains(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** The file's bytes and whatever inflates from every gzip header found in them. */
async function everyReadableLayer(bytes: Uint8Array): Promise<Uint8Array[]> {
  const layers = [bytes];
  for (let i = 0; i + 2 < bytes.length; i++) {
    if (bytes[i] !== 0x1f || bytes[i + 1] !== 0x8b || bytes[i + 2] !== 0x08) continue;
    layers.push(await gunzip(bytes.subarray(i), 64 * 1024 * 1024).catch(() => new Uint8Array()));
  }
  return layers;
}

async function leaks(bytes: Uint8Array, secrets: readonly string[]): Promise<string[]> {
  const layers = await everyReadableLayer(bytes);
  return secrets.filter((s) => layers.some((l) => contains(l, utf8(s))));
}

describe('files in the clear', () => {
  it('an exchange file shows no participant’s surname, phone or the organizer PIN hash; no event key → named error', async () => {
    const site = await makeSite();
    const org = site.organizer.signer.deviceId;
    const pin = await makeOrganizerPin('24681357', { deviceId: org, now: new Date('2026-12-01T09:00:00Z') });
    const changes = [
      put(org, 0, 'events', EVENT, { id: EVENT, title: 'Конференция', organizerPin: pin }),
      ...people.map((p, i) => put(org, i + 1, 'people', p.key, { id: p.key, surname: p.surname, name: p.name, patronymic: p.patronymic, phone: p.phone })),
    ];
    const bytes = await ownFile(site, site.organizer, changes);
    const secrets = [...people.flatMap((p) => [p.surname, `${p.surname} ${p.name}`, p.phone]), pin.hash, pin.salt];
    expect(await leaks(bytes, secrets)).toEqual([]);
    // the test can find them: the same names are there once the file is opened with the key
    const opened = await verifyBatches(site.root, (await open(site, bytes)).batches);
    expect(opened.accepted[0]!.changes.map((c) => c.fields.surname)).toContain(people[0]!.surname);
    const other = newEventKey();
    const refused = await readExchangeFile(bytes, { eventKey: () => other }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ExchangeError);
    expect((refused as ExchangeError).code).toBe('no-event-key');
  });

  it('a sealed juror package shows no juror, organization or application; opens only with its access code', async () => {
    const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1', title: 'Конкурс', nominations: [{ id: 'n1', title: 'Молодёжь' }] });
    const jurorName = `${people[0]!.surname} ${people[0]!.name} ${people[0]!.patronymic}`;
    const { package: pkg } = buildJurorPackage({
      contest: { ...contest, status: 'scoring' },
      nominations,
      applications: [app('a1', { title: 'Школа волонтёров Бирска', summary: `Руководитель — ${people[1]!.surname}`, organizationId: 'o1' })],
      assignments: [{ jurorId: 'j1', applicationId: 'a1' }],
      conflicts: [],
      juror: juror('j1', { nominationIds: ['n1'] }),
      jurorName,
      invitationSecret: 'S3cr3t-invitation_secret-0123456789abcdef',
      createdAt: '2026-12-01T10:00:00Z',
      organizationName: () => people[2]!.organization,
    });
    const plain = serializeJurorPackage(pkg);
    const code = newPackageCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    const sealed = await sealJurorPackage(plain, code, 1_000);
    const secrets = [people[0]!.surname, people[1]!.surname, people[2]!.organization, 'Школа волонтёров', 'S3cr3t-invitation'];
    expect(await leaks(plain, secrets)).toEqual(secrets); // the test would see them in a package in the clear
    expect(await leaks(sealed, secrets)).toEqual([]);
    expect(await parseJurorPackage(sealed)).toMatchObject({ ok: false, code: 'needs-code' });
    expect(await parseJurorPackage(sealed, newPackageCode())).toMatchObject({ ok: false, code: 'wrong-code' });
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const opened = await parseJurorPackage(sealed, typed);
    expect(opened.ok && opened.package.juror.name).toBe(jurorName);
  });
});
