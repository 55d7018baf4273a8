// Renders the one icon source (resources/icon/icon.svg) to the 1024×1024 PNG electron-builder turns
// into .ico, .icns and the Linux icon set. Run by `npm run dist`; the output is not committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const svg = readFileSync('resources/icon/icon.svg');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
mkdirSync('resources/build', { recursive: true });
writeFileSync('resources/build/icon.png', png);
console.log(`resources/build/icon.png (${png.length} bytes)`);
