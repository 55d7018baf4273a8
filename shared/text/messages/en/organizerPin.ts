/** The organizer's PIN (shared/security/organizer-pin.ts), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/organizerPin';

const en: Locale<typeof ru> = {
  outdated:
    'The organizer PIN was set by an older version of Skhod: it may be shorter than 6 digits and is less well protected. Set a new PIN of 6–8 digits (Settings → «Organizer PIN»); it reaches the other devices with the next exchange file.',
  digits: 'The organizer PIN is 6 to 8 digits',
  wait: {
    seconds: '{{s}} s',
    minutes: '{{m}} min',
    minutesSeconds: '{{m}} min {{s}} s',
  },
};
export default en;
