import { useState } from 'react';
import { Dialog, closeDialog } from '../../components/ui';
import type { PackageCode } from '../../db/repo/package-codes';
import { formatWhen } from './labels';

/**
 * The access code of a juror's sealed package, big enough to read out over the phone, with the rule
 * that keeps the package private: the code goes to the juror apart from the file. `fresh`: shown right
 * after the export (the file was just saved); otherwise reopened from the returns board.
 */
export function PackageCodeDialog({ record, fresh, onClose }: { record: PackageCode; fresh: boolean; onClose: () => void }) {
  const [copied, setCopied] = useState<boolean>();
  return (
    <Dialog
      title={`Код доступа к пакету эксперта ${record.jurorName}`}
      className="package-code-dialog"
      onClose={onClose}
      footer={
        <button type="button" className="primary" onClick={closeDialog}>
          Готово
        </button>
      }
    >
      <p>
        {fresh ? 'Пакет сохранён' : `Пакет сохранён ${formatWhen(record.savedAt)}`}: «{record.fileName}». Он зашифрован — без этого кода его не открыть.
      </p>
      <div className="package-code-row">
        <span className="package-code-who">{record.jurorName}</span>
        <output className="package-code" aria-label="Код доступа">
          {record.code}
        </output>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(record.code).then(() => setCopied(true), () => setCopied(false))}>
          {copied ? 'Скопировано' : 'Скопировать'}
        </button>
      </div>
      {copied === false && <p role="alert">Скопировать не получилось — перепишите код.</p>}
      <p className="package-code-rule">
        <strong>Сообщите код эксперту отдельно от файла — лучше по телефону.</strong> Никогда не отправляйте код в том же письме или сообщении, что и файл: тот, кто получит
        оба, откроет пакет.
      </p>
      <p className="muted">Если скачать пакет этому эксперту заново, у нового файла будет новый код — старый код его уже не откроет.</p>
    </Dialog>
  );
}
