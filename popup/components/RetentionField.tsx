import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { pruneOld } from '../../src/storage/audits';
import { openDb } from '../../src/storage/db';
import { useSettings } from '../lib/browser';

/**
 * The retention limit, shown where the history is so the user sees why old audits disappear.
 * A new limit is applied at once (the background otherwise prunes on its daily alarm).
 */
export function RetentionField({ onPruned }: { onPruned?: () => void }) {
  const [settings, update] = useSettings();
  const [pruned, setPruned] = useState<number | null>(null);
  const apply = async (days: number) => {
    await update({ retentionDays: days });
    const db = openDb();
    try {
      setPruned(await pruneOld(db, days, Date.now()));
      onPruned?.();
    } catch {
      setPruned(null);
    } finally {
      db.close();
    }
  };
  return (
    <div class="field retention">
      <label for="retention-days">{t('history_retention_label')}</label>
      <input
        id="retention-days"
        type="number"
        min={1}
        max={3650}
        value={settings.retentionDays}
        data-testid="retention-days"
        onChange={(e) => {
          const days = Number(e.currentTarget.value);
          if (Number.isFinite(days) && days >= 1) void apply(Math.min(3650, Math.floor(days)));
        }}
        aria-describedby="retention-help"
      />
      <p id="retention-help" class="help">
        {t('history_retention_help')}
      </p>
      {pruned !== null && (
        <p class="help" role="status" data-testid="pruned">
          {t('history_pruned', [pruned])}
        </p>
      )}
    </div>
  );
}
