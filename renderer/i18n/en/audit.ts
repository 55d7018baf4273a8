import type { Locale } from '../shape';
import type ru from '../ru/audit';

/** The change log (features/audit) in English. */
const audit: Locale<typeof ru> = {
  person: 'Person',
  personPlaceholder: 'Surname, first name…',
  device: 'Device',
  allDevices: 'All devices',
  thisDevice: '{{name}} (this device)',
  deviceOption: '{{name}} — {{count}}',
  readFailed: 'Could not read the log: {{message}}',
  loading: 'Loading the log: {{loaded}}…',
  loadingOf: 'Loading the log: {{loaded}} of {{total}}…',
  found: 'Changes found: {{shown}} of {{total}}',
  total: 'Changes in the log: {{total}}',
  table: 'Change log',
  when: 'When',
  record: 'Record',
  what: 'What changed',
  rows: 'Changes, newest first',
  loadingShort: 'Loading…',
  noneFiltered: 'No changes match these filters.',
  empty: 'The log is empty.',
  deleted: 'record deleted',
  kind: { create: 'created', update: 'changed', delete: 'deleted' },
};

export default audit;
