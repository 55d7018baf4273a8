/**
 * Report-file fixtures, generated from a seed: a winning project from a municipality of Bashkortostan
 * with a team of realistic Russian names, its organizer-signed package, a team device key and photos.
 */
import { randomSecret } from '../../../../shared/crypto';
import { createRng } from '../../../../shared/generator/rng';
import type { ReportContent } from '../../../../shared/projects/report-file';
import type { ReportPackage } from '../../../../shared/projects/report-package';
import { createSigner, generateDeviceKeys } from '../../../../shared/sync/signing';

const SURNAMES = ['Галиуллина', 'Хабибуллин', 'Иванова', 'Сафина', 'Муратов', 'Ахметова', 'Кузнецов', 'Валиева'];
const NAMES = ['Алия', 'Ринат', 'Ольга', 'Гульнара', 'Айдар', 'Лилия', 'Сергей', 'Эльвира'];
const PATRONYMICS = ['Хамитовна', 'Рашитович', 'Петровна', 'Ильдаровна', 'Маратович', 'Фаритовна', 'Иванович', 'Азатовна'];
export const MUNICIPALITIES = ['г. Стерлитамак', 'Абзелиловский район', 'г. Нефтекамск', 'Бирский район', 'Белорецкий район', 'г. Сибай'];
const TITLES = ['Соседский центр «Берёзка»', 'Чистый берег Агидели', 'Школа сельского активиста', 'Двор нашей мечты', 'Молодёжный клуб «Импульс»'];

export const signer = async (name: string) => createSigner(name, await generateDeviceKeys());

/** A project's package as the organizer's device writes it (before sealing), for project `index` of the seed. */
export function packageFor(seed: number, index: number, over: Partial<Omit<ReportPackage, 'publicKey'>> = {}): Omit<ReportPackage, 'publicKey'> {
  const rng = createRng(seed * 31 + index);
  const team = Array.from({ length: rng.int(2, 4) }, (_, i) => `${SURNAMES[(index + i * 3) % SURNAMES.length]} ${rng.pick(NAMES)} ${rng.pick(PATRONYMICS)}`);
  return {
    format: 'skhod-report-package',
    version: 1,
    createdAt: '2020-02-01T09:00:00.000Z',
    eventId: 'event-1',
    eventTitle: 'Конференция «Конструктор сообществ»',
    project: {
      id: `project-${index}`,
      title: TITLES[index % TITLES.length]!,
      municipalityName: MUNICIPALITIES[index % MUNICIPALITIES.length]!,
      communityType: 'tos',
      grantAmount: 50_000 * rng.int(1, 6),
      planned: { peopleInvolved: rng.int(50, 400), eventsHeld: rng.int(3, 15), volunteers: rng.int(5, 40), moneyRaised: 10_000 * rng.int(0, 10) },
      plannedCommunity: { founded: true, name: 'ТОС «Солнечный»' },
      milestones: [
        { id: 'm1', title: 'Учредительное собрание сообщества', due: '2020-04-15' },
        { id: 'm2', title: 'Праздник двора', due: '2020-08-20' },
      ],
      interimReportDue: '2020-06-30',
      finalReportDue: '2020-10-31',
    },
    team,
    round: 1,
    invitationSecret: randomSecret(),
    returns: [],
    ...over,
  };
}

export const interim: ReportContent = {
  kind: 'interim',
  reached: { peopleInvolved: 120, eventsHeld: 4, volunteers: 15 },
  community: { founded: true, name: 'ТОС «Солнечный»' },
  text: 'Провели учредительное собрание, жители выбрали совет ТОС. Готовим праздник двора.',
  milestones: [
    { milestoneId: 'm1', state: 'done', doneOn: '2020-04-12' },
    { milestoneId: 'm2', state: 'not-started' },
  ],
};

/** Photo-like bytes (a JPEG start marker and seeded noise). */
export function photo(seed: number, size: number, name = 'subbotnik.jpg') {
  const rng = createRng(seed);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(0, 255);
  bytes.set([0xff, 0xd8, 0xff], 0);
  return { id: `photo-${seed}`, name, mime: 'image/jpeg', bytes };
}
