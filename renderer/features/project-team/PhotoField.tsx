/**
 * The report's photos: thumbnails in the order chosen, the budget left (how many more, the cap of
 * one), «Добавить фотографии…» (a file input: several at once, by keyboard through the button) and
 * «Убрать» on each. Large photos are shrunk before they are stored (prepare-photo.ts).
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { photoBudget } from '../../../shared/projects/team-draft';
import { formatBytes } from '../../../shared/text/format';
import type { ReportPhotoRow } from '../../db/database';

export function PhotoField({ photos, busy, note, error, onAdd, onRemove }: { photos: readonly ReportPhotoRow[]; busy: boolean; note?: string; error?: string; onAdd: (files: File[]) => void; onRemove: (id: string) => void }) {
  const { t } = useTranslation('projectTeam');
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => new Map(photos.map((p) => [p.id, URL.createObjectURL(new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.mime }))])), [photos]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const budget = photoBudget(photos);
  const full = budget.photosLeft === 0;
  return (
    <fieldset className="team-photos">
      <legend>{t('photos.legend')}</legend>
      <p className="hint" role="status" aria-label={t('photos.legend')}>
        {full
          ? t('photos.full', { count: budget.count, max: budget.maxPhotos })
          : t('photos.budget', { count: budget.count, max: budget.maxPhotos, size: formatBytes(budget.bytes), left: budget.photosLeft, cap: formatBytes(budget.maxPhotoBytes) })}
      </p>
      {photos.length > 0 && (
        <ul className="team-photo-list">
          {photos.map((p) => (
            <li key={p.id}>
              <img src={urls.get(p.id)} alt={t('photos.alt', { name: p.name })} />
              <span className="team-photo-name">{p.name}</span>
              <small>{formatBytes(p.size)}</small>
              <button type="button" aria-label={t('photos.removeLabel', { name: p.name })} onClick={() => onRemove(p.id)}>
                {t('photos.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/*"
        multiple
        hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onAdd(files);
        }}
      />
      <button type="button" disabled={busy || full} aria-busy={busy} onClick={() => input.current?.click()}>
        {busy ? t('photos.adding') : t('photos.add')}
      </button>
      {note && (
        <p className="form-ok" role="status">
          {note}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
