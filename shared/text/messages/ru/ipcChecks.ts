/** Why the main process refuses a request from the window: sizes and file names (shared/ipc/contract.ts), the sender and the argument (electron/ipc.ts). */
export default {
  dataTooLarge: 'данные слишком большие',
  fileNameWithPath: 'имя файла без пути',
  fileTooLarge: 'файл слишком большой',
  backupTooLarge: 'копия слишком большая',
  forbidden: 'Запрос отклонён: он пришёл не из окна приложения. Перезапустите приложение; если это повторится, сообщите разработчикам.',
  internal: 'Внутренняя ошибка приложения. Повторите действие; если ошибка повторится, перезапустите приложение и сообщите разработчикам.',
  oneArgument: 'Приложение отправило некорректный запрос ({{channel}}): ожидался один аргумент. Это ошибка программы — сообщите о ней разработчикам.',
  badFields: 'Приложение отправило некорректный запрос ({{channel}}), поля: {{fields}}. Это ошибка программы — сообщите о ней разработчикам.',
  theArgument: '(аргумент)',
};
