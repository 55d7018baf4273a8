import { describe, expect, it } from 'vitest';
import municipalities from '../../../resources/municipalities.json';

const CITIES = ['Уфа', 'Агидель', 'Кумертау', 'Межгорье', 'Нефтекамск', 'Октябрьский', 'Салават', 'Сибай', 'Стерлитамак'];

describe('reference municipalities of Bashkortostan', () => {
  it('lists the 54 municipal districts and the 9 city okrugs, each once', () => {
    expect(municipalities).toHaveLength(63);
    expect(municipalities.filter((m) => m.kind === 'district')).toHaveLength(54);
    expect(municipalities.filter((m) => m.kind === 'city')).toHaveLength(9);
    expect(new Set(municipalities.map((m) => m.name)).size).toBe(63);
  });

  it('places every entry in Bashkortostan and the Volga federal district', () => {
    for (const m of municipalities) {
      expect(m.region).toBe('Республика Башкортостан');
      expect(m.federalDistrict).toBe('Приволжский федеральный округ');
      expect(Object.keys(m).sort()).toEqual(['federalDistrict', 'kind', 'name', 'region']);
    }
  });

  it('includes every city okrug by its short name', () => {
    const names = new Set(municipalities.map((m) => m.name));
    for (const city of CITIES) expect(names, city).toContain(`г. ${city}`);
    for (const m of municipalities.filter((x) => x.kind === 'city')) expect(CITIES).toContain(m.name.slice(3));
  });

  it('names districts "<adjective> район" and spells ё', () => {
    const names = municipalities.map((m) => m.name);
    expect(names).toContain('Фёдоровский район');
    expect(names).not.toContain('Федоровский район');
    for (const m of municipalities.filter((x) => x.kind === 'district')) expect(m.name).toMatch(/^[А-ЯЁ][а-яё]+(ий|ый) район$/);
  });

  it('contains no Latin look-alike letters (they would break search and sorting)', () => {
    for (const m of municipalities) expect(m.name + m.region + m.federalDistrict).not.toMatch(/[A-Za-z]/);
  });
});
