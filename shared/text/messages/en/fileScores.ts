/** Juror packages and score files (shared/contest), in English. */
import type { Locale } from '../shape';
import type ru from '../ru/fileScores';

const en: Locale<typeof ru> = {
  file: {
    'not-a-score-file': 'This is not a Skhod score file.',
    truncated: 'The score file is incomplete: it is cut short, most likely while being copied or sent. The file was not accepted; ask the juror to send it again (or copy it once more).',
    tampered: 'The score file is damaged or was changed after it was signed — it was not accepted. Ask the juror to export the file again.',
    'unsupported-version': 'This score file was made by a newer version of Skhod — update the program.',
    'wrong-contest': 'This score file belongs to another contest.',
    'unknown-juror': 'This score file comes from a juror who is not on this contest’s jury.',
    'wrong-key': 'The file is signed with a key not linked to this juror’s invitation: someone else may have made it. The file was not accepted.',
    tooLarge: 'The file is too large to be a Skhod score file.',
    isJurorPackage: 'This is a juror package, not a score file: the juror opens it, and the organizer loads the score file the juror sends back.',
    unrecognised: 'The score file is signed, but its contents are not recognised — it may have been made by another version of Skhod.',
  },
  sheet: {
    skipped: 'The score of the application «{{title}}» was skipped: {{why}}',
    notAssigned: 'the application is not assigned to this juror.',
    stale: 'the file holds version {{version}}, and a newer one ({{stored}}) is already loaded.',
    ungranted: 'the sheet was reopened without the organizer’s decision to return it for revision.',
    finalChanged: 'the sheet was already finished, and this version was changed without the organizer returning it for revision.',
  },
  pack: {
    missingFiles: 'The package was not made: this computer does not have the files {{list}}. Attach them to the application again on this computer, or make the package where they were attached.',
    tooLarge:
      'The juror package for {{name}} comes to {{total, bytes}} — over the limit of {{max, bytes}}; the juror could not open such a file. The largest files: {{list}}. Make them smaller (for example, save the PDF at a lower resolution) or assign the juror fewer applications.',
  },
  package: {
    tooLarge: 'The file is larger than {{max, bytes}} — Skhod juror packages are never that large. Check that you chose the right file.',
    'needs-code': 'The juror package is encrypted. Enter the access code — the organizer gives it separately from the file (for example, by phone).',
    'wrong-code': 'The code does not fit this package. Check the code (16 characters) or ask the organizer to repeat it.',
    unreadable: 'This is not a Skhod juror package: the file cannot be read.',
    'not-a-package': 'This is not a Skhod juror package.',
    isScoreFile: 'This is not a Skhod juror package. It is a score file — the organizer loads it.',
    'unsupported-version': 'This package was made by a newer version of Skhod — update the program.',
    damaged: 'The juror package is damaged — ask the organizer to send it again.',
    noForm: 'The juror package is damaged: some applications have no scoring form.',
    incomplete: 'The juror package is incomplete: the application files are cut short or extra. The download may not have finished — ask the organizer to send it again.',
    fileDamaged: 'The file «{{name}}» in the juror package is damaged (its checksum does not match) — ask the organizer to send the package again.',
  },
};
export default en;
