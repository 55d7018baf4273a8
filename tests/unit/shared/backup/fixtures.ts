/** The header of a small backup made on a desk, for the format and seal tests. */
export const header = {
  createdAt: '2019-09-27T08:30:15.042Z',
  reason: 'Вручную',
  schemaVersion: 1,
  device: { id: 'dev-a', name: 'Стойка 1', role: 'desk' },
  lastStamp: '',
  changeCount: 0,
  events: [{ id: 'e1', title: 'Сход-2019' }],
};
