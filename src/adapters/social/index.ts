import type { Adapter } from '../adapter';
import { registryOf } from '../registry';

/** The social family: every adapter file in this folder (content-scripts/social.ts ships it). */
export const SOCIAL_ADAPTERS: readonly Adapter[] = registryOf(
  import.meta.glob<{ default: Adapter }>(['./*.ts', '!./index.ts'], { eager: true }),
);
