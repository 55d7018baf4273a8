/** «Журнал изменений» (features/audit): filters, status line and the table's headings. */
const audit = {
  person: 'Человек',
  personPlaceholder: 'Фамилия, имя…',
  device: 'Устройство',
  allDevices: 'Все устройства',
  thisDevice: '{{name}} (это устройство)',
  deviceOption: '{{name}} — {{count}}',
  readFailed: 'Не удалось прочитать журнал: {{message}}',
  loading: 'Загружаем журнал: {{loaded}}…',
  loadingOf: 'Загружаем журнал: {{loaded}} из {{total}}…',
  found: 'Найдено изменений: {{shown}} из {{total}}',
  total: 'Изменений в журнале: {{total}}',
  table: 'Журнал изменений',
  when: 'Когда',
  record: 'Запись',
  what: 'Что изменилось',
  rows: 'Изменения, новые сверху',
  loadingShort: 'Загрузка…',
  noneFiltered: 'Под эти условия изменений нет.',
  empty: 'Журнал пуст.',
  deleted: 'запись удалена',
  kind: { create: 'создано', update: 'изменено', delete: 'удалено' },
};

export default audit;
