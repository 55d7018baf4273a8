import { BridgeError } from '../errors';

/** Why a file operation failed, in words a desk operator can act on. */
function reasonFor(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'файл или папка не найдены — возможно, флешку извлекли или файл переместили';
    case 'EACCES':
    case 'EPERM':
      return 'нет доступа — проверьте права или выберите другую папку';
    case 'EBUSY':
      return 'файл занят другой программой — закройте его (например, в Excel) и повторите';
    case 'ENOSPC':
      return 'на диске нет места — освободите место или выберите другой диск';
    case 'EROFS':
      return 'диск доступен только для чтения — выберите другую папку';
    case 'EISDIR':
      return 'выбрана папка, а не файл';
    case 'ENAMETOOLONG':
      return 'слишком длинное имя или путь — сократите имя файла';
    default:
      return 'ошибка ввода-вывода — повторите или выберите другое место';
  }
}

/** Turns a Node fs error into a BridgeError('io') with a Russian message; the raw error is logged. */
export function ioError(action: 'прочитать' | 'сохранить', fileName: string, err: unknown): BridgeError {
  if (err instanceof BridgeError) return err;
  const code = typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
  console.error(`[skhod:fs] cannot ${action === 'прочитать' ? 'read' : 'write'} ${fileName}`, err);
  return new BridgeError('io', `Не удалось ${action} файл «${fileName}»: ${reasonFor(code)}.`);
}
