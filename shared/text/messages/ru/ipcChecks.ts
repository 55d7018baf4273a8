/** Why the main process refuses a request from the window (shared/ipc/contract.ts): sizes and file names. */
export default {
  dataTooLarge: 'данные слишком большие',
  fileNameWithPath: 'имя файла без пути',
  fileTooLarge: 'файл слишком большой',
  backupTooLarge: 'копия слишком большая',
};
