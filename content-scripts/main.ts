// Entry point only: the logic lives in src/content/run.ts. Nothing from src/storage or popup/
// may be imported here (no Dexie, no Preact in the content-script bundle).
import { startContent } from '../src/content/run';

startContent(window);
