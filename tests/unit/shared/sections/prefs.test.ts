import { describe, expect, it } from 'vitest';
import { parseSectionPrefs } from '../../../../shared/sections/prefs';

const sections = [
  { id: 's1', title: 'Социальное партнёрство в создании городских и сельских сообществ', order: 0 },
  { id: 's2', title: 'Комьюнити-менеджмент как стратегия коммуникации с населением', order: 1 },
  { id: 's3', title: 'Соседские сообщества. Добрососедство', order: 2 },
  { id: 's4', title: 'Молодёжные сообщества и инициативное бюджетирование', order: 3 },
];

describe('section preferences from a list cell', () => {
  it.each([
    ['2', ['s2']],
    ['1,3', ['s1', 's3']],
    ['1; 3', ['s1', 's3']],
    ['4 и 2', ['s4', 's2']],
    ['№3', ['s3']],
    ['соседские', ['s3']],
    ['Молодежные сообщества', ['s4']],
    ['комьюнити-менеджмент, социальное партнерство', ['s2', 's1']],
    ['2, 2', ['s2']],
  ])('%j → %j', (text, ids) => {
    expect(parseSectionPrefs(text, sections).ids).toEqual(ids);
  });

  it('reports what it could not recognize', () => {
    expect(parseSectionPrefs('7, пленарка, 1', sections)).toEqual({ ids: ['s1'], unknown: ['7', 'пленарка'] });
    expect(parseSectionPrefs('', sections)).toEqual({ ids: [], unknown: [] });
  });
});
