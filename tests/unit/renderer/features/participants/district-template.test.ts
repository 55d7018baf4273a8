import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { DbContext } from '../../../../../renderer/db/context';
import { loadDelegates } from '../../../../../renderer/db/repo/participants';
import { buildDistrictTemplate, TEMPLATE_SHEET } from '../../../../../renderer/features/participants/district-template';
import { openDemoEvent } from '../../../../../renderer/features/onboarding/open-demo';
import { TEMPLATE_COLUMNS } from '../../../../../shared/import/formats';
import { KEY_HEADER } from '../../../../../shared/import/header';
import { freshDb } from '../../db/helpers';
import { analyze, runImport } from '../import/pipeline';

let ctx: DbContext | undefined;
afterEach(() => ctx?.db.close());

async function template(c: DbContext) {
  const eventId = await openDemoEvent(c);
  const event = (await c.db.events.get(eventId))!;
  // the biggest delegation of the reference municipalities
  const d = (await c.db.delegations.where('eventId').equals(eventId).toArray()).filter((x) => x.municipalityId.startsWith('ref:')).sort((a, b) => b.expected - a.expected)[0]!;
  const municipality = (await c.db.municipalities.get(d.municipalityId))!.name;
  const { delegates, sections } = await loadDelegates(c, eventId, d.municipalityId);
  const bytes = await buildDistrictTemplate({ event, municipality, delegates, sections });
  return { eventId, municipalityId: d.municipalityId, municipality, delegates, bytes };
}

describe('district template', () => {
  it('has instructions, the delegates with a hidden key column and drop-down lists', async () => {
    ctx = await freshDb();
    const t = await template(ctx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(t.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Инструкция', TEMPLATE_SHEET, 'Списки']);
    expect(wb.getWorksheet('Списки')!.state).toBe('hidden');
    const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(ws.getCell('A3').value).toBe(KEY_HEADER);
    expect(ws.getCell('I4').dataValidation).toMatchObject({ type: 'list', formulae: ["'Списки'!$A$1:$A$7"] });
    expect(ws.getCell('J4').dataValidation).toMatchObject({ type: 'list', formulae: ["'Списки'!$B$1:$B$4"] });
    const keys = t.delegates.map((d) => d.registration.id).sort();
    const inFile: string[] = [];
    for (let r = 4; r < 4 + t.delegates.length; r++) inFile.push(String(ws.getCell(r, 1).value));
    expect(inFile.sort()).toEqual(keys);
  });

  it('its drop-down ranges are disjoint, read back with SheetJS (not the library that wrote them)', async () => {
    ctx = await freshDb();
    const t = await template(ctx);
    const zip = XLSX.CFB.read(t.bytes, { type: 'array' }) as { FullPaths: string[]; FileIndex: Array<{ content: Uint8Array }> };
    const sheets = zip.FullPaths.map((p, i) => [p, zip.FileIndex[i]!] as const).filter(([p]) => /xl\/worksheets\/sheet\d+\.xml$/.test(p));
    const sqrefs = sheets.flatMap(([, f]) => [...new TextDecoder().decode(f.content).matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].map((m) => m[1]!));
    const last = 3 + t.delegates.length + 300;
    expect(sqrefs.sort()).toEqual([`I4:I${last}`, `J4:J${last}`]);
    // no cell is covered twice
    const cells = sqrefs.flatMap((ref) => ref.split(' ')).flatMap((ref) => {
      const r = XLSX.utils.decode_range(ref);
      const out: string[] = [];
      for (let row = r.s.r; row <= r.e.r; row++) for (let col = r.s.c; col <= r.e.c; col++) out.push(XLSX.utils.encode_cell({ r: row, c: col }));
      return out;
    });
    expect(new Set(cells).size).toBe(cells.length);
  });

  it('imported back unchanged, changes nothing', async () => {
    ctx = await freshDb();
    const t = await template(ctx);
    const a = await analyze(ctx, t.eventId, t.bytes, 'шаблон.xlsx');
    expect(a.req.keyColumn).toBe(0);
    expect(a.req.fixed.municipality).toBe(t.municipality);
    expect(a.prepared.keyed.size).toBe(t.delegates.length);
    const before = await ctx.db.changes.count();
    const run = await runImport(ctx, t.eventId, t.bytes, 'шаблон.xlsx', { cancelRemoved: true });
    expect(run.removed).toEqual([]);
    expect(run.built.outcomes.every((o) => o.kind === 'unchanged')).toBe(true);
    expect(await ctx.db.changes.count()).toBe(before);
  });

  it('brought back filled in: a new delegate, a corrected name, a removed delegate', async () => {
    ctx = await freshDb();
    const t = await template(ctx);
    const wb = XLSX.read(t.bytes, { type: 'array' });
    const ws = wb.Sheets[TEMPLATE_SHEET]!;
    const rows = XLSX.utils.sheet_to_json<string[]>(ws, { header: 1, defval: '' });
    const renamed = rows[3]!;
    const removed = rows[4]!;
    expect(removed[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(renamed[6]).toMatch(/^8 \d{3} \d{3}-\d{2}-\d{2}$/);
    renamed[1] = 'Исправленова';
    rows.splice(4, 1);
    rows.push(['', 'Новикова', 'Анна', 'Сергеевна', 'ТОС «Заречье»', 'председатель', '8 917 111-22-33', 'novikova@mail.ru', 'НКО', 'Соседские сообщества']);
    const out = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(out, XLSX.utils.aoa_to_sheet(rows), TEMPLATE_SHEET);
    const bytes = new Uint8Array(XLSX.write(out, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);

    const run = await runImport(ctx, t.eventId, bytes, 'шаблон.xlsx', { cancelRemoved: true });
    expect(run.removed.map((r) => r.registrationId)).toEqual([removed[0]]);
    const byKind = (k: string) => run.built.outcomes.filter((o) => o.kind === k);
    expect(byKind('added')).toHaveLength(1);
    expect(byKind('changed')).toEqual([expect.objectContaining({ registrationId: renamed[0], changes: [{ field: 'Фамилия', before: expect.any(String), after: 'Исправленова' }] })]);
    const reg = (await ctx.db.registrations.get(renamed[0]!))!;
    expect((await ctx.db.people.get(reg.personId))!.surname).toBe('Исправленова');
    expect((await ctx.db.registrations.get(removed[0]!))!.status).toBe('cancelled');
    const added = (await ctx.db.registrations.get(byKind('added')[0]!.registrationId))!;
    expect(added).toMatchObject({ municipalityId: t.municipalityId, category: 'ngo', source: 'import' });
    expect(added.sectionPrefs).toHaveLength(1);
  });

  it('made with the English interface: instructions in English, the format unchanged, imported back as the Russian one', async () => {
    ctx = await freshDb();
    await i18next.changeLanguage('en');
    try {
      const t = await template(ctx);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(t.bytes as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Instructions', TEMPLATE_SHEET, 'Списки']);
      expect(String(wb.getWorksheet('Instructions')!.getCell('A4').value)).toBe('How to fill it in');
      const ws = wb.getWorksheet(TEMPLATE_SHEET)!;
      expect(TEMPLATE_COLUMNS.map((_, i) => ws.getCell(3, i + 1).value)).toEqual(TEMPLATE_COLUMNS.map(([h]) => h));
      expect(String(ws.getCell('B1').value)).toBe(`Delegates: ${t.municipality}`);
      const a = await analyze(ctx, t.eventId, t.bytes, 'template.xlsx');
      expect(a.req.keyColumn).toBe(0);
      expect(a.req.fixed.municipality).toBe(t.municipality);
      expect(a.prepared.keyed.size).toBe(t.delegates.length);
    } finally {
      await i18next.changeLanguage('ru');
    }
  });
});
