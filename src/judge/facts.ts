import type { Facts, FormField, PageModel } from '../contract';

const FORM_TEXT_KINDS = new Set(['comment']);

/** The audit JSON's `facts`: derived from the PageModel only, null where unknown. */
export function factsOf(model: PageModel): Facts {
  const c = model.comments;
  const s = model.social;
  const isArticle = model.kind === 'article';
  const comments = c?.comments ?? null;
  const human = comments?.filter((x) => x.kind === 'comment') ?? null;
  const newsletter = c?.form ? newsletterState(c.form.fields) : null;
  return {
    commentSystem: isArticle ? (c?.system ?? 'none') : null,
    commentsState: isArticle ? (c?.state ?? 'none') : null,
    requiredFields: c?.form
      ? c.form.fields.filter((f) => f.required && !FORM_TEXT_KINDS.has(f.kind) && f.type !== 'checkbox').length
      : null,
    newsletterCheckbox: newsletter,
    // comments === null means "in an iframe, not counted" (the adapter's call, never a guess)
    // a sampled thread (c.counts) reports the counts over every comment, not over the sample
    comments: isArticle && human ? (c?.counts?.comments ?? human.length) : null,
    pingbacks: isArticle ? (comments ? (c?.counts?.pingbacks ?? comments.length - (human?.length ?? 0)) : 0) : null,
    authorComments: isArticle && human ? (c?.counts?.byPostAuthor ?? human.filter((x) => x.byPostAuthor).length) : null,
    followers: model.kind === 'profile' ? (s?.followers ?? null) : null,
    following: model.kind === 'profile' ? (s?.following ?? null) : null,
    visiblePosts: model.kind === 'profile' ? (s?.postsSeen ?? s?.posts.length ?? 0) : null,
    replies: model.kind === 'post' ? (s?.mainPost?.replies ?? null) : null,
    reposts: model.kind === 'post' ? (s?.mainPost?.reposts ?? null) : null,
    likes: model.kind === 'post' ? (s?.mainPost?.likes ?? null) : null,
  };
}

/** The worst newsletter box at the form counts: required > pre-ticked > optional. */
function newsletterState(fields: readonly FormField[]): Facts['newsletterCheckbox'] {
  const boxes = fields.filter((f) => f.kind === 'newsletter');
  if (boxes.length === 0) return 'none';
  if (boxes.some((f) => f.required)) return 'required';
  if (boxes.some((f) => f.checked)) return 'prechecked';
  return 'optional';
}
