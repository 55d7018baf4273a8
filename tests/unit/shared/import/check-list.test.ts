import { describe, expect, it } from 'vitest';
import { checkList, sheetToXlsx } from '../../../../shared/import';
import { loadMunicipalities, messyList, renamedPdf } from '../../../fixtures/import-fixtures';

const municipalities = loadMunicipalities();

describe('checkList JSON contract', () => {
  const list = messyList(31, 40);
  const bytes = sheetToXlsx(list);

  it('has exactly the agreed keys, in order', () => {
    const r = checkList(bytes, { fileName: 'd.xlsx', municipalities });
    expect(Object.keys(r)).toEqual(['file', 'format', 'encoding', 'sheet', 'headerRow', 'mapping', 'rows', 'valid', 'errors', 'duplicatesInFile']);
    expect(r).toMatchObject({ file: 'd.xlsx', format: 'xlsx', encoding: null, sheet: 'Делегаты', headerRow: list.truth.headerRow });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('maps fields to the header text they were recognized from', () => {
    const r = checkList(bytes, { fileName: 'd.xlsx', municipalities });
    expect('mapping' in r && r.mapping).toEqual({
      fullName: 'Ф.И.О. (полностью)',
      position: 'Должность',
      organization: 'Организация',
      phone: 'Телефон',
      email: 'Эл. почта',
      municipality: 'Район / город',
      category: 'Категория участника',
      section: 'Секция',
    });
  });

  it('adds records with exactly the agreed keys when asked', () => {
    const r = checkList(bytes, { fileName: 'd.xlsx', municipalities, records: true });
    if (!('records' in r) || !r.records) throw new Error('no records');
    expect(r.records).toHaveLength(r.rows);
    expect(Object.keys(r.records[0]!)).toEqual(['row', 'surname', 'name', 'patronymic', 'initials', 'position', 'organization', 'phone', 'email', 'municipality', 'category', 'section']);
    expect(r.errors.every((e) => Object.keys(e).join() === 'row,field,message')).toBe(true);
  });

  it('is { file, error: { code, message } } for an unreadable file', () => {
    const r = checkList(renamedPdf(), { fileName: 'x.xlsx', municipalities });
    expect(Object.keys(r)).toEqual(['file', 'error']);
    expect('error' in r && Object.keys(r.error)).toEqual(['code', 'message']);
  });
});
