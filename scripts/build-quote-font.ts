import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import subsetFont from 'subset-font';

/**
 * Builds the font files of quote PDFs (functions/quotes/fonts/quote-sans.ttf): Noto Sans SC Regular
 * (SIL Open Font License) cut down to what a bilingual quote needs: Latin (ASCII, Latin-1,
 * Latin Extended-A), general punctuation, currency signs, and GB2312 (all 6,763 Simplified
 * Chinese hanzi plus CJK punctuation and full-width forms). The full font is 10.5 MB; the cut
 * is committed so neither the Lambda bundle nor the local runtime needs the font package.
 * pdf-lib subsets it again per PDF, so a quote carries only the glyphs it uses.
 *
 * It also copies HarfBuzz's subsetter (harfbuzzjs, MIT) beside it: functions/quotes/quote-font.ts
 * cuts the font per PDF with it.
 *
 * Run: npx tsx scripts/build-quote-font.ts
 */

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = resolve(ROOT, 'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const TARGET = resolve(ROOT, 'functions/quotes/fonts/quote-sans.ttf');

function range(from: number, to: number): string {
  let out = '';
  for (let cp = from; cp <= to; cp++) out += String.fromCodePoint(cp);
  return out;
}

/** Every character GB2312 encodes (rows 0xA1–0xF7 × cells 0xA1–0xFE), decoded with the GBK decoder. */
function gb2312(): string {
  const decoder = new TextDecoder('gbk');
  let out = '';
  for (let row = 0xa1; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const ch = decoder.decode(Uint8Array.of(row, cell));
      if (ch !== '\uFFFD') out += ch;
    }
  }
  return out;
}

const text = [
  range(0x20, 0x7e),
  range(0xa0, 0x17f),
  range(0x2000, 0x206f),
  range(0x20a0, 0x20bf),
  range(0x3000, 0x303f),
  range(0xff00, 0xffef),
  gb2312(),
].join('');

const font = await subsetFont(await readFile(SOURCE), text, { targetFormat: 'sfnt' });
await mkdir(dirname(TARGET), { recursive: true });
await writeFile(TARGET, font);
console.log(`${TARGET}: ${[...new Set(text)].length} characters, ${(font.length / 1000).toFixed(0)} KB`);
await copyFile(
  resolve(ROOT, 'node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm'),
  resolve(dirname(TARGET), 'harfbuzz-subset.wasm'),
);
