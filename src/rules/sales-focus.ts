import type { SocialPost } from '../contract';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { ownPosts, percent } from './_social';

/** Fewer own posts with text make any share noise. */
export const MIN_POSTS = 5;
/** "Most posts push offers" (seed 002 #4): more than half. */
export const FAIL_SHARE = 0.5;
/** A third of the timeline as offers already crowds out conversation. */
export const WARN_SHARE = 0.3;
/** A fail needs a real sample, not five posts in a sale week. */
export const FAIL_MIN_POSTS = 8;

/** Offer wording, German and English. */
const OFFER =
  /\b(rabatt\w*|gutschein\w*|sonderangebot\w*|aktionscode|jetzt (kaufen|bestellen|zugreifen|sichern)|versandkostenfrei|nur (noch )?(heute|bis)|sale\b|discount\w*|coupon\w*|promo ?codes?|voucher|buy now|shop now|order now|limited (time )?offer|free shipping|black friday|cyber monday|deal of the day|use code|mit (dem )?code)\b|\d+\s?%\s?(off|rabatt|reduziert|günstiger)\b|-\s?\d+\s?%|\b(code|rabattcode)[:\s]+[A-Z0-9]{4,}\b/iu;
/** Links into shops and checkouts. */
const SHOP_URL =
  /(^|[./])(amazon\.[a-z.]+|amzn\.to|ebay\.[a-z.]+|etsy\.com|shop\.|store\.)|\/(shop|store|cart|checkout|produkte?|products?|angebote?|deals?)(\/|$|\?)/i;

export function isSales(post: Pick<SocialPost, 'text' | 'urls'>): boolean {
  return OFFER.test(post.text) || post.urls.some((u) => SHOP_URL.test(u.replace(/^https?:\/\//, '')));
}

const rule: Rule = {
  id: 'sales-focus',
  appliesTo: ['profile'],
  weight: 1,
  judge(model) {
    const posts = ownPosts(model).filter((p) => p.text.length > 0 || p.urls.length > 0);
    if (posts.length < MIN_POSTS) return NOT_APPLICABLE;
    const sales = posts.filter(isSales);
    const share = sales.length / posts.length;
    const score = share > FAIL_SHARE && posts.length >= FAIL_MIN_POSTS ? 0.3 : share >= WARN_SHARE ? 0.6 : 1;
    return judged(
      score,
      sales.slice(0, 5).map((p) => p.evidence),
      [sales.length, posts.length, percent(share)],
    );
  },
};

export default rule;
