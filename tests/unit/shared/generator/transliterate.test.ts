import { describe, expect, it } from 'vitest';
import { transliterate } from '../../../../shared/generator/transliterate';

describe('transliterate', () => {
  it.each([
    ['Галиуллина', 'Galiullina'],
    ['Щукин', 'Shchukin'],
    ['Журавлёв', 'Zhuravlev'],
    ['Хабибуллин', 'Khabibullin'],
    ['Царёва', 'Tsareva'],
    ['Чернышёв', 'Chernyshev'],
    ['Шарипов', 'Sharipov'],
    ['Юсупова', 'Yusupova'],
    ['Яхин', 'Yakhin'],
    ['Айгуль', 'Aygul'],
    ['Подъячев', 'Podyachev'],
    ['Эльвира', 'Elvira'],
    ['Рыбаков', 'Rybakov'],
    ['Ильинична', 'Ilinichna'],
  ])('%s → %s', (ru, latin) => {
    expect(transliterate(ru)).toBe(latin);
  });

  it('keeps case inside words and leaves non-Cyrillic characters alone', () => {
    expect(transliterate('ЩУКИН')).toBe('ShchUKIN');
    expect(transliterate('Кирово-Чепецк, ул. Ленина 5')).toBe('Kirovo-Chepetsk, ul. Lenina 5');
    expect(transliterate('abc 123')).toBe('abc 123');
    expect(transliterate('')).toBe('');
  });

  it('maps Bashkir and Tatar letters to plain Latin', () => {
    expect(transliterate('Ғәлиә')).toBe('Galia');
    expect(transliterate('Һөнәр')).toBe('Honar');
  });
});
