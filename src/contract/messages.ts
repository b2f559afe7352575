import * as v from 'valibot';
import type { Audit } from './audit';
import { LIMITS } from './limits';
import { type PageModel, PageModelSchema, text } from './model';

/**
 * The one typed protocol between the extension's contexts, as schemas: the worker validates every
 * message with them (./validate.ts) and the types derive from them.
 *
 * content → worker:  page (a PageModel to judge; `more`: only what a re-read of an SPA added),
 *                    load-adapters (inject the adapter family a cheap gate said this page may need)
 * popup   → worker:  audit-tab, highlight
 * worker  → content: run-audit (a highlight is drawn by the worker itself: src/background/highlight.ts)
 */

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1));

export const FAMILIES = ['blog', 'social'] as const;
export type Family = (typeof FAMILIES)[number];

export const MessageSchema = v.variant('type', [
  v.object({
    type: v.literal('page'),
    model: PageModelSchema,
    /** the model holds only the posts a re-read added to the tab's last model (same URL) */
    more: v.optional(v.boolean()),
  }),
  v.object({ type: v.literal('load-adapters'), family: v.picklist(FAMILIES) }),
  v.object({ type: v.literal('audit-tab'), tabId }),
  v.object({
    type: v.literal('highlight'),
    tabId: v.optional(tabId),
    selector: v.pipe(text(LIMITS.selectorChars), v.minLength(1)),
  }),
  v.object({ type: v.literal('run-audit') }),
]);

export type Message = v.InferOutput<typeof MessageSchema>;
export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** What each message answers with. A rejected or ignored message gets no answer (undefined). */
export interface Responses {
  /** `resend`: a `more` model arrived but the worker has no earlier model of that page: send it whole */
  page: { ok: boolean; resend?: boolean };
  'load-adapters': { ok: boolean };
  /** the stored audit of the tab, or null with a reason the popup can show */
  'audit-tab': { audit: Audit | null; error?: 'no-access' | 'not-audited' | 'failed' };
  highlight: { ok: boolean };
  /** the page's model now (kind 'other' where no adapter claims it); null when extraction failed */
  'run-audit': { model: PageModel | null };
}

export type Response<T extends MessageType> = Responses[T] | undefined;

/** Messages only our content scripts send; everything else comes from our own extension pages. */
export const CONTENT_MESSAGES: ReadonlySet<MessageType> = new Set(['page', 'load-adapters']);
export const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set(['audit-tab', 'highlight']);
