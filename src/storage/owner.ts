import type { Audit, PageModel, SocialPost } from '../contract';
import { excerpt } from '../owner/html';
import type { OwnerReport } from '../owner/types';
import type { HowSocialDb, OwnerAuditRow, OwnerPostRow } from './db';

/**
 * The owner audit's storage: posts the worker records from page audits (the "pages" source) and
 * finished owner reports. A post seen again (another visit, a scroll) updates its row: the
 * newest counts win, the first-seen time stays.
 */

/** One site's recorded posts at most: the oldest-seen go first. 2,000 posts are ~1 MB. */
export const OWNER_POSTS_PER_SITE = 2000;
/** Stored owner reports at most; the oldest go first. A report with 200 posts is ~300 KB. */
export const OWNER_AUDITS_MAX = 100;

function socialRow(site: string, platform: Audit['platform'], owner: string, p: SocialPost, now: number): OwnerPostRow {
  return {
    site,
    id: p.id,
    platform,
    owner,
    url: '',
    time: p.time,
    text: excerpt(p.text),
    urls: p.urls.slice(0, 20),
    isReply: p.isReply,
    isRepost: p.isRepost,
    client: p.client,
    replies: p.replies,
    reposts: p.reposts,
    likes: p.likes,
    firstSeen: now,
    lastSeen: now,
  };
}

/** Adapters write handles with or without "@" and in the page's case: one spelling for the key. */
export function ownerHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** The rows one page audit contributes: a profile's own posts, or the article itself. */
export function ownerRowsOf(model: PageModel, audit: Audit): OwnerPostRow[] {
  if (audit.kind === 'profile' && model.social) {
    const owner = ownerHandle(model.social.handle ?? '');
    // Promoted posts are the network's ads, not the owner's; pinned ones are theirs.
    return model.social.posts
      .filter((p) => p.id && !p.isPromoted)
      .map((p) => socialRow(audit.site, audit.platform, owner, p, audit.time));
  }
  if (audit.kind === 'article' && model.article) {
    const thread = model.comments?.comments ?? null;
    const human = thread?.filter((c) => c.kind === 'comment') ?? null;
    return [
      {
        site: audit.site,
        id: audit.url,
        platform: audit.platform,
        owner: '',
        url: audit.url,
        time: model.article.published,
        text: excerpt(model.article.title),
        urls: model.article.links
          .filter((l) => !l.internal)
          .map((l) => l.href)
          .slice(0, 20),
        isReply: false,
        isRepost: false,
        replies: null,
        reposts: null,
        likes: null,
        commentsOpen: model.comments ? model.comments.state === 'open' : null,
        comments: model.comments?.counts?.comments ?? human?.length ?? null,
        authorComments: model.comments?.counts?.byPostAuthor ?? human?.filter((c) => c.byPostAuthor).length ?? null,
        score: audit.score,
        firstSeen: audit.time,
        lastSeen: audit.time,
      },
    ];
  }
  return [];
}

/** Record the posts of one page audit (the worker calls this from acceptAudit). */
export async function recordOwnerPosts(db: HowSocialDb, model: PageModel, audit: Audit): Promise<number> {
  const rows = ownerRowsOf(model, audit);
  if (rows.length === 0) return 0;
  return db.transaction('rw', db.ownerPosts, async () => {
    const old = await db.ownerPosts.bulkGet(rows.map((r) => [r.site, r.id] as [string, string]));
    await db.ownerPosts.bulkPut(rows.map((r, i) => (old[i] ? { ...r, firstSeen: old[i]!.firstSeen } : r)));
    const count = await db.ownerPosts.where('site').equals(audit.site).count();
    if (count > OWNER_POSTS_PER_SITE) {
      const all = await db.ownerPosts.where('site').equals(audit.site).sortBy('lastSeen');
      await db.ownerPosts.bulkDelete(all.slice(0, count - OWNER_POSTS_PER_SITE).map((r) => [r.site, r.id] as [string, string]));
    }
    return rows.length;
  });
}

/** A site's recorded posts (one owner's, when a handle is given), newest first. */
export async function ownerPostsOf(db: HowSocialDb, site: string, owner?: string): Promise<OwnerPostRow[]> {
  const rows = owner
    ? await db.ownerPosts.where('[site+owner]').equals([site, owner]).toArray()
    : await db.ownerPosts.where('site').equals(site).toArray();
  return rows.sort((a, b) => (b.time ?? '').localeCompare(a.time ?? '') || b.lastSeen - a.lastSeen);
}

export function ownerKeyOf(report: Pick<OwnerReport, 'site' | 'kind' | 'name'>): string {
  return report.kind === 'social' ? `${report.site}/${report.name}` : report.site;
}

export async function saveOwnerReport(db: HowSocialDb, report: OwnerReport): Promise<number> {
  return db.transaction('rw', db.ownerAudits, async () => {
    const id = (await db.ownerAudits.add({ key: ownerKeyOf(report), time: report.time, report })) as number;
    const count = await db.ownerAudits.count();
    if (count > OWNER_AUDITS_MAX) {
      const oldest = await db.ownerAudits
        .orderBy('time')
        .limit(count - OWNER_AUDITS_MAX)
        .primaryKeys();
      await db.ownerAudits.bulkDelete(oldest);
    }
    return id;
  });
}

/** The newest stored report of each owner, newest first (the Compare view's choices). */
export async function latestOwnerReports(db: HowSocialDb): Promise<OwnerAuditRow[]> {
  const rows = await db.ownerAudits.orderBy('time').reverse().toArray();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.key) && seen.add(r.key));
}
