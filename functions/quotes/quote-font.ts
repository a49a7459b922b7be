import { readFile } from 'node:fs/promises';

/**
 * The font of quote PDFs, cut per document to the characters it prints.
 *
 * The source is a cut of Noto Sans SC (Latin and GB2312 Chinese; see
 * scripts/build-quote-font.ts) in `fonts/` beside this module, with HarfBuzz's subsetter built
 * for WebAssembly (harfbuzzjs). pdf-lib's own subsetting (fontkit) drops glyphs of this font, so
 * HarfBuzz, the reference subsetter, cuts it instead and pdf-lib embeds the result whole: a quote
 * carries a few KB of font. In AWS the bundling copies `fonts/` next to the bundle (manifest
 * `assets`), so the same relative URL works from the source (local runtime, tests) and from
 * the bundle. Both files are read once per container.
 */
const FONT_URL = new URL('./fonts/quote-sans.ttf', import.meta.url);
const WASM_URL = new URL('./fonts/harfbuzz-subset.wasm', import.meta.url);

interface HarfBuzz {
  memory: WebAssembly.Memory;
  _initialize(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

interface Loaded {
  hb: HarfBuzz;
  face: number;
}

let loaded: Promise<Loaded> | undefined;

async function load(): Promise<Loaded> {
  const [wasm, font] = await Promise.all([readFile(WASM_URL), readFile(FONT_URL)]);
  const { instance } = await WebAssembly.instantiate(wasm);
  const hb = instance.exports as unknown as HarfBuzz;
  hb._initialize();
  // The face stays for the life of the container: every PDF is cut from it.
  const buffer = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, buffer);
  const blob = hb.hb_blob_create(buffer, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  return { hb, face };
}

/** A TrueType font holding exactly the glyphs of `text` (plus .notdef), for pdf-lib to embed. */
export async function quoteFontFor(text: string): Promise<Uint8Array> {
  loaded ??= load().catch((error) => {
    loaded = undefined;
    throw error;
  });
  const { hb, face } = await loaded;
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('harfbuzz: cannot create a subset input');
  let subset = 0;
  try {
    // Keep every layout feature (as hb-subset --layout-features='*').
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    hb.hb_set_invert(features);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
    subset = hb.hb_subset_or_fail(face, input);
  } finally {
    hb.hb_subset_input_destroy(input);
  }
  if (subset === 0) throw new Error('harfbuzz: subsetting the quote font failed');
  const blob = hb.hb_face_reference_blob(subset);
  try {
    const offset = hb.hb_blob_get_data(blob, 0);
    const length = hb.hb_blob_get_length(blob);
    // A copy: the wasm memory may grow (and move) on the next call.
    return new Uint8Array(hb.memory.buffer, offset, length).slice();
  } finally {
    hb.hb_blob_destroy(blob);
    hb.hb_face_destroy(subset);
  }
}
