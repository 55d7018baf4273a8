import type { Locale } from '../shape';
import type ru from '../ru/db';

/** What the repositories say when they refuse a write, and the words they store in logs: English. */
const db: Locale<typeof ru> = {
  device: {
    defaultName: 'Device {{code}}',
  },
  contest: {
    organizer: 'organizer ({{device}})',
    exists: 'This event already has a contest — open it.',
    notFound: 'Contest not found — reload the page.',
    nominationHasApplications: 'The nomination «{{title}}» has applications — move them to another nomination, then delete it.',
  },
  applications: {
    title: 'Enter the project title.',
    nomination: 'Choose a nomination.',
    amount: 'The requested amount is a number of roubles, zero or more.',
    submittedAt: 'Enter the date and time of submission.',
    rejectReason: 'Write the reason for rejection: the applicant will see it.',
    row: 'Row {{row}}: {{message}}',
    fileType: 'File «{{name}}» not accepted: attach PDF, images (PNG, JPEG) or documents (DOC, DOCX, ODT, RTF, XLSX).',
    fileTooBig: 'File «{{name}}» is larger than {{mb}} MB. Compress it (for example, save the PDF at a lower resolution) or split it into parts.',
    fileEmpty: 'File «{{name}}» is empty — choose another one.',
    saveFirst: 'Application not found — save it first, then attach files.',
  },
  jury: {
    noNomination: 'Choose at least one nomination for this expert to score.',
    cap: 'The workload limit is a whole number of applications, at least 1 (or empty for no limit).',
    closed: 'Scoring is closed, the jury cannot change. Reopen scoring first (with a reason).',
    decideSheets: 'This expert has score sheets: decide whether they count or are excluded, and write the reason.',
    conflictReason: 'Enter the reason for the conflict of interest.',
  },
  scoring: {
    reopenReason: 'Write why the sheet is sent back for revision: the expert will see the reason, it goes into their score file.',
    notAssigned: 'This application is not assigned to the expert — there is nothing to send back.',
    onlyFinal: 'Only a finished sheet received from the expert can be sent back for revision.',
    alreadyReturned: 'The sheet has already been sent back for revision ({{reason}}) — wait for the expert’s new score file.',
    closed:
      'Scoring is closed — file not accepted, the results have not changed. If this expert’s scores must still count, reopen scoring on the «Setup» tab (with a reason) and load the file again.',
    notOpen: 'Scoring is not open — file not accepted. Open scoring on the «Setup» tab.',
    backupBeforeFile: 'Before an expert’s score file',
    backupBeforeFileOf: 'Before the score file of expert {{who}}',
  },
  exchange: {
    noEvent: 'The event is not on this device.',
    anyDevice: 'any device',
    ownFile: 'This file was exported on this same device: it holds nothing new for it. Take it to another device.',
    wrongEvent: 'The file belongs to the event «{{title}}», but another one is open. Switch to «{{title}}» and load the file again.',
    newEvent: 'new event',
  },
};

export default db;
