/**
 * The laptop camera as a badge scanner, for a desk with no USB scanner at hand. The camera (and so its
 * permission prompt; electron/security.ts grants video only) is opened only while the operator has the
 * scanner turned on, and closed when it is turned off or the desk is left. Decoding is ZXing's
 * (@zxing/browser, pure JavaScript: works offline); every decoded text goes to `onCode`, the same code
 * at most once in a few seconds (a badge held in front of the camera is seen many times a second).
 * ZXing is fetched when the scanner is first turned on: the desk's start does not parse it.
 */
import { useTranslation } from 'react-i18next';
import { tr } from '../../i18n';
import type { IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';

const SAME_CODE_PAUSE_MS = 4000;

function cameraError(err: unknown): string {
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return tr('desk')('scanner.denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return tr('desk')('scanner.notFound');
  if (name === 'NotReadableError') return tr('desk')('scanner.busy');
  return tr('desk')('scanner.failed', { message: (err as Error)?.message ?? String(err) });
}

export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation('desk');
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string>();
  const [running, setRunning] = useState(false);
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  }, [onCode]);

  useEffect(() => {
    let controls: IScannerControls | undefined;
    let stopped = false;
    let last = { text: '', at: 0 };
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        if (stopped) return; // turned off before ZXing arrived: no camera is opened
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: 120, delayBetweenScanSuccess: 300 });
        const c = await reader.decodeFromConstraints({ video: { facingMode: 'environment' }, audio: false }, video.current!, (result) => {
          if (!result || stopped) return;
          const text = result.getText();
          const now = Date.now();
          if (text === last.text && now - last.at < SAME_CODE_PAUSE_MS) return;
          last = { text, at: now };
          onCodeRef.current(text);
        });
        if (stopped) c.stop();
        else {
          controls = c;
          setRunning(true);
        }
      } catch (err) {
        if (!stopped) setError(cameraError(err));
      }
    })();
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, []);

  return (
    <div className="camera-scanner" role="region" aria-label={t('scanner.region')}>
      <video ref={video} muted playsInline aria-label={t('scanner.video')} />
      <p className="desk-hint" role={error ? 'alert' : 'status'}>
        {error ?? (running ? t('scanner.hold') : t('scanner.starting'))}
      </p>
    </div>
  );
}
