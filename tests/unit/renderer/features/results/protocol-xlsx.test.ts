import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { computeResults, type ApplicationRef, type Criterion, type ResultsInput, type ScoreSheet } from '../../../../../shared/results';
import {
  COEFFICIENT_FORMAT,
  nominationBlock,
  protocolXlsx,
  SCORE_FORMAT,
  shortName,
  type ProtocolNomination,
  type ProtocolSource,
} from '../../../../../renderer/features/results/protocol-xlsx';
import { initI18n } from '../../../../../renderer/i18n';

initI18n('ru');

// ─── a contest of two nominations with different forms ────────────────────────────────────────

const INJECTED_TITLE = '=HYPERLINK("http://example.invalid";"Жми")';
const JURORS = [
  { id: 'j1', name: 'Иванова Анна Петровна' },
  // the same «Фамилия И. О.» as j1: the sheet names must still differ
  { id: 'j2', name: 'Иванова Алла Павловна' },
  { id: 'j3', name: 'Хасанов Ильдар Рамилевич' },
];

const at = (min: number) => new Date(Date.UTC(2019, 11, 1, 10, min)).toISOString();
const sheet = (jurorId: string, applicationId: string, values: Record<string, number | null>, extra: Partial<ScoreSheet> = {}): ScoreSheet => ({
  jurorId,
  applicationId,
  values,
  status: 'final',
  comment: 'Обоснование',
  ...extra,
});

const socialCriteria: Criterion[] = [
  { id: 'relevance', title: 'Актуальность', min: 0, max: 10, weight: 1 },
  { id: 'budget', title: 'Бюджет', min: 0, max: 10, weight: 0.5 },
];
const socialApps: ApplicationRef[] = [
  { id: 'a', title: 'Школа сельского активиста', submittedAt: at(0) },
  { id: 'b', title: INJECTED_TITLE, submittedAt: at(1) },
  { id: 'c', title: 'Музей под открытым небом', submittedAt: at(2) },
  { id: 'd', title: 'Двор моей мечты', submittedAt: at(3) },
];
const social: ResultsInput = {
  criteria: socialCriteria,
  applications: socialApps,
  sheets: [
    // totals j1: a 15, b 12, c 9, d 6; j2: a 14, b 11, c 9, d — a draft
    sheet('j1', 'a', { relevance: 10, budget: 10 }, { comment: '@SUM(1+1)' }),
    sheet('j1', 'b', { relevance: 8, budget: 8 }),
    sheet('j1', 'c', { relevance: 6, budget: 6 }, { comment: '-5 баллов за смету' }),
    sheet('j1', 'd', { relevance: 4, budget: 4 }),
    sheet('j2', 'a', { relevance: 9, budget: 10 }),
    sheet('j2', 'b', { relevance: 8, budget: 6 }),
    sheet('j2', 'c', { relevance: 7, budget: 4 }),
    sheet('j2', 'd', { relevance: 5, budget: null }, { status: 'draft' }),
  ],
  method: 'mean',
  tieBreaks: ['higher-median', 'earlier-submission'],
  blocks: [{ id: 'social', applicationIds: socialApps.map((a) => a.id) }],
};

const youthCriteria: Criterion[] = [{ id: 'idea', title: 'Идея', min: 0, max: 10, weight: 1 }];
const youthApps: ApplicationRef[] = [
  { id: 'x', title: 'Молодёжный медиацентр', submittedAt: at(5) },
  { id: 'y', title: 'Волонтёры Агидели', submittedAt: at(6) },
  { id: 'z', title: 'Кибердружина', submittedAt: at(7) },
];
const youth: ResultsInput = {
  criteria: youthCriteria,
  applications: youthApps,
  // means: x 7,5; y 3,5; z 3,5 — y and z tie, y was submitted earlier
  sheets: [sheet('j1', 'x', { idea: 7 }), sheet('j1', 'y', { idea: 5 }), sheet('j1', 'z', { idea: 3 }), sheet('j3', 'x', { idea: 8 }), sheet('j3', 'y', { idea: 2 }), sheet('j3', 'z', { idea: 4 })],
  method: 'mean',
  tieBreaks: ['higher-median', 'earlier-submission'],
  blocks: [{ id: 'youth', applicationIds: youthApps.map((a) => a.id) }],
};

function nomination(id: string, title: string, input: ResultsInput, jurorIds: string[]): ProtocolNomination {
  return { nominationId: id, title, input, results: computeResults(input), jurors: JURORS.filter((j) => jurorIds.includes(j.id)), skipped: [] };
}

const source: ProtocolSource = {
  contestTitle: 'Конкурс социальных проектов',
  eventTitle: 'Конференция «Сход», Уфа',
  date: '14 декабря 2019 г.',
  jurors: JURORS,
  nominations: [nomination('social', 'Социальные проекты', social, ['j1', 'j2']), nomination('youth', 'Молодёжные инициативы', youth, ['j1', 'j3'])],
  chair: 'Муталлапова А. Х.',
  secretary: 'Хасанова Л. Р.',
  status: 'closed',
  scoringLog: [],
  removedJurors: [],
};

// ─── reading it back ───────────────────────────────────────────────────────────────────────────

const wb = XLSX.read(protocolXlsx(source), { type: 'array', cellNF: true });
type Row = (string | number | undefined)[];
const rowsOf = (name: string) => XLSX.utils.sheet_to_json<Row>(wb.Sheets[name]!, { header: 1, blankrows: true, defval: undefined });
/** The cell at a row found by its first cell's text and a column. */
function cellAt(name: string, rowIndex: number, col: number): XLSX.CellObject | undefined {
  return wb.Sheets[name]![XLSX.utils.encode_cell({ r: rowIndex, c: col })] as XLSX.CellObject | undefined;
}
const indexOfRow = (rows: Row[], first: string, from = 0) => rows.findIndex((r, i) => i >= from && r[0] === first);

describe('the protocol workbook', () => {
  it('has «Итоги», one sheet per juror who sent sheets, and «Статистика», in that order', () => {
    expect(wb.SheetNames).toEqual(['Итоги', 'Иванова А. П.', 'Иванова А. П. (2)', 'Хасанов И. Р.', 'Статистика']);
  });

  it('«Итоги» has a table of places of its own for every nomination, each with its Kendall W', () => {
    const rows = rowsOf('Итоги');
    expect(rows[0]![0]).toBe('Протокол заседания конкурсной комиссии');
    expect(rows.some((r) => r[0] === 'Дата: 14 декабря 2019 г.')).toBe(true);
    expect(rows.some((r) => String(r[0]).startsWith('Состав комиссии: Иванова Анна Петровна, Иванова Алла Павловна, Хасанов Ильдар Рамилевич'))).toBe(true);

    const socialAt = indexOfRow(rows, 'Номинация: Социальные проекты');
    const youthAt = indexOfRow(rows, 'Номинация: Молодёжные инициативы');
    expect(socialAt).toBeGreaterThan(0);
    expect(youthAt).toBeGreaterThan(socialAt);

    const socialHeader = indexOfRow(rows, 'Место', socialAt);
    expect(socialHeader).toBeLessThan(youthAt);
    expect(rows.slice(socialHeader + 1, socialHeader + 5).map((r) => [r[0], r[1], r[4]])).toEqual([
      [1, 'Школа сельского активиста', 2],
      [2, `'${INJECTED_TITLE}`, 2],
      [3, 'Музей под открытым небом', 2],
      [4, 'Двор моей мечты', 1],
    ]);
    expect(rows[socialAt + 1]![0]).toBe('Учтено листов оценок: 7. Не учтены: 1 черновик.');

    const youthHeader = indexOfRow(rows, 'Место', youthAt);
    const youthRows = rows.slice(youthHeader + 1, youthHeader + 4);
    expect(youthRows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [1, 'Молодёжный медиацентр', 7.5, 'по баллу'],
      [2, 'Волонтёры Агидели', 3.5, 'при равенстве: заявка подана раньше'],
      [3, 'Кибердружина', 3.5, 'при равенстве: заявка подана раньше'],
    ]);

    // W per nomination: both jurors of «Социальные проекты» order a > b > c; in «Молодёжные» they disagree on y and z
    const wSocial = rows[indexOfRow(rows, 'W Кендалла', socialAt)]!;
    const wYouth = rows[indexOfRow(rows, 'W Кендалла', youthAt)]!;
    expect(wSocial[1]).toBeCloseTo(source.nominations[0]!.results.reliability.blocks[0]!.kendall.w!, 12);
    expect(wSocial[1]).toBeCloseTo(1, 12);
    expect(wYouth[1]).toBeCloseTo(source.nominations[1]!.results.reliability.blocks[0]!.kendall.w!, 12);
    expect(wYouth[1] as number).toBeLessThan(1);
  });

  it('ends «Итоги» with signature lines for the chair and the secretary, and the meeting date chosen for the PDF', () => {
    const rows = rowsOf('Итоги').filter((r) => r.some(Boolean));
    expect(rows.at(-3)!.filter(Boolean)).toEqual(['Председатель конкурсной комиссии', '____________________', '/ Муталлапова А. Х. /']);
    expect(rows.at(-2)!.filter(Boolean)).toEqual(['Секретарь конкурсной комиссии', '____________________', '/ Хасанова Л. Р. /']);
    expect(rows.at(-1)).toEqual(['Дата: 14 декабря 2019 г.']);
  });

  it('approves the results only once scoring is closed; says why scoring reopened and whose scores were excluded', () => {
    const final = rowsOf('Итоги').map((r) => r[0]);
    expect(final).toContain('Комиссия решила утвердить следующие результаты конкурса по номинациям:');
    const open = XLSX.read(
      protocolXlsx({
        ...source,
        status: 'scoring',
        scoringLog: [{ action: 'reopen', at: '2019-12-20T10:00:00.000Z', by: 'организатор', reason: 'файл эксперта пришёл позже' }],
        removedJurors: [{ jurorId: 'jx', name: 'Петров Пётр Петрович', at: '2019-12-19T10:00:00.000Z', by: 'организатор', reason: 'конфликт интересов', sheets: 'excluded', finalSheets: 5 }],
      }),
      { type: 'array' },
    );
    const lines = XLSX.utils.sheet_to_json<Row>(open.Sheets['Итоги']!, { header: 1 }).map((r) => r[0]);
    expect(lines.join('\n')).not.toContain('Комиссия решила');
    expect(lines).toContain('Итоги предварительные: приём оценок не закрыт, результаты могут измениться и не утверждаются.');
    expect(lines).toContain('Приём оценок открывался заново 20 декабря 2019 г.: файл эксперта пришёл позже.');
    expect(lines).toContain('Оценки эксперта Петров Пётр Петрович исключены (5 завершённых листов): конфликт интересов.');
  });

  it('keeps scores as numbers with a decimal format, so Russian Excel shows «14,50» and can still add them up', () => {
    const rows = rowsOf('Итоги');
    const header = indexOfRow(rows, 'Место', indexOfRow(rows, 'Номинация: Социальные проекты'));
    const winnerScore = cellAt('Итоги', header + 1, 2)!;
    expect(winnerScore.t).toBe('n');
    expect(winnerScore.v).toBe(14.5);
    expect(winnerScore.z).toBe(SCORE_FORMAT);
    // Borda is a share 0…1: three decimals, like the other coefficients
    const headerRow = rows[header]!;
    const borda = cellAt('Итоги', header + 1, headerRow.indexOf('Борда'))!;
    expect(borda.t).toBe('n');
    expect(borda.z).toBe(COEFFICIENT_FORMAT);
    // the place is a plain integer
    expect(cellAt('Итоги', header + 1, 0)!.z ?? 'General').toBe('General');
    // and no numeric value was written as text with a comma
    for (const r of rows) for (const v of r) if (typeof v === 'string') expect(v).not.toMatch(/^-?\d+,\d+$/);
  });

  it('neutralizes formula injection in every sheet: such text is stored as a string with a guard, never as a formula', () => {
    for (const name of wb.SheetNames) {
      const ws = wb.Sheets[name]!;
      for (const [addr, cell] of Object.entries(ws)) {
        if (addr.startsWith('!')) continue;
        const c = cell as XLSX.CellObject;
        expect(c.f, `${name}!${addr}`).toBeUndefined();
        if (c.t === 's') expect(String(c.v), `${name}!${addr}`).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
    const j1 = rowsOf('Иванова А. П.');
    const flat = j1.flat();
    expect(flat).toContain("'@SUM(1+1)");
    expect(flat).toContain("'-5 баллов за смету");
    expect(flat).toContain(`'${INJECTED_TITLE}`);
  });

  it('a juror of two nominations gets both, each with that nomination’s own criteria and coefficients', () => {
    const rows = rowsOf('Иванова А. П.');
    expect(rows[0]![0]).toBe('Эксперт: Иванова Анна Петровна');
    const s = indexOfRow(rows, 'Номинация: Социальные проекты');
    const y = indexOfRow(rows, 'Номинация: Молодёжные инициативы');
    expect(s).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(s);
    expect(rows[s + 1]).toEqual(['Заявка', 'Актуальность (×1)', 'Бюджет (×0,5)', 'Итого', 'Учтён', 'Обоснование']);
    expect(rows[s + 2]).toEqual(['Школа сельского активиста', 10, 10, 15, 'да', "'@SUM(1+1)"]);
    expect(rows[y + 1]).toEqual(['Заявка', 'Идея (×1)', 'Итого', 'Учтён', 'Обоснование']);
    expect(rows.slice(y + 2, y + 5).map((r) => r[2])).toEqual([7, 5, 3]);
    // the juror's total is a formatted number too
    const total = cellAt('Иванова А. П.', s + 2, 3)!;
    expect(total.t).toBe('n');
    expect(total.z).toBe(SCORE_FORMAT);
  });

  it('says in Russian why a sheet did not count, and leaves its total empty', () => {
    const rows = rowsOf('Иванова А. П. (2)');
    expect(rows[0]![0]).toBe('Эксперт: Иванова Алла Павловна');
    expect(indexOfRow(rows, 'Номинация: Молодёжные инициативы')).toBe(-1);
    const draft = rows.find((r) => r[0] === 'Двор моей мечты')!;
    expect(draft[1]).toBe(5);
    expect(draft[2]).toBeUndefined(); // the criterion left empty
    expect(draft[3]).toBeUndefined(); // no total for a sheet that did not count
    expect(draft[4]).toBe('нет: черновик');
  });

  it('«Статистика» repeats agreement, jurors, divergence and places by method for each nomination', () => {
    const rows = rowsOf('Статистика');
    const s = indexOfRow(rows, 'Номинация: Социальные проекты');
    const y = indexOfRow(rows, 'Номинация: Молодёжные инициативы');
    expect(s).toBe(0);
    expect(y).toBeGreaterThan(s);
    for (const [from, to] of [
      [s, y],
      [y, rows.length],
    ] as const) {
      const part = rows.slice(from, to);
      expect(part.filter((r) => r[0] === 'W Кендалла')).toHaveLength(1);
      expect(part.filter((r) => r[0] === 'Эксперт')).toHaveLength(1);
      expect(part.filter((r) => r[0] === 'Места по методам')).toHaveLength(1);
    }
    // the jurors of each nomination only
    const jurorsOf = (from: number) => {
      const h = indexOfRow(rows, 'Эксперт', from);
      const out: string[] = [];
      for (let i = h + 1; rows[i] && rows[i]!.length > 0 && rows[i]![0] !== undefined; i++) out.push(String(rows[i]![0]));
      return out;
    };
    expect(jurorsOf(s)).toEqual(['Иванова Анна Петровна', 'Иванова Алла Павловна']);
    expect(jurorsOf(y)).toEqual(['Иванова Анна Петровна', 'Хасанов Ильдар Рамилевич']);
    // the coefficient cells carry three decimals
    const wRow = indexOfRow(rows, 'W Кендалла', y);
    expect(cellAt('Статистика', wRow, 1)!.z).toBe(COEFFICIENT_FORMAT);
  });

  it('prints «< 0,001» for a tiny p rather than a rounded zero', () => {
    // 12 applications that two jurors order identically: p of W is far below 0.001
    const many: ApplicationRef[] = Array.from({ length: 12 }, (_, i) => ({ id: `m${i}`, title: `Проект ${i + 1}`, submittedAt: at(i) }));
    const input: ResultsInput = {
      criteria: [{ id: 'idea', title: 'Идея', min: 0, max: 20, weight: 1 }],
      applications: many,
      sheets: ['j1', 'j3', 'j2'].flatMap((j) => many.map((a, i) => sheet(j, a.id, { idea: 20 - i }))),
      method: 'mean',
      tieBreaks: [],
      blocks: [{ id: 'm', applicationIds: many.map((a) => a.id) }],
    };
    const one = XLSX.read(protocolXlsx({ ...source, nominations: [nomination('m', 'Большая', input, ['j1', 'j2', 'j3'])] }), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<Row>(one.Sheets['Итоги']!, { header: 1 });
    const w = rows.find((r) => r[0] === 'W Кендалла')!;
    expect(w[2]).toBe('p');
    expect(w[3]).toBe('< 0,001');
  });

  it('a nomination without a complete block says why W is not given', () => {
    const sparse: ResultsInput = { ...youth, sheets: youth.sheets.filter((s) => !(s.jurorId === 'j3' && s.applicationId === 'z')) };
    const n = nomination('youth', 'Молодёжные инициативы', sparse, ['j1', 'j3']);
    expect(nominationBlock(n)).toBeUndefined();
    const one = XLSX.read(protocolXlsx({ ...source, nominations: [n] }), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<Row>(one.Sheets['Итоги']!, { header: 1 });
    expect(rows.find((r) => r[0] === 'W Кендалла')![1]).toBe('не считается: нет трёх заявок, оценённых одними и теми же экспертами');
  });
});

describe('juror sheet names', () => {
  it('fit Excel’s 31 characters, stay unique, and never take a fixed sheet’s name', () => {
    const long = 'Абдрахмановагалиакбаровашарафутдинова';
    const renamed = [
      { id: 'j1', name: `${long} Анна Петровна` },
      { id: 'j2', name: `${long} Алла Павловна` },
      { id: 'j3', name: 'Итоги' },
    ];
    const book = XLSX.read(protocolXlsx({ ...source, jurors: renamed, nominations: source.nominations.map((n) => ({ ...n, jurors: renamed })) }), { type: 'array' });
    const jurorSheets = book.SheetNames.slice(1, -1);
    expect(jurorSheets).toHaveLength(3);
    for (const name of book.SheetNames) expect(name.length).toBeLessThanOrEqual(31);
    expect(new Set(book.SheetNames.map((n) => n.toLowerCase())).size).toBe(book.SheetNames.length);
    expect(jurorSheets[2]).toBe('Итоги (2)');
  });
});

describe('shortName', () => {
  it('keeps the surname and turns the rest into initials', () => {
    expect(shortName('Иванова Анна Петровна')).toBe('Иванова А. П.');
    expect(shortName('  Муталлапова   Альфия ')).toBe('Муталлапова А.');
    expect(shortName('Ёлкин')).toBe('Ёлкин');
    expect(shortName('')).toBe('');
  });
});
