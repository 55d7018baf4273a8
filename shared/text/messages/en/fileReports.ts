/** Project report files and report packages (shared/projects), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileReports';

const en: Locale<typeof ru> = {
  photos: {
    tooMany: 'The report has {{n, number}} photos — {{max, number}} at most are allowed. Keep the most telling ones.',
    tooBig: 'Photos larger than {{max, bytes}}: {{list}}. Make them smaller (for example, save them at a lower resolution) and attach them again.',
    notAccepted: 'The report was not accepted. {{problem}}',
  },
  textTooLong: 'The report text is longer than {{max, number}} characters — shorten it.',
  file: {
    'not-a-report-file': 'This is not a Skhod report file.',
    isScoreFile: 'This is not a Skhod report file. It is a juror’s score file — load it in the «Contest» section.',
    unrecognised: 'The report file is signed, but its contents are not recognised — it may have been made by another version of Skhod.',
    tampered: 'The report file is damaged or was changed after it was signed — it was not accepted. Ask the team to export the report again.',
    incomplete: 'The report file is incomplete: photos are cut short or extra. The download may not have finished — ask the team to send it again.',
    photoDamaged: 'The photo «{{name}}» in the report file is damaged (its checksum does not match) — ask the team to send the file again.',
    'unsupported-version': 'This report file was made by a newer version of Skhod — update the program.',
    notInEvent: 'The report file belongs to another project: it is not among this event’s projects.',
    otherProject: 'The report file belongs to another project: «{{project}}», not «{{expected}}».',
    'wrong-key': 'The report file is signed with a key not linked to this project’s report package: someone else may have made it. The file was not accepted.',
    tooLarge: 'The file is larger than {{max, bytes}} — Skhod report files are never that large. Check that you chose the right file.',
    overtaken: 'The report is out of date: the file holds the round {{round}} report, but the organizer has already accepted the round {{accepted}} report of the project «{{project}}». The file was not accepted.',
    returned: 'The round {{round}} report has already been returned for revision. Open the new report package from the organizer and send the corrected report.',
    newerThere: 'The organizer already has a newer version of the round {{round}} report of the project «{{project}}». The file was not accepted.',
  },
  package: {
    'not-a-package': 'This is not a Skhod report package.',
    'needs-code': 'The report package is encrypted. Enter the access code — the organizer gives it separately from the file (for example, by phone).',
    'wrong-code': 'The code does not fit this package. Check the code (16 characters) or ask the organizer to repeat it.',
    tampered: 'The report package is damaged or was changed after the organizer signed it — ask the organizer to send it again.',
    'unsupported-version': 'This report package was made by a newer version of Skhod — update the program.',
    'wrong-key': 'The package is signed by an organizer other than the one who sent this project’s first package. It was not opened: check with the organizer that they sent it.',
    'too-large': 'The file is too large to be a Skhod report package — check that you chose the right file.',
  },
};
export default en;
