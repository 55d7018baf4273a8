/** Russian names of the database's tables, for the restore preview. A new table shows its own name. */
const TABLE_LABELS: Record<string, string> = {
  events: 'Мероприятия',
  programItems: 'Пункты программы',
  sections: 'Секции',
  municipalities: 'Муниципалитеты',
  organizations: 'Организации',
  people: 'Люди',
  registrations: 'Регистрации',
  delegations: 'Делегации',
  checkins: 'Отметки прибытия',
  prints: 'Печать бейджей',
  changes: 'Журнал изменений',
  devices: 'Устройства',
  settings: 'Настройки',
  contests: 'Конкурсы',
  nominations: 'Номинации',
  applications: 'Заявки',
  jurors: 'Эксперты',
  conflicts: 'Конфликты интересов',
  assignments: 'Назначения экспертов',
  scores: 'Оценки',
  attachments: 'Файлы заявок',
};

export function tableLabel(table: string): string {
  return TABLE_LABELS[table] ?? table;
}


/** "Сход — копия 27.09.2019 08-30.skhod-backup": a bare file name (no slashes, no colons for Windows). */
export function downloadName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `Сход — копия ${p(now.getDate())}.${p(now.getMonth() + 1)}.${now.getFullYear()} ${p(now.getHours())}-${p(now.getMinutes())}.skhod-backup`;
}
