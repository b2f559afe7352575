import type { SocialPost } from '../model';
import { judged, NOT_APPLICABLE, type Rule } from './rule';
import { isOwn } from './_social';

/**
 * Premium-rate prefixes (Bundesnetzagentur: 0900, 0180x, 0137 in DE; 0900 in AT and CH, 0901/0906
 * in CH; 09xx in the UK; 1-900 in North America). CH's and the UK's 09xx only with their country
 * code: as a national number 0906 is Donauwörth and 0911 Nürnberg, ordinary landlines.
 */
export const PREMIUM =
  /(?:(?:^|[^\d+])0|\+4[139][\s-]?|\b004[139][\s-]?)(?:900|180[\s-]?[1-7]|137)[\s/-]?\d|(?:\+41|\b0041)[\s-]?90[16]|(?:\+44|\b0044)[\s-]?9\d\d|(?:^|\D)1[\s.-]?900[\s.-]?\d{3}/;
/** Sending the asker to the phone: German and English wording. */
const HOTLINE =
  /hotline|call (us|our|the)\b|give us a (call|ring)|phone (us|our)|rufen sie (uns|unsere?|die|bitte)|ruf(e|t)? uns an|telefonisch (unter|erreichbar)|unter der (nummer|rufnummer|telefonnummer)|kundenservice unter|kundendienst unter|servicenummer|service-?nummer/i;
const PHONE = /(?:\+|00)?\d[\d\s/().-]{6,}\d/;

/** Half of the owner's replies pointing to the phone: the channel is used to get rid of people. */
export const FAIL_SHARE = 0.5;
/** Two such replies at least before calling it a pattern. */
export const FAIL_MIN = 2;

export function isPremium(text: string): boolean {
  return PREMIUM.test(text);
}

export function isHotlineRedirect(post: SocialPost): boolean {
  return HOTLINE.test(post.text) || (PHONE.test(post.text) && /\b(anrufen|rufen|call|telefon\w*|phone)\b/i.test(post.text));
}

const rule: Rule = {
  id: 'hotline-redirect',
  appliesTo: ['profile', 'post'],
  weight: 2,
  judge(model) {
    const s = model.social;
    if (!s) return NOT_APPLICABLE;
    const all = s.mainPost ? [s.mainPost, ...s.posts] : s.posts;
    const owner = s.handle ?? s.mainPost?.author;
    const replies = all.filter((p) => p.isReply && !p.isPromoted && isOwn(p, owner));
    if (replies.length === 0) return NOT_APPLICABLE;
    const redirects = replies.filter(isHotlineRedirect);
    const premium = redirects.filter((p) => isPremium(p.text));
    const share = redirects.length / replies.length;
    // A paid number in an answer to a question is the seed's point 9 exactly: one is enough.
    const score =
      premium.length > 0 ? 0.1 : redirects.length >= FAIL_MIN && share >= FAIL_SHARE ? 0.3 : redirects.length > 0 ? 0.7 : 1;
    return judged(
      score,
      (premium.length ? premium : redirects).slice(0, 5).map((p) => p.evidence),
      [redirects.length, replies.length, premium.length],
    );
  },
};

export default rule;
