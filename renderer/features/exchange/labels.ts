import type { RefusalReason } from '../../../shared/sync/merge';
import { TRUST_REFUSAL_TEXT, type TrustRefusalReason } from '../../../shared/trust/batches';
import { FIELD_LABELS } from '../../common/labels';
import { formatDate } from '../../../shared/text/format';

/** Why a change is not applied; each reason is named in the preview (issue 17). */
export const REFUSAL: Record<RefusalReason | TrustRefusalReason, string> = {
  ...TRUST_REFUSAL_TEXT,
  role: 'роль автора, выданная организатором, не позволяет менять эти данные',
  'organizer-field': 'это может менять только организатор (PIN организатора)',
  'append-only': 'отметку прихода нельзя изменить или удалить',
  'not-owner': 'отметка записана от имени другого устройства',
  malformed: 'запись повреждена',
  'unknown-table': 'неизвестный вид данных (файл из более новой версии Схода?)',
  invalid: 'недопустимое значение',
  'same-stamp': 'два устройства пишут под одним идентификатором: изменение с той же меткой времени уже есть',
  'own-id': 'другое устройство пишет под идентификатором этого устройства',
};

export const fieldLabel = (f: string) => FIELD_LABELS[f] ?? f;

export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(пусто)';
  if (typeof v === 'string') return `«${v}»`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** When a stamp was written, by its wall part (hlc.ts). */
export const stampTime = (hlc: string) => timeOf(new Date(Number(hlc.slice(0, 15))).toISOString());

export const timeOf = (iso: string) => formatDate(iso, 'dateTimeSeconds');
