import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { MAX_PER_SITE_CAP, MAX_RETENTION_DAYS } from '../../src/settings';
import { capAllSites, pruneOld } from '../../src/storage/audits';
import { type HowSocialDb, openDb } from '../../src/storage/db';
import { useSettings } from '../lib/browser';

/** Run one deletion on a database of its own (the popup's may not be open yet) and close it. */
async function onDb(work: (db: HowSocialDb) => Promise<number>): Promise<number | null> {
  const db = openDb();
  try {
    return await work(db);
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** A whole number in [min, max] from what the user typed, or null (the field then keeps its value). */
function whole(raw: string, min: number, max: number): number | null {
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) && n >= min ? Math.min(max, Math.floor(n)) : null;
}

/**
 * How much history is kept — days, and audits per site — shown where the history is, so the user
 * sees why old audits disappear. A new limit is applied at once (the background otherwise prunes
 * on its daily alarm, and caps a site when it next stores an audit of it).
 */
export function RetentionField({ onPruned }: { onPruned?: () => void }) {
  const [settings, update] = useSettings();
  const [pruned, setPruned] = useState<number | null>(null);
  const apply = async (patch: { retentionDays: number } | { perSiteCap: number }) => {
    await update(patch);
    const deleted = await onDb((db) =>
      'retentionDays' in patch ? pruneOld(db, patch.retentionDays, Date.now()) : capAllSites(db, patch.perSiteCap),
    );
    setPruned(deleted);
    if (deleted !== null) onPruned?.();
  };
  return (
    <div class="field retention">
      <label for="retention-days">{t('history_retention_label')}</label>
      <input
        id="retention-days"
        type="number"
        min={0}
        max={MAX_RETENTION_DAYS}
        value={settings.retentionDays}
        data-testid="retention-days"
        onChange={(e) => {
          const days = whole(e.currentTarget.value, 0, MAX_RETENTION_DAYS);
          if (days !== null) void apply({ retentionDays: days });
        }}
        aria-describedby="retention-help"
      />
      <p id="retention-help" class="help">
        {t('history_retention_help')}
      </p>
      <label for="per-site-cap">{t('history_cap_label')}</label>
      <input
        id="per-site-cap"
        type="number"
        min={1}
        max={MAX_PER_SITE_CAP}
        value={settings.perSiteCap}
        data-testid="per-site-cap"
        onChange={(e) => {
          const cap = whole(e.currentTarget.value, 1, MAX_PER_SITE_CAP);
          if (cap !== null) void apply({ perSiteCap: cap });
        }}
        aria-describedby="cap-help"
      />
      <p id="cap-help" class="help">
        {t('history_cap_help')}
      </p>
      {pruned !== null && (
        <p class="help" role="status" data-testid="pruned">
          {t('history_pruned', [pruned])}
        </p>
      )}
    </div>
  );
}
