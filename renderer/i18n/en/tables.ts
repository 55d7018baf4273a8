import type { Locale } from '../shape';
import type ru from '../ru/tables';

/** What each table of the device's database is called, in English (see ru/tables.ts for the four wordings). */
const tables: Locale<typeof ru> = {
  events: { one: 'Event', name: 'events', genitive: 'events', count_one: '{{count}} event', count_other: '{{count}} events' },
  programItems: { one: 'Programme', name: 'programme items', genitive: 'programme items', count_one: '{{count}} programme item', count_other: '{{count}} programme items' },
  sections: { one: 'Section', name: 'sections', genitive: 'sections', count_one: '{{count}} section', count_other: '{{count}} sections' },
  municipalities: { one: 'Municipality', name: 'municipalities', genitive: 'municipalities', count_one: '{{count}} municipality', count_other: '{{count}} municipalities' },
  organizations: { one: 'Organization', name: 'organizations', genitive: 'organizations', count_one: '{{count}} organization', count_other: '{{count}} organizations' },
  people: { one: 'Person', name: 'people', genitive: 'people', count_one: '{{count}} person', count_other: '{{count}} people' },
  registrations: { one: 'Registration', name: 'registrations', genitive: 'registrations', count_one: '{{count}} registration', count_other: '{{count}} registrations' },
  delegations: { one: 'Delegation', name: 'delegations', genitive: 'delegations', count_one: '{{count}} delegation', count_other: '{{count}} delegations' },
  checkins: { one: 'Check-in', name: 'check-ins', genitive: 'check-ins', count_one: '{{count}} check-in', count_other: '{{count}} check-ins' },
  prints: { one: 'Badge print', name: 'badge prints', genitive: 'badge prints', count_one: '{{count}} badge print', count_other: '{{count}} badge prints' },
  contests: { one: 'Contest', name: 'contests', genitive: 'contests', count_one: '{{count}} contest', count_other: '{{count}} contests' },
  nominations: { one: 'Nomination', name: 'nominations', genitive: 'nominations', count_one: '{{count}} nomination', count_other: '{{count}} nominations' },
  applications: { one: 'Application', name: 'applications', genitive: 'applications', count_one: '{{count}} application', count_other: '{{count}} applications' },
  jurors: { one: 'Contest expert', name: 'experts', genitive: 'experts', count_one: '{{count}} expert', count_other: '{{count}} experts' },
  conflicts: { one: 'Conflict of interest', name: 'conflicts of interest', genitive: 'conflicts of interest', count_one: '{{count}} conflict of interest', count_other: '{{count}} conflicts of interest' },
  assignments: { one: 'Expert assignment', name: 'expert assignments', genitive: 'expert assignments', count_one: '{{count}} expert assignment', count_other: '{{count}} expert assignments' },
  scores: { one: 'Score sheet', name: 'score sheets', genitive: 'score sheets', count_one: '{{count}} score sheet', count_other: '{{count}} score sheets' },
  projects: { one: 'Project', name: 'projects', genitive: 'projects', count_one: '{{count}} project', count_other: '{{count}} projects' },
  projectReports: { one: 'Project report', name: 'project reports', genitive: 'project reports', count_one: '{{count}} project report', count_other: '{{count}} project reports' },
  changes: { one: 'Change', name: 'change log', genitive: 'changes', count_one: '{{count}} change', count_other: '{{count}} changes' },
  devices: { one: 'Device', name: 'devices', genitive: 'devices', count_one: '{{count}} device', count_other: '{{count}} devices' },
  settings: { one: 'Setting', name: 'settings', genitive: 'settings', count_one: '{{count}} setting', count_other: '{{count}} settings' },
  attachments: { one: 'Application file', name: 'application files', genitive: 'application files', count_one: '{{count}} application file', count_other: '{{count}} application files' },
  keys: { one: 'Device key', name: 'device keys', genitive: 'device keys', count_one: '{{count}} device key', count_other: '{{count}} device keys' },
  caches: { one: 'Desk cache', name: 'desk caches', genitive: 'desk caches', count_one: '{{count}} desk cache', count_other: '{{count}} desk caches' },
  trust: { one: 'Event keys', name: 'event keys', genitive: 'event keys', count_one: '{{count}} event key', count_other: '{{count}} event keys' },
  batches: { one: 'Change batch', name: 'change batches', genitive: 'change batches', count_one: '{{count}} change batch', count_other: '{{count}} change batches' },
  importJournal: { one: 'Import journal entry', name: 'import journal', genitive: 'import journal entries', count_one: '{{count}} import journal entry', count_other: '{{count}} import journal entries' },
  importUndo: { one: 'Import undo entry', name: 'import undo', genitive: 'import undo entries', count_one: '{{count}} import undo entry', count_other: '{{count}} import undo entries' },
  reportPhotos: { one: 'Report photo', name: 'report photos', genitive: 'report photos', count_one: '{{count}} report photo', count_other: '{{count}} report photos' },
};

export default tables;
