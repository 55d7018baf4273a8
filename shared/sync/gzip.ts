/**
 * gzip through the Compression Streams API, present in Chromium and in Node 20 alike, so shared/ needs
 * no zlib of its own.
 */

export class GunzipError extends Error {
  override name = 'GunzipError';
  constructor(readonly reason: 'corrupt' | 'too-large') {
    super(reason === 'corrupt' ? 'not valid gzip data' : 'inflated data exceeds the limit');
  }
}

export function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pump(bytes, new CompressionStream('gzip'), Number.POSITIVE_INFINITY);
}

/**
 * Inflates at most `maxBytes` and stops there: a small file that inflates to gigabytes (a "zip bomb")
 * must not take the desk's memory down. Throws GunzipError.
 */
export async function gunzip(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    return await pump(bytes, new DecompressionStream('gzip'), maxBytes);
  } catch (e) {
    if (e instanceof GunzipError) throw e;
    throw new GunzipError('corrupt');
  }
}

async function pump(input: Uint8Array, stream: CompressionStream | DecompressionStream, maxBytes: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  // Written and read at the same time: awaiting the write first would stall once the output queue fills.
  const written = writer.write(new Uint8Array(input)).then(() => writer.close());
  written.catch(() => undefined); // a failure also errors the readable side, which reports it below
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new GunzipError('too-large');
    }
    chunks.push(value);
  }
  await written;
  return concatBytes(chunks);
}

/** The chunks of a stream as one array. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
