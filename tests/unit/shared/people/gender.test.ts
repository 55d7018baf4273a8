import { describe, expect, it } from 'vitest';
import { agreeVerb, genderOf } from '../../../../shared/people/gender';

describe('gender for agreement in printed texts', () => {
  it.each([
    [{ surname: 'Галиуллина', patronymic: 'Хамитовна' }, 'f'],
    [{ surname: 'Шевкунов', patronymic: 'Владимирович' }, 'm'],
    [{ surname: 'Кузьмич', patronymic: 'Ильич' }, 'm'],
    [{ surname: 'Алиев', patronymic: 'Рашид оглы' }, 'm'],
    [{ surname: 'Муталлапова', patronymic: 'Х.' }, 'f'],
    [{ surname: 'Ковальчук', patronymic: '' }, null],
    [{ surname: 'Шомина', patronymic: 'Сергеевна' }, 'f'],
    [{ surname: 'Титов', patronymic: '' }, 'm'],
  ] as const)('%j → %s', (person, gender) => {
    expect(genderOf(person)).toBe(gender);
  });

  it('agrees the verb', () => {
    expect(agreeVerb('f', 'принял', 'приняла')).toBe('приняла');
    expect(agreeVerb('m', 'принял', 'приняла')).toBe('принял');
    expect(agreeVerb(null, 'принял', 'приняла')).toBe('принял(а)');
  });
});
