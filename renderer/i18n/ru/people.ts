/**
 * Words about a person: the labels of the fields that describe one (components/person-fields.tsx, the same
 * in every form that takes a person), and words that agree with the person's gender, used by several areas
 * (certificates, lists).
 * The key without a context is worded so that it needs no gender: it is shown when the name does not tell
 * (shared/text/names.ts genderOf → `undefined`). `_male` / `_female` are i18next's context forms.
 */
const people = {
  field: {
    surname: 'Фамилия',
    name: 'Имя',
    patronymic: 'Отчество',
    phone: 'Телефон',
    email: 'E-mail',
    municipality: 'Муниципалитет',
    organization: 'Организация',
    position: 'Должность',
    category: 'Категория',
  },
  certificate: {
    tookPart: 'участник мероприятия',
    tookPart_male: 'принял участие в мероприятии',
    tookPart_female: 'приняла участие в мероприятии',
  },
};

export default people;
