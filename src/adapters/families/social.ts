import type { Adapter } from '../adapter';
import bluesky from '../bluesky';
import facebook from '../facebook';
import instagram from '../instagram';
import linkedin from '../linkedin';
import mastodon from '../mastodon';
import x from '../x';
import { byPriority } from './pick';

/**
 * The social adapters: one chunk, loaded by the content script only where `mayBeSocial` says so.
 * A new network goes here too (tests/unit/gates.test.ts fails while it is in no family).
 */
export const SOCIAL_ADAPTERS: readonly Adapter[] = byPriority([bluesky, facebook, instagram, linkedin, mastodon, x]);
