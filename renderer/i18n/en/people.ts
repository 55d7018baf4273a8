/** Words about a person that agree with the person's gender; English needs no gender here. */
import type { Locale } from '../shape';
import type ru from '../ru/people';

const people: Locale<typeof ru> = {
  certificate: {
    tookPart: 'took part in the event',
    tookPart_male: 'took part in the event',
    tookPart_female: 'took part in the event',
  },
};

export default people;
