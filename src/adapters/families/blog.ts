import type { Adapter } from '../adapter';
import blogger from '../blogger';
import generic from '../generic';
import ghost from '../ghost';
import medium from '../medium';
import substack from '../substack';
import wordpress from '../wordpress';
import wordpressCom from '../wordpress-com';
import { byPriority } from './pick';

/**
 * The blog adapters: one chunk, loaded by the content script only where `mayBeBlog` says so.
 * A new blog adapter goes here too (tests/unit/gates.test.ts fails while it is in no family).
 */
export const BLOG_ADAPTERS: readonly Adapter[] = byPriority([blogger, generic, ghost, medium, substack, wordpress, wordpressCom]);
