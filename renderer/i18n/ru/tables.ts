/**
 * What each table of the device's database is called (renderer/common/tables.ts reads these, typed by the
 * database's table names): `one` — a single record («Регистрация 1a2b» in the audit log); `name` — the kind,
 * nominative plural («регистрации: 5» in an exchange preview, capitalized in the restore preview); `genitive` —
 * plural genitive («нет регистраций»); `count` — with a number («3 регистрации»).
 */
const tables = {
  events: { one: 'Мероприятие', name: 'мероприятия', genitive: 'мероприятий', count_one: '{{count}} мероприятие', count_few: '{{count}} мероприятия', count_many: '{{count}} мероприятий', count_other: '{{count}} мероприятия' },
  programItems: { one: 'Программа', name: 'пункты программы', genitive: 'пунктов программы', count_one: '{{count}} пункт программы', count_few: '{{count}} пункта программы', count_many: '{{count}} пунктов программы', count_other: '{{count}} пункта программы' },
  sections: { one: 'Секция', name: 'секции', genitive: 'секций', count_one: '{{count}} секция', count_few: '{{count}} секции', count_many: '{{count}} секций', count_other: '{{count}} секции' },
  municipalities: { one: 'Муниципалитет', name: 'муниципалитеты', genitive: 'муниципалитетов', count_one: '{{count}} муниципалитет', count_few: '{{count}} муниципалитета', count_many: '{{count}} муниципалитетов', count_other: '{{count}} муниципалитета' },
  organizations: { one: 'Организация', name: 'организации', genitive: 'организаций', count_one: '{{count}} организация', count_few: '{{count}} организации', count_many: '{{count}} организаций', count_other: '{{count}} организации' },
  people: { one: 'Человек', name: 'люди', genitive: 'людей', count_one: '{{count}} человек', count_few: '{{count}} человека', count_many: '{{count}} человек', count_other: '{{count}} человека' },
  registrations: { one: 'Регистрация', name: 'регистрации', genitive: 'регистраций', count_one: '{{count}} регистрация', count_few: '{{count}} регистрации', count_many: '{{count}} регистраций', count_other: '{{count}} регистрации' },
  delegations: { one: 'Делегация', name: 'делегации', genitive: 'делегаций', count_one: '{{count}} делегация', count_few: '{{count}} делегации', count_many: '{{count}} делегаций', count_other: '{{count}} делегации' },
  checkins: { one: 'Отметка', name: 'отметки прихода', genitive: 'отметок прихода', count_one: '{{count}} отметка прихода', count_few: '{{count}} отметки прихода', count_many: '{{count}} отметок прихода', count_other: '{{count}} отметки прихода' },
  prints: { one: 'Печать бейджа', name: 'печать бейджей', genitive: 'печатей бейджей', count_one: '{{count}} печать бейджа', count_few: '{{count}} печати бейджа', count_many: '{{count}} печатей бейджа', count_other: '{{count}} печати бейджа' },
  contests: { one: 'Конкурс', name: 'конкурсы', genitive: 'конкурсов', count_one: '{{count}} конкурс', count_few: '{{count}} конкурса', count_many: '{{count}} конкурсов', count_other: '{{count}} конкурса' },
  nominations: { one: 'Номинация', name: 'номинации', genitive: 'номинаций', count_one: '{{count}} номинация', count_few: '{{count}} номинации', count_many: '{{count}} номинаций', count_other: '{{count}} номинации' },
  applications: { one: 'Заявка', name: 'заявки', genitive: 'заявок', count_one: '{{count}} заявка', count_few: '{{count}} заявки', count_many: '{{count}} заявок', count_other: '{{count}} заявки' },
  jurors: { one: 'Эксперт конкурса', name: 'эксперты', genitive: 'экспертов', count_one: '{{count}} эксперт', count_few: '{{count}} эксперта', count_many: '{{count}} экспертов', count_other: '{{count}} эксперта' },
  conflicts: { one: 'Конфликт интересов', name: 'конфликты интересов', genitive: 'конфликтов интересов', count_one: '{{count}} конфликт интересов', count_few: '{{count}} конфликта интересов', count_many: '{{count}} конфликтов интересов', count_other: '{{count}} конфликта интересов' },
  assignments: { one: 'Назначение эксперту', name: 'назначения экспертам', genitive: 'назначений экспертам', count_one: '{{count}} назначение эксперту', count_few: '{{count}} назначения экспертам', count_many: '{{count}} назначений экспертам', count_other: '{{count}} назначения экспертам' },
  scores: { one: 'Оценка', name: 'оценки', genitive: 'оценок', count_one: '{{count}} оценка', count_few: '{{count}} оценки', count_many: '{{count}} оценок', count_other: '{{count}} оценки' },
  projects: { one: 'Проект', name: 'проекты', genitive: 'проектов', count_one: '{{count}} проект', count_few: '{{count}} проекта', count_many: '{{count}} проектов', count_other: '{{count}} проекта' },
  projectReports: { one: 'Отчёт по проекту', name: 'отчёты по проектам', genitive: 'отчётов по проектам', count_one: '{{count}} отчёт по проекту', count_few: '{{count}} отчёта по проектам', count_many: '{{count}} отчётов по проектам', count_other: '{{count}} отчёта по проектам' },
  changes: { one: 'Изменение', name: 'журнал изменений', genitive: 'изменений', count_one: '{{count}} изменение', count_few: '{{count}} изменения', count_many: '{{count}} изменений', count_other: '{{count}} изменения' },
  devices: { one: 'Устройство', name: 'устройства', genitive: 'устройств', count_one: '{{count}} устройство', count_few: '{{count}} устройства', count_many: '{{count}} устройств', count_other: '{{count}} устройства' },
  settings: { one: 'Настройка', name: 'настройки', genitive: 'настроек', count_one: '{{count}} настройка', count_few: '{{count}} настройки', count_many: '{{count}} настроек', count_other: '{{count}} настройки' },
  attachments: { one: 'Файл заявки', name: 'файлы заявок', genitive: 'файлов заявок', count_one: '{{count}} файл заявки', count_few: '{{count}} файла заявок', count_many: '{{count}} файлов заявок', count_other: '{{count}} файла заявок' },
  keys: { one: 'Ключ устройства', name: 'ключи устройства', genitive: 'ключей устройства', count_one: '{{count}} ключ устройства', count_few: '{{count}} ключа устройства', count_many: '{{count}} ключей устройства', count_other: '{{count}} ключа устройства' },
  caches: { one: 'Кэш стойки', name: 'кэши стойки', genitive: 'кэшей стойки', count_one: '{{count}} кэш стойки', count_few: '{{count}} кэша стойки', count_many: '{{count}} кэшей стойки', count_other: '{{count}} кэша стойки' },
  trust: { one: 'Ключи мероприятия', name: 'ключи мероприятий', genitive: 'ключей мероприятий', count_one: '{{count}} ключ мероприятия', count_few: '{{count}} ключа мероприятий', count_many: '{{count}} ключей мероприятий', count_other: '{{count}} ключа мероприятий' },
  batches: { one: 'Пакет изменений', name: 'пакеты изменений', genitive: 'пакетов изменений', count_one: '{{count}} пакет изменений', count_few: '{{count}} пакета изменений', count_many: '{{count}} пакетов изменений', count_other: '{{count}} пакета изменений' },
  importJournal: { one: 'Запись журнала импорта', name: 'журнал импорта', genitive: 'записей журнала импорта', count_one: '{{count}} запись журнала импорта', count_few: '{{count}} записи журнала импорта', count_many: '{{count}} записей журнала импорта', count_other: '{{count}} записи журнала импорта' },
  importUndo: { one: 'Запись для отмены импорта', name: 'отмена импорта', genitive: 'записей для отмены импорта', count_one: '{{count}} запись для отмены импорта', count_few: '{{count}} записи для отмены импорта', count_many: '{{count}} записей для отмены импорта', count_other: '{{count}} записи для отмены импорта' },
  reportPhotos: { one: 'Фото отчёта', name: 'фото отчётов', genitive: 'фото отчётов', count_one: '{{count}} фото отчёта', count_few: '{{count}} фото отчётов', count_many: '{{count}} фото отчётов', count_other: '{{count}} фото отчётов' },
};

export default tables;
