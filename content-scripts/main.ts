// Entry point of the content script every http(s) page loads; the logic lives in src/content/.
// It holds no rules, no lexicons, no scoring, no schema library, no Dexie, no Preact: the page pays
// only for reading its DOM (DESIGN.md). tests/e2e/bundle.e2e.ts checks the built file.
import { provideShared } from '../src/content/families';
import { startContent } from '../src/content/run';
import { detectPack } from './shared/pack';

provideShared({ detect: detectPack() });
startContent(window);
