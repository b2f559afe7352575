import { evidenceOf } from '../dom';
import type { CommentForm, FieldKind, FormField } from '../../contract';
import { attr, cssEscape, hiddenByMarkup, textOf } from './dom';

/**
 * The comment form as the page serves it: every visible input with its label, kind and
 * required/pre-ticked flags. WordPress marks required inputs three ways (`required`,
 * `aria-required="true"`, or only a `*` / "(erforderlich)" in the label on older and WordPress.com
 * themes), so all three count.
 */

const SKIP_TYPES = new Set(['hidden', 'submit', 'button', 'image', 'reset', 'file']);

// the label marks the field as mandatory: "Name *", "E-Mail (erforderlich)", "Email (required)"
const REQUIRED_LABEL = /\*|\((?:erforderlich|required|pflicht(?:feld)?|obligatoire|obligatorio)\)|\bpflichtfeld\b/i;

// WordPress core's "Save my name, email, and website in this browser" and privacy/DSGVO boxes
const CONSENT =
  /cookies?-consent|privacy|datenschutz|dsgvo|gdpr|rgpd|consent|einwillig|zustimm|einverstanden|akzeptier|accept|agree|speichern|save my name|store my|terms|nutzungsbedingungen/i;

// boxes that sign people up for mail: newsletters, new posts, follow-up comments (real-pages README)
const NEWSLETTER_NAME =
  /subscribe|newsletter|mailpoet|mc4wp|mailchimp|sendinblue|brevo|cleverreach|rapidmail|klaviyo|convertkit|aweber|optin|opt-in|subscription|notify|abonn/i;
const NEWSLETTER_LABEL =
  /newsletter|mailing ?list|mailingliste|abonnier|abonnement|subscribe|subscription|notify me|benachrichtig|neue beiträge|neuen beiträgen|new posts|follow-up|weitere kommentare|e-?mail-updates|werbung|marketing|angebote|verpasse|don'?t miss|updates per e-?mail/i;

const CAPTCHA_NAME = /captcha|turnstile|\bquiz\b|\bmath|rechen|cptch/i;
// "Lösen Sie: 3 + 4 =", "What is 7 - 2?", "Bitte rechnen Sie", "Solve the task"
const CAPTCHA_LABEL =
  /lösen sie|rechenaufgabe|bitte rechnen|solve|captcha|sicherheitsfrage|security question|spam-?schutz.*\d|\d+\s*[+\-x×*]\s*\d+\s*[=?]/i;

const CAPTCHA_WIDGETS =
  '.g-recaptcha, .h-captcha, .cf-turnstile, .frc-captcha, iframe[src*="recaptcha"], iframe[src*="hcaptcha.com"], iframe[src*="challenges.cloudflare.com"], [data-sitekey], .wpcf7-recaptcha, #cf_captcha, .sicaptcha, #siimage, img[src*="captcha"]';

function labelOf(input: Element, scope: Element): string {
  const id = input.getAttribute('id');
  const parts: string[] = [];
  if (id) {
    const forLabel =
      scope.querySelector(`label[for="${cssEscape(id)}"]`) ?? input.ownerDocument.querySelector(`label[for="${cssEscape(id)}"]`);
    if (forLabel) parts.push(textOf(forLabel));
  }
  const wrapping = input.closest('label');
  if (wrapping && parts.length === 0) parts.push(textOf(wrapping));
  if (parts.length === 0) {
    // MC4WP & co. put the box and its text in one <p>/<span> without a <label for>
    const holder = input.parentElement;
    if (holder && holder !== scope) parts.push(textOf(holder).slice(0, 300));
  }
  const aria = attr(input, 'aria-label') || attr(input, 'placeholder') || attr(input, 'title');
  if (parts.every((p) => !p) && aria) parts.push(aria);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function kindOf(input: Element, type: string, label: string): FieldKind {
  const key = `${attr(input, 'name')} ${attr(input, 'id')} ${input.getAttribute('class') ?? ''}`;
  if (input.localName === 'textarea') return 'comment';
  if (type === 'checkbox') {
    if (/cookies-consent/.test(key)) return 'consent';
    if (NEWSLETTER_NAME.test(key) || NEWSLETTER_LABEL.test(label)) return 'newsletter';
    if (CONSENT.test(key) || CONSENT.test(label)) return 'consent';
    return 'other';
  }
  if (CAPTCHA_NAME.test(key) || CAPTCHA_LABEL.test(label)) return 'captcha';
  if (type === 'email' || /e-?mail/i.test(key)) return 'email';
  if (type === 'url' || /\b(url|website|homepage|webseite)\b/i.test(key)) return 'url';
  if (/author|\bname\b|fname|nickname|your-name/i.test(key)) return 'name';
  return 'other';
}

function isRequired(input: Element, label: string): boolean {
  if (input.hasAttribute('required') || attr(input, 'aria-required') === 'true') return true;
  return REQUIRED_LABEL.test(label);
}

/**
 * `form` is the <form>; `around` is the block that holds it (`#respond`): subscription boxes are
 * often printed right after the form by plugins (Jetpack's `.comment-subscription-form`).
 */
export function commentFormOf(form: Element, around?: Element | null): CommentForm {
  const fields: FormField[] = [];
  const seenRadio = new Set<string>();
  const scope = around?.contains(form) ? around : form;
  for (const input of scope.querySelectorAll('input, textarea, select')) {
    // another form inside #respond (a login box, a search) is not the comment form
    const owner = input.closest('form');
    if (owner && owner !== form) continue;
    const type = (input.localName === 'input' ? attr(input, 'type') || 'text' : input.localName).toLowerCase();
    if (SKIP_TYPES.has(type) || hiddenByMarkup(input, scope)) continue;
    const name = attr(input, 'name') || attr(input, 'id');
    if (type === 'radio') {
      if (seenRadio.has(name)) continue;
      seenRadio.add(name);
    }
    const label = labelOf(input, scope);
    const kind = kindOf(input, type, label);
    const field: FormField = {
      name,
      label: label.slice(0, 200),
      type,
      kind,
      required: isRequired(input, label),
      evidence: evidenceOf(input, label || name),
    };
    if (type === 'checkbox') field.checked = input.hasAttribute('checked');
    fields.push(field);
  }
  const captcha = fields.some((f) => f.kind === 'captcha') || !!scope.querySelector(CAPTCHA_WIDGETS);
  return { fields, captcha, evidence: evidenceOf(form) };
}
