import { expect } from '@playwright/test';
import * as XLSX from 'xlsx';
import type { ContestPage } from './contest-page';
import { dismissStorageWarning } from './app-page';
import { signedScoreFile } from './results-page';

export const APPLICATION_HEADER = ['Название проекта', 'Краткое описание', 'Муниципалитет', 'Организация-заявитель', 'Запрашиваемая сумма, руб.'];

/** A workbook of applications as an organizer's table would hold them: one sheet «Заявки», header first. */
export function applicationsXlsx(
  rows: string[][] = [
    APPLICATION_HEADER,
    ['Школа сельского активиста', 'Обучение инициативных жителей сёл', 'Учалинский район', 'АНО «Развитие села»', '150 000'],
    ['Чистый берег Агидели', 'Субботники и экотропа вдоль реки', 'Агидель', 'Экологический клуб «Исток»', '80000'],
    ['Музей под открытым небом', 'Экспозиция старинной техники', 'Стерлитамак', 'МБУК «Краеведческий музей»', '320 000'],
    ['Двор моей мечты', 'Благоустройство двора силами жителей', 'Сибай', 'ТОС «Наш двор»', '60 000'],
  ],
): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Заявки');
  return Buffer.from(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
}

/**
 * The organizer's side through the UI: a contest from the template (official method: mean), four
 * admitted applications, three jurors, the assignment, scoring opened. Returns the jurors' names.
 */
export async function prepareContest(org: ContestPage): Promise<string[]> {
  const page = org.page;
  await dismissStorageWarning(page);
  await org.openOnDemo();
  await org.createFromTemplate();
  await org.tab('Заявки');
  await org.importApplications({ name: 'заявки.xlsx', buffer: applicationsXlsx() }, 4);
  await expect(org.admitted).toHaveCount(4);
  return addJurorsAndOpenScoring(org);
}

/** Three jurors from the demo's people, the exact assignment, scoring opened; returns the jurors' names. */
export async function addJurorsAndOpenScoring(org: ContestPage): Promise<string[]> {
  const page = org.page;
  await org.tab('Эксперты и конфликты');
  const candidates = await org.jurorCandidates(3);
  for (const c of candidates) await org.addJuror(c);
  await org.tab('Распределение');
  await page.getByRole('button', { name: 'Распределить заявки' }).click();
  await expect(page.getByText(/Распределено: каждая допущенная заявка получила/)).toBeVisible();
  await org.openScoring();
  return candidates.map((c) => c.split(' — ')[0]!);
}


export const SCHOOL = 'Школа сельского активиста';
export const RIVER = 'Чистый берег Агидели';
/** Per juror, the four applications' scores: the school wins and the river is second. */
const CLOSING_SCORES: Record<string, number[]> = { [SCHOOL]: [9, 9, 8], [RIVER]: [8, 7, 8], 'Музей под открытым небом': [6, 5, 6], 'Двор моей мечты': [5, 6, 4] };

/** A closed contest: `prepareContest`, every juror's signed scores loaded (`CLOSING_SCORES`), scoring closed. */
export async function closedContest(org: ContestPage): Promise<void> {
  const jurors = await prepareContest(org);
  await org.tab('Пакеты и оценки');
  for (const [i, name] of jurors.entries()) {
    const pkg = await org.downloadPackage(name);
    await org.loadScoreFile(await signedScoreFile(pkg, (title) => CLOSING_SCORES[title]?.[i] ?? null));
    await expect(org.fileVerdict('принят')).toBeVisible();
  }
  await org.closeScoring();
}
