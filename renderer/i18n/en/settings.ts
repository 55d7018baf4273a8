/** Settings in English, typed against the Russian namespace. */
import type { Locale } from '../shape';
import type ru from '../ru/settings';

const settings: Locale<typeof ru> = {
  device: {
    nameHint: 'This is how the device signs exchange files and the change log.',
    rename: 'Rename',
    areas: ' · areas: {{areas}}',
    roleReason: 'make this device “{{role}}”',
    nextStartJuror: 'The expert mode opens at the next start.',
    nextStart: 'The “{{area}}” area opens at the next start.',
  },
  roleHint: {
    organizer: 'all areas; sets the organizer PIN and receives files from desks, districts and experts',
    desk: 'registration desk: finding people and checking them in, badges; opens on “Registration”',
    district: 'district administration: its own delegates, attendance reports; opens on “Participants”',
    juror: 'contest expert: opens their package of applications and scores them',
  },
  pin: {
    heading: 'Organizer PIN',
    arrived: 'Set on the organizer’s device on {{when}}. Organizer areas, role changes, deletion and restore on this device ask for it.',
    notArrived: 'Not set yet: organizer areas and role changes are open here. The organizer sets the PIN on their device; it arrives here with an exchange file.',
    set: 'Set. Desks, districts and experts ask for it before organizer areas, role changes, deletion and restore.',
    notSet: 'Not set: on desks and in districts the organizer areas are open to everyone for now. Set a PIN of 6–8 digits — it goes to the other devices with the exchange files (as a hash, not the PIN itself).',
    wrongCurrent: 'The current PIN is wrong.',
    tooMany: 'Too many wrong attempts — wait and try again.',
    badNew: 'The new PIN must have 6 to 8 digits.',
    mismatch: 'The PIN and its repetition do not match.',
    saved: 'Organizer PIN saved. It reaches the desks and districts with the next exchange file.',
    behind: 'Without the PIN: {{events}} — the exchange files of these events will not bring the PIN to the desks.',
    spread: 'Add the PIN to these events',
    current: 'Current PIN',
    new: 'New PIN',
    first: 'PIN',
    repeat: 'Repeat the PIN',
    change: 'Change PIN',
    setPin: 'Set PIN',
  },
  municipalities: {
    heading: 'Municipalities',
    builtIn_one: '{{count}} municipality of the Republic of Bashkortostan is built in. Participants from other regions can be assigned to municipalities added here.',
    builtIn_other: '{{count}} municipalities of the Republic of Bashkortostan are built in. Participants from other regions can be assigned to municipalities added here.',
    loading: 'Loading the municipalities of the Republic of Bashkortostan…',
    required: 'Enter the municipality and the region',
    name: 'Municipality',
    namePlaceholder: 'Kirovo-Chepetsk',
    region: 'Region',
    regionPlaceholder: 'Kirov Oblast',
    federalDistrict: 'Federal district',
    add: 'Add',
  },
};

export default settings;
