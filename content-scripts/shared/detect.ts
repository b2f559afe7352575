// In the blog family's file, every import of src/adapters/_blog/detect.ts is this module
// (vite.config.ts SHARED_MODULES): the entry's own functions, which its gate has already run, instead
// of a second copy to parse and warm up. In DetectPack's order (src/content/families.ts); a name the
// family imports and this lacks fails its build.
import { sharedModule } from '../../src/content/families';

export const [articleConfidence, BLOGGER_POST_PATH, commentArea, generator, isBlogger, ldScripts, notArticleReason, wpBodyKind] =
  sharedModule('detect');
