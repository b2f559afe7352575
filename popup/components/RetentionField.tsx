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

/** A labelled whole-number input; `onValue` only gets what `whole` accepts. */
function NumberField(props: {
  id: string;
  label: string;
  help: string;
  min: number;
  max: number;
  value: number;
  onValue: (n: number) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        data-testid={props.id}
        onChange={(e) => {
          const n = whole(e.currentTarget.value, props.min, props.max);
          if (n !== null) props.onValue(n);
        }}
        aria-describedby={`${props.id}-help`}
      />
      <p id={`${props.id}-help`} class="help">
        {props.help}
      </p>
    </>
  );
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
      <NumberField
        id="retention-days"
        label={t('history_retention_label')}
        help={t('history_retention_help')}
        min={0}
        max={MAX_RETENTION_DAYS}
        value={settings.retentionDays}
        onValue={(days) => void apply({ retentionDays: days })}
      />
      <NumberField
        id="per-site-cap"
        label={t('history_cap_label')}
        help={t('history_cap_help')}
        min={1}
        max={MAX_PER_SITE_CAP}
        value={settings.perSiteCap}
        onValue={(cap) => void apply({ perSiteCap: cap })}
      />
      {pruned !== null && (
        <p class="help" role="status" data-testid="pruned">
          {t('history_pruned', [pruned])}
        </p>
      )}
    </div>
  );
}
