/**
 * The repositories' words come from the `db` namespace at the moment a message is made: Russian wording
 * stays exactly as it was, English is real English after a language switch, and a note stored in one
 * language is still recognised after the switch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { initI18n, type Language } from '../../../../renderer/i18n';
import { AuthorityError } from '../../../../renderer/db/authority';
import { passphraseProblem } from '../../../../renderer/db/backup-seal';
import { autoBackupReason } from '../../../../renderer/db/backup';
import { isFirstRunDeviceName } from '../../../../renderer/db/open';
import type { DbContext } from '../../../../renderer/db/context';
import { registerWalkIn } from '../../../../renderer/db/repo/desk';
import { validateDeviceName } from '../../../../renderer/db/repo/device';
import { consentNote, isConsentNote, validateRegistrationEdit, type RegistrationEdit } from '../../../../renderer/db/repo/participants';
import { planProblems } from '../../../../renderer/db/repo/projects';
import { openDemoEvent } from '../../../../renderer/features/onboarding/open-demo';
import { freshDb } from './helpers';

const speak = (language: Language) => initI18n(language).changeLanguage(language);

let ctx: DbContext | undefined;
afterEach(async () => {
  ctx?.db.close();
  ctx = undefined;
  await speak('ru');
});

describe('renderer/db in the UI language', () => {
  it('words a refused write in Russian exactly as before, and in English after a switch', async () => {
    const refusal = new AuthorityError('contests', 'desk', 'organizer-field');
    expect(refusal.message).toBe(
      'Не сохранено: это может менять только организатор (PIN организатора, роль устройства) (устройство с ролью «Регистрация»). Введите PIN организатора или сделайте это на устройстве организатора.',
    );
    await speak('en');
    expect(new AuthorityError('scores', 'juror', 'role').message).toBe(
      'Not saved: the device’s role does not allow changing this data (a device with the role «Expert»). Enter the organizer PIN or do this on the organizer’s device.',
    );
    // a message already made keeps its words
    expect(refusal.message).toMatch(/^Не сохранено/);
  });

  it('counts with plural forms in both languages', async () => {
    expect(passphraseProblem('корова', 'корова')).toBe('Пароль должен быть не короче 8 символов.');
    expect(validateDeviceName('С'.repeat(61))).toBe('Название — не длиннее 60 знаков');
    expect(autoBackupReason()).toBe('Автоматически (каждые 10 минут при изменениях)');
    await speak('en');
    expect(passphraseProblem('cow', 'cow')).toBe('The password must be at least 8 characters long.');
    expect(validateDeviceName('D'.repeat(61))).toBe('The name can be at most 60 characters long');
    expect(autoBackupReason()).toBe('Automatic (every 10 minutes when data changed)');
  });

  it('puts names into messages through placeholders', async () => {
    const milestone = { title: 'Субботник на набережной', due: 'к весне' };
    expect(planProblems({ milestones: [milestone] })).toEqual(['Этап «Субботник на набережной»: укажите срок датой.']);
    await speak('en');
    expect(planProblems({ milestones: [milestone] })).toEqual(['Milestone «Субботник на набережной»: enter the deadline as a date.']);
  });

  it('validates a participant form in the language of the moment', async () => {
    const edit: RegistrationEdit = {
      registrationId: 'r1', surname: ' ', name: 'Айгуль', patronymic: '', phone: '12', email: 'aigul.mail.ru',
      organization: '', position: '', category: 'citizen', role: 'participant', status: 'confirmed', consentGiven: false, consentDate: '', consentHow: 'paper', note: '',
    };
    expect(validateRegistrationEdit(edit)).toMatchObject({ surname: 'Укажите фамилию', email: 'Адрес e-mail выглядит неверно: нужен вид имя@домен.ru' });
    await speak('en');
    expect(validateRegistrationEdit(edit)).toMatchObject({ surname: 'Enter the surname', email: 'The e-mail address looks wrong: it should look like name@domain.ru' });
  });

  it('stores the consent note in the language it is written in and recognises it in either', async () => {
    ctx = await freshDb();
    const eventId = await openDemoEvent(ctx);
    await speak('en');
    const { registration } = await registerWalkIn(ctx, {
      eventId, operator: 'Гульнара', surname: 'Сафиуллина', name: 'Гульнара', patronymic: 'Рамилевна', municipalityId: 'ref:Бирский район',
      organization: 'ТОС «Берёзка»', position: 'председатель', phone: '', category: 'citizen', consent: false,
    });
    expect((await ctx.db.registrations.get(registration.id))!.note).toBe('Consent to personal data processing needed');
    await speak('ru');
    expect(consentNote()).toBe('Нужно согласие на обработку ПДн');
    expect(isConsentNote('Consent to personal data processing needed')).toBe(true);
    expect(isConsentNote('Нужно согласие на обработку ПДн')).toBe(true);
    expect(isConsentNote('Нужно согласие')).toBe(false);
    expect(isConsentNote(undefined)).toBe(false);
  });

  it('knows a first-run device name in either language', () => {
    expect(isFirstRunDeviceName('Устройство 3F2A')).toBe(true);
    expect(isFirstRunDeviceName('Device 0B7C')).toBe(true);
    expect(isFirstRunDeviceName('Стойка 1')).toBe(false);
    expect(isFirstRunDeviceName('Устройство 3f2a')).toBe(false);
    expect(isFirstRunDeviceName('Моё устройство 3F2A')).toBe(false);
  });
});
