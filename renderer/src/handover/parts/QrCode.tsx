/**
 * A QR code drawn as one SVG path (no canvas, no data URL, nothing the content policy forbids).
 * The encoding is `uqr`'s; black on white with a quiet zone of four modules, as scanners expect.
 */
import { useMemo } from 'react';
import { encode } from 'uqr';

interface QrCodeProps {
  text: string;
  /** The accessible name of the picture, e.g. "QR code of the key card". */
  label: string;
  /** Rendered width and height in CSS pixels. */
  size?: number;
  testId?: string;
}

export function QrCode({ text, label, size = 280, testId }: QrCodeProps) {
  const { path, modules } = useMemo(() => {
    const qr = encode(text, { ecc: 'L', border: 4 });
    let d = '';
    qr.data.forEach((row, y) => {
      let x = 0;
      while (x < row.length) {
        if (!row[x]) {
          x++;
          continue;
        }
        const start = x;
        while (x < row.length && row[x]) x++;
        d += `M${start} ${y}h${x - start}v1h${start - x}z`;
      }
    });
    return { path: d, modules: qr.size };
  }, [text]);

  return (
    <svg
      role="img"
      aria-label={label}
      data-testid={testId}
      width={size}
      height={size}
      viewBox={`0 0 ${modules} ${modules}`}
      shapeRendering="crispEdges"
      style={{ background: '#fff', display: 'block' }}
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
