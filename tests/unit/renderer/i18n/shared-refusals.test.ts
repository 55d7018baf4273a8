/**
 * shared/'s refusals read in the interface language: for each area (exchange and enrolment files, report
 * files, juror packages and score files, the contest's rules, the organizer PIN) a representative refusal,
 * made by the real code, is worded in Russian exactly as before and, after switching i18next to English,
 * in English with its values — numbers and sizes the English way, plural forms chosen by count.
 */
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScoreText, validateContest } from '../../../../shared/contest';
import { explainShortfall } from '../../../../shared/contest/assignment-explain';
import { grantContestTemplate } from '../../../../shared/contest/template';
import { parseJurorPackage } from '../../../../shared/contest/juror-package';
import { verifyScoreFile } from '../../../../shared/contest/score-file';
import { photoBudgetProblem } from '../../../../shared/projects/report-file';
import { openReportPackage } from '../../../../shared/projects/report-package';
import { formatWait } from '../../../../shared/security/organizer-pin';
import { ExchangeError, readExchangeFile } from '../../../../shared/sync/exchange-file';
import { ValueError } from '../../../../shared/sync/schemas';
import { readEnrolmentFile } from '../../../../shared/trust/enrolment-file';
import { wordRu } from '../../../../shared/text/said';
import { errorText, sayText } from '../../../../renderer/i18n';

const CYRILLIC = /[А-Яа-яЁё]/;
const english = () => i18next.changeLanguage('en');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

async function thrown(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a refusal');
}

afterEach(async () => {
  await i18next.changeLanguage('ru');
});

describe('exchange and enrolment files', () => {
  it('a foreign file is refused in Russian, then in English', async () => {
    const e = await thrown(readExchangeFile(new TextEncoder().encode('просто текст, не файл обмена'), { eventKey: () => undefined }));
    expect(e).toBeInstanceOf(ExchangeError);
    expect((e as ExchangeError).code).toBe('not-an-exchange-file');
    expect(errorText(e)).toBe('Это не файл обмена Сход. Выберите файл, выгруженный на другом устройстве в разделе «Обмен».');
    expect((e as Error).message).toBe(errorText(e));
    await english();
    expect(errorText(e)).toBe('This is not a Skhod exchange file. Choose a file exported on another device in the «Exchange» section.');
  });

  it('a value over a limit names its table, field and the limit, the number written each language’s way', async () => {
    const e = new ValueError('string-too-long', 'people', 'notes');
    expect(plain(e.message)).toBe('Таблица «people», поле «notes»: текст длиннее 32 767 знаков (столько не помещается в ячейку таблицы) — сократите его.');
    await english();
    expect(errorText(e)).toBe('Table «people», field «notes»: the text is longer than 32,767 characters (a table cell cannot hold that much) — shorten it.');
  });

  it('a file that is not an enrolment file says who makes one', async () => {
    const e = await thrown(readEnrolmentFile(new Uint8Array(64)));
    expect(errorText(e)).toMatch(/^Это не файл подключения Сход/);
    await english();
    expect(errorText(e)).toBe('This is not a Skhod enrolment file. The organizer makes one: «Exchange» → «Enrol a device».');
  });
});

describe('report files and packages', () => {
  it('photos over the size limit are listed with their sizes and the limit', async () => {
    const problem = photoBudgetProblem([{ name: 'субботник.jpg', size: 4 * 1024 * 1024 }])!;
    expect(plain(wordRu(problem))).toBe(
      'Фотографии больше 3 МБ: «субботник.jpg» — 4 МБ. Уменьшите их (например, сохраните с меньшим разрешением) и приложите заново.',
    );
    await english();
    const again = photoBudgetProblem([{ name: 'субботник.jpg', size: 4 * 1024 * 1024 }])!;
    expect(plain(sayText(again))).toBe('Photos larger than 3 MB: «субботник.jpg» — 4 MB. Make them smaller (for example, save them at a lower resolution) and attach them again.');
  });

  it('a file that is not a report package', async () => {
    const r = await openReportPackage(new TextEncoder().encode('{"format":"something-else"}'), undefined);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.code).toBe('not-a-package');
    expect(r.message).toBe('Это не пакет отчёта Сход.');
    await english();
    expect(sayText(r.said)).toBe('This is not a Skhod report package.');
  });
});

describe('juror packages and score files', () => {
  it('a juror package given as a score file says what it is', async () => {
    const v = await verifyScoreFile(new TextEncoder().encode('{"format":"skhod-juror-package","version":2}'), { contestId: 'c1', jurors: new Map(), stored: new Map() });
    if (v.ok) throw new Error('expected a refusal');
    expect(v.message).toBe('Это пакет эксперта, а не файл оценок: его открывает эксперт, а организатор загружает файл оценок, присланный экспертом.');
    await english();
    expect(sayText(v.said)).toBe('This is a juror package, not a score file: the juror opens it, and the organizer loads the score file the juror sends back.');
  });

  it('a score file given as a juror package', async () => {
    const r = await parseJurorPackage(new TextEncoder().encode('{"format":"skhod-score-file"}'));
    if (r.ok) throw new Error('expected a refusal');
    expect(r.message).toBe('Это не пакет эксперта Сход. Это файл оценок — его загружает организатор.');
    await english();
    expect(sayText(r.said)).toBe('This is not a Skhod juror package. It is a score file — the organizer loads it.');
  });
});

describe('the contest’s rules', () => {
  const criterion = { title: 'Бюджет', min: 0, max: 10 };

  it('a score outside the scale names the criterion, the text and the scale', async () => {
    const r = parseScoreText('15', criterion);
    if (r.ok) throw new Error('expected a refusal');
    expect(r.message).toBe('«Бюджет»: «15» — не подходит; оценка от 0 до 10, целое число.');
    await english();
    expect(sayText(r.said)).toBe('«Бюджет»: «15» does not fit; the score is from 0 to 10, a whole number.');
  });

  it('a shortfall counts jurors with the plural each language needs', async () => {
    const s = explainShortfall({
      application: { id: 'a1', title: 'Двор моей мечты', nominationId: 'n1' },
      nominationTitle: 'Молодёжь',
      minReviews: 3,
      missing: 2,
      jurorsInNomination: 4,
      conflicted: 3,
      fullJurors: [],
    });
    expect(s.message).toBe(
      'Заявка «Двор моей мечты»: не хватает 2 независимых экспертов — 3 из 4 экспертов номинации в конфликте интересов. Добавьте экспертов в номинацию «Молодёжь» или снимите конфликт с обоснованием.',
    );
    await english();
    expect(sayText(s.said)).toBe(
      'Application «Двор моей мечты»: 2 independent jurors short — 3 of the nomination’s 4 jurors have a conflict of interest. Add jurors to the nomination «Молодёжь» or lift the conflict with a reason.',
    );
  });

  it('setup issues of a contest without a title, in English', async () => {
    const { contest, nominations } = grantContestTemplate({ contestId: 'c1', eventId: 'e1', title: ' ' });
    const issues = validateContest(contest, nominations);
    expect(issues.map((i) => i.message)).toContain('Укажите название конкурса.');
    await english();
    const words = issues.map((i) => sayText(i.said));
    expect(words).toContain('Enter the contest title.');
    expect(words.join(' ')).not.toMatch(CYRILLIC);
  });
});

describe('the organizer PIN', () => {
  it('the wait after wrong tries', async () => {
    expect(wordRu(formatWait(150_000))).toBe('2 мин 30 с');
    await english();
    expect(sayText(formatWait(150_000))).toBe('2 min 30 s');
  });
});
