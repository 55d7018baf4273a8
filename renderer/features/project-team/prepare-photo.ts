/**
 * A photo chosen by the team, made fit for the report before it is stored: a phone's 4000 × 3000
 * picture of several megabytes is redrawn on a canvas with its long side at 1600 px and saved as JPEG
 * (shared/projects/team-draft.ts shrinkSize), so ten photos stay far inside the report file's budget.
 * A small JPEG, PNG or WebP is kept byte for byte. Runs in the renderer (createImageBitmap, canvas).
 */
import { MAX_PHOTO_BYTES, type Photo } from '../../../shared/projects/report-file';
import { keepsAsIs, shrinkSize } from '../../../shared/projects/team-draft';

export type PreparedPhoto = { ok: true; photo: Photo; shrunkFrom?: number } | { ok: false; reason: 'not-image' | 'unreadable' };

const toJpegName = (name: string) => `${name.replace(/\.[^.]+$/, '') || 'photo'}.jpg`;

async function encode(bitmap: ImageBitmap, maxSide: number, quality: number): Promise<Uint8Array> {
  const size = shrinkSize(bitmap.width, bitmap.height, maxSide);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas 2d');
  // a transparent PNG gets a white background rather than JPEG's black
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size.width, size.height);
  g.drawImage(bitmap, 0, 0, size.width, size.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new Error('toBlob');
  return new Uint8Array(await blob.arrayBuffer());
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (!file.type.startsWith('image/')) return { ok: false, reason: 'not-image' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    const id = crypto.randomUUID();
    if (keepsAsIs(file.type, file.size, bitmap.width, bitmap.height)) {
      return { ok: true, photo: { id, name: file.name, mime: file.type, bytes: new Uint8Array(await file.arrayBuffer()) } };
    }
    // smaller and plainer until it fits; the first try fits any ordinary photo
    let bytes = await encode(bitmap, 1600, 0.85);
    if (bytes.byteLength > MAX_PHOTO_BYTES) bytes = await encode(bitmap, 1200, 0.7);
    return { ok: true, photo: { id, name: toJpegName(file.name), mime: 'image/jpeg', bytes }, shrunkFrom: file.size };
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    bitmap.close();
  }
}
