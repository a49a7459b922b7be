/**
 * zod/mini, with English messages. The mini build tree-shakes to a few KB where the classic API
 * costs ~85 KB and ~50 ms of Lambda init; every schema imports `z` from here so the locale is set
 * once and the API types stay the same for the SPA.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
