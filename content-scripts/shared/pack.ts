// The entry's side of ./detect.ts: the gates' page checks, in DetectPack's order
// (src/content/families.ts), for the blog family the worker may inject later.
import * as d from '../../src/adapters/_blog/detect';
import type { DetectPack } from '../../src/content/families';

export function detectPack(): DetectPack {
  return [
    d.articleConfidence,
    d.BLOGGER_POST_PATH,
    d.commentArea,
    d.generator,
    d.isBlogger,
    d.ldScripts,
    d.notArticleReason,
    d.wpBodyKind,
  ];
}
