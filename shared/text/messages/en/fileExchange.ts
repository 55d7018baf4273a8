/** Exchange files, enrolment files, signed batches and the values they carry (shared/sync, shared/trust), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileExchange';

const en: Locale<typeof ru> = {
  codes: {
    'not-an-exchange-file': 'This is not a Skhod exchange file. Choose a file exported on another device in the «Exchange» section.',
    'unsupported-version': 'This exchange file was made by a newer version of Skhod. Update the program on this device and load the file again.',
    'old-version':
      'This exchange file was written by an older version of Skhod: its changes are not signed by their authors, so there is no telling who made them. Update Skhod on the sending device, enrol it in the event with an enrolment file from the organizer and export the exchange file again.',
    'no-event-key':
      'This exchange file is encrypted with an event key this device does not have: the device is not enrolled in that event. Ask the organizer for an enrolment file for this device («Exchange» → «Enrol a device») and open it on the first screen.',
    'not-enrolled':
      'This device is not enrolled in the event the file belongs to: an event reaches a device only with an enrolment file. Ask the organizer for an enrolment file for this device and open it.',
    tampered:
      'The exchange file’s signature does not match: the file was changed or damaged after it was exported. No data was taken. Ask the sender to export the file again and pass it on unchanged.',
    'wrong-event': 'This exchange file belongs to another event. Open the event it was exported for, or ask the sender to export a file for this event.',
    'unknown-sender': 'This exchange file came from a device that is not enrolled here. Enrol the device in the «Exchange» section, checking the key code on both screens, and load the file again.',
    corrupt: 'The exchange file is damaged or incomplete (for example, copying to a USB stick did not finish). Copy the file again or ask the sender to export it once more.',
  },
  otherKey: 'The file is signed with a key other than the one known for this device. If the device was reinstalled, enrol it again, checking the key code; otherwise do not accept the file.',
  tooLargeInflated: 'The exchange file is too large once unpacked — that does not look like the data of one event. The file was not accepted.',
  isScoreFile: 'This is a juror’s score file, not an exchange file. Load it in «Contest» → «Packages and scores».',
  isJurorPackage:
    'This is a juror package, not an exchange file. If you are a juror, open it with «I am a juror: open a juror package» on the first screen (or «Open a juror package…» in the «Contest» section).',
  enrolment: {
    notEnrolmentFile: 'This is not a Skhod enrolment file. The organizer makes one: «Exchange» → «Enrol a device».',
    otherVersion: 'This enrolment file was made by another version of Skhod. Update the program and open the file again.',
    damaged: 'The enrolment file is damaged or incomplete. Ask the organizer to make a new enrolment file.',
    badSignature: 'The organizer’s signature in the enrolment file does not match: the file was changed. Do not use it; ask the organizer to make a new one.',
  },
  values: {
    inField: 'Table «{{table}}», field «{{field}}»: {{problem}}.',
    data: 'data',
    codes: {
      'too-deep': 'the value is nested too deeply',
      'string-too-long': 'the text is longer than {{n, number}} characters (a table cell cannot hold that much) — shorten it',
      'too-many-items': 'the list has more than {{n, number}} items',
      'too-large': 'the record is too large',
      'not-json': 'the value is of a kind that is not allowed',
      'wrong-type': 'the value is of the wrong type',
    },
  },
  drift: {
    minutes: '{{m}} min',
    hours: '{{h}} h {{m}} min',
    days: '{{n, number}} days',
    years_one: '{{count, number}} year',
    years_other: '{{count, number}} years',
  },
};
export default en;
