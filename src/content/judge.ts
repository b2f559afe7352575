import { auditOf } from '../engine';
import { fingerprintsOf } from '../lib/fingerprint';
import { sendMessage } from '../lib/messaging';
import { siteOf } from '../lib/site';
import type { Audit, PageModel } from '../model';
import type { RuleContext } from '../rules/rule';

/**
 * The judging half of the content script — engine, rules with their lexicons, facts, score,
 * fingerprints — a chunk of its own that run.ts imports only once an adapter produced a model
 * (or the popup asked): pages that are neither articles nor profiles never load it.
 */

async function historyFor(model: PageModel): Promise<RuleContext['history']> {
  const fingerprints = fingerprintsOf(model);
  // Blog posts have no post fingerprints: skip the round trip.
  if (fingerprints.length === 0) return [];
  const res = await sendMessage({ type: 'history', fingerprints, site: siteOf(model.url), platform: model.platform });
  return Array.isArray(res?.matches) ? res.matches : [];
}

export async function judgePage(model: PageModel): Promise<Audit> {
  return auditOf(model, { now: Date.now(), history: await historyFor(model) });
}
