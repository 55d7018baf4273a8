import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../../../shared/search';
import { BADGE, deskIndex, DIGIT_BADGE, ids, kindOf } from './fixtures';

// One index for the read-only rule tests; update tests build their own.
const index = deskIndex();

describe('empty and punctuation-only queries', () => {
  it.each(['', ' ', '\t \n', '.', ' - , '])('%j finds nobody', (q) => {
    expect(index.search(q)).toEqual([]);
  });

  it('a zero or negative limit returns nothing', () => {
    expect(index.search('галиуллина', 0)).toEqual([]);
    expect(index.search('галиуллина', -3)).toEqual([]);
  });
});

describe('prefixes of surname, name and patronymic in any order', () => {
  it('a single word is a prefix of any of the three fields', () => {
    expect(ids(index, 'галиул')).toEqual(expect.arrayContaining(['galiullina', 'galiullin', 'sharipova']));
    expect(ids(index, 'хамит')).toEqual(['galiullin', 'galiullina']); // patronymic
    expect(ids(index, 'алия')).toEqual(['galimova', 'galiullina']); // name
  });

  it('finds by words in any order', () => {
    expect(ids(index, 'алия гал')).toEqual(['galimova', 'galiullina']);
    expect(ids(index, 'галиул а')).toContain('galiullina');
    expect(ids(index, 'гал ал хам')).toEqual(['galiullina']);
    expect(ids(index, 'хам ал гал')).toEqual(['galiullina']);
  });

  it('needs every query word (AND), each matching a different word of the name', () => {
    expect(ids(index, 'галиуллина ринат')).toEqual([]);
    expect(ids(index, 'гал хам')).toEqual(['galiullin', 'galiullina']);
    expect(ids(index, 'гал хам р')).toEqual([]);
    // «Ильин Илья Ильич» has three words starting with "ил"; «Хабибуллин Ильдар» has one
    expect(ids(index, 'ил ил ил')).toEqual(['ilin']);
    expect(ids(index, 'ил ил ил ил')).toEqual([]);
    expect(ids(index, 'ильдар ильдар')).toEqual([]);
  });

  it('does not find a different surname that merely shares a beginning', () => {
    expect(ids(index, 'галиуллина', 100)).not.toContain('galimova');
    expect(ids(index, 'гали', 100)).not.toContain('fedorova');
    // «галиу» is one letter from "галим": only a typo match, ranked after the real prefix
    expect(index.search('галим').map((h) => [h.id, h.kind])).toEqual([
      ['galimova', 'prefix'],
      ['galiullin', 'typo'],
      ['galiullina', 'typo'],
      ['sharipova', 'typo'],
    ]);
  });
});

describe('hyphenated surnames and punctuation', () => {
  it('match by either part and by the whole', () => {
    expect(ids(index, 'шарипова')).toEqual(['sharipova']);
    expect(ids(index, 'Галиуллина-Шарипова')).toEqual(['sharipova']);
    expect(ids(index, 'галиуллина шарипова гульнара')).toEqual(['sharipova']);
    expect(ids(index, 'галиуллина')).toContain('sharipova');
  });

  it('dots, commas and dashes split words', () => {
    expect(ids(index, 'Шевкунов,Дмитрий')).toEqual(['shevkunov']);
    expect(ids(index, 'шевкунов-д.в.')).toEqual(['shevkunov']);
  });
});

describe('initials', () => {
  it.each(['галиуллина а х', 'Галиуллина А.Х.', 'Галиуллина А. Х.', 'ГАЛИУЛЛИНА А.Х', 'галиуллина ах', 'Галиуллина АХ'])(
    '%j finds Галиуллина Алия Хамитовна first, as initials',
    (q) => {
      const [first] = index.search(q);
      expect(first).toMatchObject({ id: 'galiullina', kind: 'initials' });
      expect(ids(index, q)).not.toContain('galimova');
    },
  );

  it('initials must fit: wrong ones do not find her', () => {
    expect(ids(index, 'галиуллина р х')).not.toContain('galiullina');
    expect(ids(index, 'Галиуллина А.Р.')).not.toContain('galiullina');
  });

  it('a person stored with initials is found by the initials and by a full name', () => {
    expect(index.search('муталлапова а')[0]).toMatchObject({ id: 'mutallapova', kind: 'exact' });
    expect(index.search('Муталлапова А.Х.')[0]).toMatchObject({ id: 'mutallapova', kind: 'exact' });
    expect(index.search('муталлапова альфия')[0]).toMatchObject({ id: 'mutallapova', kind: 'initials' });
    expect(index.search('муталлапова альфия хамитовна')[0]).toMatchObject({ id: 'mutallapova', kind: 'initials' });
  });

  it('an initial in the name does not fit a different letter, nor a lone word', () => {
    expect(ids(index, 'муталлапова ринат')).not.toContain('mutallapova');
    expect(ids(index, 'муталлапова б')).not.toContain('mutallapova');
    // a lone "альфия" would otherwise find everyone stored as «А.»
    expect(ids(index, 'альфия')).toEqual([]);
  });
});

describe('case and ё/е folding', () => {
  it.each(['федоров', 'ФЁДОРОВ', 'Фёдоров', 'фЕдОрОв'])('%j finds both spellings of the surname, exactly', (q) => {
    expect(kindOf(index, q, 'fyodorov')).toBe('exact');
    expect(kindOf(index, q, 'fedorov')).toBe('exact');
  });

  it('ё in the query finds е in the name and the reverse', () => {
    expect(index.search('фёдорова')[0]).toMatchObject({ id: 'fedorova', kind: 'exact' });
    expect(ids(index, 'петр семенович')).toEqual(['fedorov', 'fyodorov']);
    expect(ids(index, 'соловьев артем')).toEqual(['solovyov']);
  });
});

describe('wrong keyboard layout (Latin active while typing Russian)', () => {
  it('"ufkbekkbyf" finds Галиуллина', () => {
    expect(index.search('ufkbekkbyf')[0]).toMatchObject({ id: 'galiullina', kind: 'layout' });
    expect(ids(index, 'ufkbekkbyf')).not.toContain('galimova');
  });

  it('converts the punctuation keys that are letters on ЙЦУКЕН (х ъ ж э б ю)', () => {
    expect(index.search('[f,b')[0]).toMatchObject({ id: 'habibullin', kind: 'layout' }); // «хаби»
    expect(ids(index, '.cegjd bkmzc')).toEqual(['yusupov']); // «юсупов ильяс»: "." is ю, "m" is ь
    expect(ids(index, '.ceg')).toEqual(['yusupov']);
    expect(ids(index, 'pfqyekkbyf .kbz')).toEqual(['zaynullina']);
    expect(ids(index, "bkmbyf bkmz bkmbx")).toEqual(['ilin']);
    // «Галиуллина А.Х.» typed with shift; «Галиуллин А. Х.» is one letter away, a typo match
    expect(index.search('Ufkbekkbyf F/{/').map((h) => [h.id, h.kind])).toEqual([
      ['galiullina', 'layout'],
      ['galiullin', 'typo'],
    ]);
  });

  it('works for ё typed with the ` key and with е', () => {
    for (const q of ['a`ljhjd', 'atljhjd']) {
      expect(index.search(q).map((h) => [h.id, h.kind])).toEqual([
        ['fedorov', 'layout'],
        ['fyodorov', 'layout'],
        ['fedorova', 'layout'],
      ]);
    }
  });
});

describe('Latin transliteration', () => {
  it.each([
    ['galiullina', 'galiullina'],
    ['Galiullina Aliia', 'galiullina'],
    ['galiullina a kh', 'galiullina'],
    ['shevkunov', 'shevkunov'],
    ['fedorov', 'fedorov'],
    ['fyodorov', 'fyodorov'],
    ['fiodorov', 'fyodorov'],
    ['yusupov', 'yusupov'],
    ['iusupov', 'yusupov'],
    ['jusupov', 'yusupov'],
    ['khabibullin', 'habibullin'],
    ['habibullin', 'habibullin'],
    ['habibulin', 'habibullin'],
    ['zaynullina', 'zaynullina'],
    ['zainullina', 'zaynullina'],
    ['zainullina iuliia', 'zaynullina'],
    ['zaynullina yuliya', 'zaynullina'],
    ['shchukin', 'shchukin'],
    ['schukin', 'shchukin'],
    ['solovyov', 'solovyov'],
    ['soloviev', 'solovyov'],
    ['solovev', 'solovyov'],
    ['iskhakov', 'iskhakov'],
    ['ishakov', 'iskhakov'],
    ['zakharov', 'zakharov'],
    ['zaharov', 'zakharov'],
    ['zak', 'zakharov'], // stopped inside "kh"
    ['ilyin', 'ilin'],
    ["il'in", 'ilin'],
    ['ilin ilya ilich', 'ilin'],
    ['Smirnova Olga', 'smirnova'],
  ])('%j finds %s', (q, id) => {
    expect(kindOf(index, q, id)).toBe('translit');
  });

  it('prefixes of a Latin spelling work while typing', () => {
    expect(ids(index, 'gal')).toEqual(expect.arrayContaining(['galimova', 'galiullina', 'galiullin', 'sharipova']));
    expect(ids(index, 'galiu')).not.toContain('galimova');
  });

  it('does not find different names', () => {
    expect(ids(index, 'galiullina')).not.toContain('galimova');
    expect(ids(index, 'shevchenko')).toEqual([]);
    expect(ids(index, 'fedorova')).not.toContain('fyodorov');
  });
});

describe('one typo in words of five letters or more', () => {
  it.each([
    ['галиулина', 'galiullina'], // deletion
    ['галиуллнна', 'galiullina'], // substitution
    ['галиулллина', 'galiullina'], // insertion
    ['галиулилна', 'galiullina'], // transposition
    ['шевкунв', 'shevkunov'],
    ['шевкнуов', 'shevkunov'],
    ['шевкн', 'shevkunov'], // within what has been typed so far
    ['щукиг', 'shchukin'],
    ['галиулина алия', 'galiullina'],
  ])('%j finds %s', (q, id) => {
    expect(kindOf(index, q, id)).toBe('typo');
  });

  it('never corrects words shorter than five letters', () => {
    expect(ids(index, 'щкин')).toEqual([]); // «щукин» minus one letter
    expect(ids(index, 'юсап')).toEqual([]); // «юсуп» with one wrong letter
    expect(ids(index, 'алиа')).toEqual([]);
  });

  it('accepts two typos only in words of seven letters or more, after every closer match', () => {
    expect(index.search('галиулнна').map((h) => [h.id, h.kind])).toEqual([
      ['galiullina', 'typo'],
      ['sharipova', 'typo'],
    ]);
    expect(index.search('шевкнв').map((h) => [h.id, h.kind])).toEqual([['shevkunov', 'typo']]); // «Шевкунов» has 8 letters
    expect(ids(index, 'ильжат')).toEqual([]); // «Ильдар» has 6: two typos are too many there
    expect(ids(index, 'шевкунв')).toEqual(['shevkunov']); // one typo
  });

  it('tries two typos in a word that reached only someone else’s typo or initial, when nobody has all the words', () => {
    const people = new SearchIndex([
      { id: 'target', surname: 'Алексеева', name: 'Луиза', patronymic: 'Анатольевна' },
      // «алесева» is one typo from «Алисева» and, as an initial, «А.» — neither is called Луиза Анатольевна
      { id: 'typo', surname: 'Алисева', name: 'Мария', patronymic: 'Ивановна' },
      { id: 'initial', surname: 'Петров', name: 'А.', patronymic: 'В.' },
    ]);
    expect(ids(people, 'алесева Луиза Анатольевна')).toEqual(['target']);
    expect(kindOf(people, 'алесева Луиза Анатольевна', 'target')).toBe('typo');
    // a closer reading that finds someone still wins: two typos stay the last resort
    expect(ids(people, 'алесева Мария')).toEqual(['typo']);
  });

  it('"галиуллина" does not reach «Галимова»', () => {
    expect(ids(index, 'галиуллина', 100)).not.toContain('galimova');
    expect(ids(index, 'галиулина', 100)).not.toContain('galimova');
  });

  it('applies to a wrong-layout query too', () => {
    expect(kindOf(index, 'ufkbekbyf', 'galiullina')).toBe('typo'); // «галиулина»
  });
});

describe('phone', () => {
  it.each(['1234', '51234', '3451234', '345-12-34', '917 345 12 34', '+7 (917) 345-12-34', '89173451234'])('%j finds her phone', (q) => {
    expect(index.search(q)[0]).toMatchObject({ id: 'galiullina', kind: 'phone' });
  });

  it('matches the tail of the number only', () => {
    expect(ids(index, '9173')).toEqual([]);
    expect(ids(index, '0055')).toEqual([]);
    expect(ids(index, '5566')).toEqual(['galimova']);
  });

  it('fewer than four digits never match a phone', () => {
    expect(ids(index, '234')).toEqual([]);
    expect(ids(index, '34')).toEqual([]);
    expect(ids(index, '4')).toEqual([]);
  });

  it('an office number with an extension is found by its number', () => {
    expect(ids(index, '43107')).toEqual(['galiullin']);
    expect(ids(index, '8 (34786) 4-31-07')).toEqual(['galiullin']);
    expect(ids(index, '8 (34786) 4-31-07 доб. 434')).toEqual(['galiullin']);
  });
});

describe('badge code', () => {
  it('finds the holder exactly, in any case and with separators', () => {
    for (const q of [BADGE, BADGE.toLowerCase(), `${BADGE.slice(0, 3)}-${BADGE.slice(3)}`, ` ${BADGE} `]) {
      expect(index.search(q)[0]).toEqual({ id: 'galiullina', kind: 'badge', score: 100, certain: true });
    }
  });

  it('a code with a wrong check symbol is not a badge match', () => {
    const wrong = BADGE.slice(0, 5) + (BADGE[5] === 'A' ? 'B' : 'A');
    expect(index.search(wrong).some((h) => h.kind === 'badge')).toBe(false);
  });

  it('ranks first, above a phone ending with the same digits', () => {
    expect(index.search(DIGIT_BADGE)).toEqual([
      { id: 'yusupov', kind: 'badge', score: 100, certain: true },
      { id: 'phone-299297', kind: 'phone', score: 60, certain: false },
    ]);
  });
});
