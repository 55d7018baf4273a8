/**
 * The import's messages from shared/ on screen follow the interface language (issue 23): a refused file, a row's
 * problem, a field's name and a duplicate's evidence read in English after the switch, with their values, and
 * in Russian exactly as before (the `message` the CLI and the JSON keep).
 */
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeList, evidenceLabel, fieldLabel, ImportError, readSpreadsheet, sheetToXlsx, timeoutError } from '../../../../../shared/import';
import { issueOnly } from '../../../../../shared/import/errors';
import { errorText, sayText } from '../../../../../renderer/i18n';
import { hostileFiles, loadMunicipalities, messyList, renamedPdf, workbook } from '../../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();
/** Cyrillic outside «quotes» (quoted text is the file's own: a sheet name, a cell, a header to write). */
const russianWords = (text: string) => text.replace(/«[^»]*»/g, '').match(/[А-Яа-яЁё]+/g) ?? [];

function refusal(bytes: Uint8Array, fileName: string, limits = {}): ImportError {
  try {
    readSpreadsheet(bytes, { fileName, limits });
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error(`${fileName} was read`);
}

function refusalOf(bytes: Uint8Array, fileName: string): ImportError {
  try {
    analyzeList(bytes, { fileName, municipalities });
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error(`${fileName} was read`);
}

afterEach(async () => {
  await i18next.changeLanguage('ru');
});

describe('a refused file', () => {
  it('reads «not a spreadsheet but a PDF document» in English, the Russian unchanged', async () => {
    const e = refusal(renamedPdf(), 'list.xlsx');
    expect(e.code).toBe('not-a-spreadsheet');
    expect(errorText(e)).toBe(e.message);
    expect(e.message).toBe('Это не таблица, а PDF-документ. Откройте список в Excel или LibreOffice и сохраните его как .xlsx (или .csv), затем выберите этот файл.');
    await i18next.changeLanguage('en');
    expect(errorText(e)).toBe('This is not a spreadsheet but a PDF document. Open the list in Excel or LibreOffice, save it as .xlsx (or .csv) and choose that file.');
  });

  it('words sizes, counts and the place of a bad header the English way', async () => {
    const big = refusal(sheetToXlsx(messyList(3, 40)), 'big.xlsx', { maxBytes: 1024 });
    const header = refusalOf(hostileFiles.find((h) => h.name === '100,000-character header')!.bytes(), 'long.xlsx');
    expect(big.message).toMatch(/^Файл слишком большой: \d+(,\d)?\u00a0КБ \(можно до 1\u00a0КБ\)\./);
    expect(header.message).toMatch(/^Лист «Делегаты», столбец C \(строка 1\): заголовок длиной 100\s000 символов \(можно до 500\)/);
    await i18next.changeLanguage('en');
    expect(errorText(big)).toMatch(/^The file is too large: \d+(\.\d)?\u00a0KB \(the limit is 1\u00a0KB\)\. Delete extra sheets/);
    expect(errorText(header)).toBe('Sheet «Делегаты», column C (row 1): the header is 100,000 characters long (the limit is 500). Shorten it to a few words.');
    expect(errorText(timeoutError(60_000))).toBe(
      'Reading the file took longer than 60 s and was stopped. Open the file in Excel, delete extra sheets and rows and save it again (or save it as CSV).',
    );
  });

  it('every hostile file is refused in English words (only the file’s own quoted text stays Russian)', async () => {
    const refusals = hostileFiles.map((h) => refusalOf(h.bytes(), h.fileName));
    await i18next.changeLanguage('en');
    for (const e of refusals) {
      const text = errorText(e);
      expect(text, e.code).not.toBe(e.message);
      expect(russianWords(text), text).toEqual([]);
    }
  });
});

describe('a row’s problems', () => {
  it('name the sheet, the row and the field in English; the Russian message is the CLI’s', async () => {
    const bytes = workbook([
      {
        name: 'Делегаты',
        rows: [
          ['Фамилия', 'Имя', 'Отчество', 'Телефон', 'Район'],
          ['', 'Алия', 'Хамитовна', '89173451234', 'Бирский район'],
          ['Ивaнов', 'Пётр', 'Сергеевич', 'не помню', 'Нарния'],
        ],
      },
    ]);
    const { report, warnings } = analyzeList(bytes, { fileName: 'list.xlsx', municipalities });
    const [missing] = report.errors;
    expect(missing!.message).toBe('Лист «Делегаты», строка 2: нет фамилии');
    const lookalike = warnings.find((w) => w.field === 'surname')!;
    expect(lookalike.message).toBe('Лист «Делегаты», строка 3: в столбце «Фамилия» латинские буквы среди русских заменены на русские («Иванов»)');
    await i18next.changeLanguage('en');
    const again = analyzeList(bytes, { fileName: 'list.xlsx', municipalities });
    expect(again.report.errors[0]!.message).toBe(missing!.message);
    const en = again.warnings.map((w) => sayText(w.said));
    expect(en).toEqual([
      'Sheet «Делегаты», row 3: in the «Surname» column Latin letters among Russian ones were replaced with Russian ones («Иванов»)',
      'Sheet «Делегаты», row 3: the phone «не помню» was not recognized — a Russian number of 10 digits after +7 or 8 is needed',
      'Sheet «Делегаты», row 3: the municipality «Нарния» is not in the directory — choose it by hand or add it to the directory',
    ]);
    expect(sayText(issueOnly(again.warnings[1]!))).toBe('the phone «не помню» was not recognized — a Russian number of 10 digits after +7 or 8 is needed');
  });

  it('field names and duplicate evidence come from one catalog in both languages', async () => {
    expect(sayText(fieldLabel('patronymic'))).toBe('Отчество');
    expect(sayText(evidenceLabel('other-municipality'))).toBe('другой муниципалитет');
    await i18next.changeLanguage('en');
    expect(sayText(fieldLabel('patronymic'))).toBe('Patronymic');
    expect(sayText(evidenceLabel('other-municipality'))).toBe('different municipality');
  });
});
