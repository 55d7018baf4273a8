/** Words about a person: the labels of the fields that describe one, and words that agree with the person's gender; English needs no gender here. */
import type { Locale } from '../shape';
import type ru from '../ru/people';

const people: Locale<typeof ru> = {
  field: {
    surname: 'Surname',
    name: 'First name',
    patronymic: 'Patronymic',
    phone: 'Phone',
    email: 'Email',
    municipality: 'Municipality',
    organization: 'Organization',
    position: 'Position',
    category: 'Category',
  },
  certificate: {
    tookPart: 'took part in the event',
    tookPart_male: 'took part in the event',
    tookPart_female: 'took part in the event',
  },
};

export default people;
