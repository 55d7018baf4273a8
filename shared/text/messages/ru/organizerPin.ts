/** The organizer's PIN (shared/security/organizer-pin.ts): what the person setting or entering it is told. */
export default {
  outdated:
    'PIN организатора задан прежней версией Сход: он мог быть короче 6 цифр и защищён слабее. Задайте новый PIN из 6–8 цифр (Настройки → «PIN организатора»); он уйдёт на другие устройства со следующим файлом обмена.',
  digits: 'PIN организатора — от 6 до 8 цифр',
  wait: {
    seconds: '{{s}} с',
    minutes: '{{m}} мин',
    minutesSeconds: '{{m}} мин {{s}} с',
  },
};
