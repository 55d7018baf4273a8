import { describe, expect, it } from 'vitest';
import { cyrillicSkeletons, fromGerman, latinSkeleton, querySkeletons } from '../../../../shared/search/translit';

const same = (...spellings: string[]) => new Set(spellings.map(latinSkeleton)).size === 1;

describe('latinSkeleton folds the common spellings of one sound together', () => {
  it.each([
    ['kh / h', ['khabibullin', 'habibullin']],
    ['y / i / j', ['yusupov', 'iusupov', 'jusupov']],
    ['ya / ia / ja', ['yana', 'iana', 'jana']],
    ['ts / c / tz', ['tsvetkov', 'cvetkov', 'tzvetkov']],
    ['shch / sch', ['shchukin', 'schukin']],
    ['x / ks', ['aleksei', 'alexei']],
    ['doubled letters', ['galiullina', 'galiulina']],
    ['doubled letters, again', ['habibullin', 'habibulin', 'khabibulin']],
    ['ii / iy / y endings', ['evgenii', 'evgeniy', 'evgeny', 'evgenij']],
  ])('%s', (_, spellings) => {
    expect(same(...spellings)).toBe(true);
  });

  it('keeps different sounds apart', () => {
    expect(same('shukin', 'shchukin')).toBe(false);
    expect(same('galiullina', 'galimova')).toBe(false);
    expect(same('zhukov', 'zukov')).toBe(false);
  });
});

describe('cyrillicSkeletons', () => {
  it('covers the passport, older and informal spellings of a name', () => {
    const keys = (word: string) => new Set(cyrillicSkeletons(word));
    const has = (word: string, latin: string) => keys(word).has(latinSkeleton(latin));
    expect(has('фёдоров', 'fedorov')).toBe(true);
    expect(has('фёдоров', 'fyodorov')).toBe(true);
    expect(has('федоров', 'fyodorov')).toBe(false); // no ё in the source, no "yo"
    expect(has('исхаков', 'iskhakov')).toBe(true);
    expect(has('исхаков', 'ishakov')).toBe(true);
    expect(has('соловьёв', 'solovyov')).toBe(true);
    expect(has('соловьёв', 'soloviev')).toBe(true);
    expect(has('елена', 'elena')).toBe(true);
    expect(has('елена', 'yelena')).toBe(true);
    expect(has('андреев', 'andreyev')).toBe(true);
    expect(has('юлия', 'iuliia')).toBe(true);
    expect(has('юлия', 'yuliya')).toBe(true);
    expect(has('зайнуллина', 'zaynullina')).toBe(true);
    expect(has('ильин', "il'in".replace("'", ''))).toBe(true);
    expect(has('ильин', 'ilyin')).toBe(true);
  });

  it('stays small: only the letters where schemes disagree multiply the keys', () => {
    expect(cyrillicSkeletons('галиуллина')).toHaveLength(1);
    expect(cyrillicSkeletons('хабибуллин')).toHaveLength(1); // kh and h fold together
    expect(cyrillicSkeletons('исхаков')).toHaveLength(2); // but "skh" and "sh" do not
    expect(cyrillicSkeletons('ельхов').length).toBeLessThanOrEqual(4);
  });
});

describe('querySkeletons', () => {
  it('adds the digraph a word may be in the middle of', () => {
    expect(querySkeletons('zak')).toContain(latinSkeleton('zakh'));
    expect(querySkeletons('kus')).toContain(latinSkeleton('kush'));
    expect(querySkeletons('kush')).toContain(latinSkeleton('kushch'));
    expect(querySkeletons('zak')).toContain(latinSkeleton('zak'));
  });
});

describe('German-style spellings', () => {
  it('re-spells sch, tsch, ch and z, and leaves other words alone', () => {
    expect(fromGerman('schamsutdinow')).toBe('shamsutdinow');
    expect(fromGerman('tschernow')).toBe('chernow');
    expect(fromGerman('chabibullin')).toBe('khabibullin');
    expect(fromGerman('kusnezow')).toBe('kusnetsow');
    expect(fromGerman('ivanov')).toBeNull();
  });

  it('reaches the Cyrillic skeletons of «Юсупов», «Шамсутдинов», «Кузнецов», «Жданов»', () => {
    const reaches = (latin: string, cyrillic: string) => querySkeletons(latin).some((q) => cyrillicSkeletons(cyrillic).includes(q));
    expect(reaches('jussupow', 'юсупов')).toBe(true);
    expect(reaches('schamsutdinow', 'шамсутдинов')).toBe(true);
    expect(reaches('kusnezow', 'кузнецов')).toBe(true);
    expect(reaches('schdanow', 'жданов')).toBe(true);
    expect(reaches('ivanov', 'петров')).toBe(false);
  });
});
