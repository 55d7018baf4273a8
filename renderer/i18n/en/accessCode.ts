import type { Locale } from '../shape';
import type ru from '../ru/accessCode';

/** The access-code prompt of sealed packages, in English. */
const accessCode: Locale<typeof ru> = {
  title: 'Enter the access code',
  submit: 'Open package',
  lead: 'The package “{{name}}” is encrypted. Enter the access code — the organizer gives it to you separately from the file, for example by phone.',
  label: 'Access code',
  hint: '16 characters, for example 7K3M-Q9XA-4TPD-W2HB. Case, spaces and hyphens do not matter.',
  empty: 'Enter the access code — the 16 characters the organizer gave you.',
};
export default accessCode;
