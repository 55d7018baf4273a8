/** The Electron main process's own words: the application menu, the About box, its file dialog and start-up refusals. */
export default {
  appName: 'Сход',
  menu: {
    file: 'Файл',
    openJurorPackage: 'Я эксперт: открыть пакет эксперта…',
    quit: 'Выход',
    edit: 'Правка',
    undo: 'Отменить',
    redo: 'Повторить',
    cut: 'Вырезать',
    copy: 'Копировать',
    paste: 'Вставить',
    selectAll: 'Выделить всё',
    view: 'Вид',
    reload: 'Перезагрузить',
    devTools: 'Инструменты разработчика',
    zoom: 'Масштаб',
    zoomIn: 'Увеличить',
    zoomOut: 'Уменьшить',
    resetZoom: 'Обычный размер',
    fullScreen: 'Во весь экран',
    help: 'Справка',
    about: 'О программе',
    hide: 'Скрыть',
  },
  about: {
    title: 'О программе',
    message: '{{app}}, версия {{version}}',
    detail: 'Регистрация участников конференции и конкурс проектов. Работает без интернета.',
    close: 'Закрыть',
  },
  jurorPackage: {
    title: 'Пакет эксперта',
    filter: 'Пакет эксперта Сход',
  },
  start: {
    refusedTitle: 'Сход не запущен',
    refused:
      'Сход запущен с параметром отладки ({{switches}}), который позволил бы другой программе читать и менять данные участников. Запустите Сход обычным ярлыком, без дополнительных параметров; если ярлык создавали не вы, сообщите организатору.',
    failedTitle: 'Сход не запустился',
    failed: 'Не удалось запустить приложение. Переустановите его или сообщите разработчикам.',
  },
};
