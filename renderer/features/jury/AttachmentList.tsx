import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../shared/text/format';
import type { AttachmentRef } from '../../../shared/contest';
import { bridge } from '../../bridge/bridge';
import { loadJurorAttachment } from '../../db/repo/juror';
import { useDb } from '../../hooks/db-context';

/** Shown inside the app: images as <img> from a blob: URL (the CSP's img-src allows blob:), plain text as text. */
const VIEWABLE_IMAGE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const isViewable = (f: AttachmentRef) => VIEWABLE_IMAGE.has(f.mime) || f.mime === 'text/plain';
/** Enough of a text file to read on screen; the whole file is a «Сохранить» away. */
const TEXT_PREVIEW_CHARS = 100_000;

const kindKey = (mime: string) =>
  mime === 'application/pdf' ? 'files.kindPdf' : mime.startsWith('image/') ? 'files.kindImage' : mime === 'text/plain' ? 'files.kindText' : 'files.kindDocument';

type Preview = { id: string; name: string } & ({ kind: 'image'; url: string } | { kind: 'text'; text: string; cut: boolean });

/**
 * The application's files in juror mode. They came inside the package (checked against their sha256
 * when it was opened) and live on this device until the juror leaves juror mode. PDFs and documents
 * are saved to disk and opened there: showing them in a frame would need the CSP to allow blob:
 * frames, and an applicant's PDF is not something to run inside the app's origin.
 */
export function AttachmentList({ files, available }: { files: readonly AttachmentRef[]; available: ReadonlySet<string> | undefined }) {
  const ctx = useDb();
  const { t } = useTranslation('jury');
  const [preview, setPreview] = useState<Preview>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  // a blob: URL holds the image in memory until revoked: revoke it when the preview changes or the sheet closes
  useEffect(() => {
    if (preview?.kind !== 'image') return;
    const url = preview.url;
    return () => URL.revokeObjectURL(url);
  }, [preview]);

  const load = async (f: AttachmentRef) => {
    const blob = await loadJurorAttachment(ctx, f.id);
    if (!blob) setMessage({ kind: 'error', text: t('files.missing', { name: f.name }) });
    return blob;
  };

  const view = async (f: AttachmentRef) => {
    setMessage(undefined);
    if (preview?.id === f.id) return setPreview(undefined);
    const blob = await load(f);
    if (!blob) return;
    if (VIEWABLE_IMAGE.has(f.mime)) {
      setPreview({ id: f.id, name: f.name, kind: 'image', url: URL.createObjectURL(new Blob([blob.bytes as Uint8Array<ArrayBuffer>], { type: f.mime })) });
    } else {
      const text = new TextDecoder('utf-8').decode(blob.bytes);
      setPreview({ id: f.id, name: f.name, kind: 'text', text: text.slice(0, TEXT_PREVIEW_CHARS), cut: text.length > TEXT_PREVIEW_CHARS });
    }
  };

  const save = async (f: AttachmentRef) => {
    setMessage(undefined);
    const blob = await load(f);
    if (!blob) return;
    const saved = await bridge.saveFile({ suggestedName: f.name.replace(/[\\/]/g, '-'), bytes: blob.bytes as Uint8Array<ArrayBuffer> });
    if ('error' in saved) return setMessage({ kind: 'error', text: saved.error.message });
    if (saved.data) setMessage({ kind: 'ok', text: t('files.saved', { name: saved.data.name }) });
  };

  if (files.length === 0) return null;
  return (
    <section className="jury-files" aria-labelledby="jury-files-title">
      <h2 id="jury-files-title">{t('files.heading')}</h2>
      <ul aria-label={t('files.heading')}>
        {files.map((f) => {
          const here = available?.has(f.id) ?? false;
          return (
            <li key={f.id}>
              <span className="jury-file-name">{f.name}</span>
              <span className="muted small">
                {t(kindKey(f.mime))}, {formatBytes(f.size)}
              </span>
              {available === undefined ? null : here ? (
                <>
                  {isViewable(f) && (
                    <button type="button" aria-expanded={preview?.id === f.id} onClick={() => void view(f)}>
                      {preview?.id === f.id ? t('files.hide') : t('files.view')}
                      <span className="visually-hidden">{t('files.which', { name: f.name })}</span>
                    </button>
                  )}
                  <button type="button" onClick={() => void save(f)}>
                    {t('files.save')}
                    <span className="visually-hidden">{t('files.which', { name: f.name })}</span>
                  </button>
                </>
              ) : (
                <span className="muted small">{t('files.notInPackage')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {message && (
        <p className={message.kind === 'ok' ? 'form-ok small' : 'form-error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {preview && (
        <figure className="jury-preview">
          {preview.kind === 'image' ? (
            <img src={preview.url} alt={t('files.imageAlt', { name: preview.name })} />
          ) : (
            <pre tabIndex={0} aria-label={t('files.textLabel', { name: preview.name })}>
              {preview.text}
              {preview.cut ? '\n…' : ''}
            </pre>
          )}
          <figcaption className="muted small">{preview.name}</figcaption>
        </figure>
      )}
    </section>
  );
}
