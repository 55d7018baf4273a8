import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'qrcode';

/**
 * A QR code drawn as one SVG path (crisp at any print resolution, no data URLs, no innerHTML).
 * The qrcode library does the encoding; this only draws its module matrix.
 */
export function QrCode({ text, size, label }: { text: string; size: string; label?: string }) {
  const { t } = useTranslation();
  const { path, n } = useMemo(() => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
    }
    return { path: d, n: modules.size + 8 }; // 4-module quiet zone on each side
  }, [text]);
  return (
    <svg className="qr" viewBox={`0 0 ${n} ${n}`} width={size} height={size} role="img" aria-label={label ?? t('qrLabel', { text })} shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
