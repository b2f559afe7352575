import type { Adapter } from '../adapter';
import { registryOf } from '../registry';

/** The blog family: every adapter file in this folder (content-scripts/blog.ts ships it). */
export const BLOG_ADAPTERS: readonly Adapter[] = registryOf(
  import.meta.glob<{ default: Adapter }>(['./*.ts', '!./index.ts'], { eager: true }),
);
