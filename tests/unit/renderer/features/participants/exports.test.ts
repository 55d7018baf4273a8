import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { RegistrationRow } from '../../../../../renderer/hooks/use-participants';
import { exportByMunicipality, exportList, fileName, phoneForExport } from '../../../../../renderer/features/participants/exports';

const row = (i: number, over: { name?: string; org?: string; municipality?: string } = {}): RegistrationRow => ({
  registration: { id: `r${i}`, eventId: 'e', personId: `p${i}`, role: 'participant', category: 'ngo', municipalityId: 'm', status: 'confirmed', badgeCode: `B${i}`, sectionPrefs: [], source: 'import', createdAt: '' },
  person: { id: `p${i}`, surname: 'Иванов', name: 'Иван', patronymic: '', phone: '+79173451234', email: '@evil' },
  fullName: over.name ?? `Иванов Иван ${i}`,
  municipality: over.municipality ?? 'Бирский район',
  organization: over.org ?? 'ТОС',
});

const cells = (bytes: Uint8Array, sheet: string) => XLSX.utils.sheet_to_json<Array<string | number>>(XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets[sheet]!, { header: 1 });

describe('participant exports', () => {
  it('neutralizes every text cell a stranger typed (= + - @ tab CR) and keeps phones readable', () => {
    const hostile = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const bytes = exportList('Форум', '', hostile.map((h, i) => row(i, { name: h, org: h })), undefined, new Map());
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const ws = wb.Sheets['Участники']!;
    for (const addr of Object.keys(ws).filter((a) => !a.startsWith('!'))) expect(ws[addr]!.f).toBeUndefined();
    const body = cells(bytes, 'Участники').slice(3);
    expect(body.map((r) => r[1])).toEqual(hostile.map((h) => `'${h}`));
    expect(body.map((r) => r[3])).toEqual(hostile.map((h) => `'${h}`));
    expect(body[0]![6]).toBe("'@evil");
    expect(body[0]![5]).toBe('8 917 345-12-34');
  });

  it('writes one sheet per municipality after a summary', () => {
    const bytes = exportByMunicipality('Форум', [row(1), row(2, { municipality: 'г. Уфа' }), row(3, { municipality: '' })], undefined, new Map());
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['Сводка', 'Бирский район', 'г. Уфа', 'Без муниципалитета']);
    expect(cells(bytes, 'Сводка').slice(3)).toEqual([
      ['Бирский район', 1, 0],
      ['г. Уфа', 1, 0],
      ['Без муниципалитета', 1, 0],
    ]);
  });

  it('formats phones and file names for people', () => {
    expect(phoneForExport('+7 (999) 258-37-60')).toBe('8 999 258-37-60');
    expect(phoneForExport('доб. 5')).toBe('доб. 5');
    expect(phoneForExport(undefined)).toBe('');
    expect(fileName('Участники', 'Форум: 2019/20', '')).toBe('Участники — Форум 2019 20.xlsx');
  });
});
