/** Signs a checkpoint every `ledger.checkpointIntervalMinutes` while the server runs. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { currentSettings } from '../modules/settings/service.js';
import { createCheckpoint } from './checkpoint.js';
import type { Signer } from './signing.js';

export function startCheckpointTimer(db: Kysely<DB>, signer: Signer, clock: () => Date): () => void {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = async () => {
    const { ledger } = await currentSettings(db);
    if (!stopped) timer = setTimeout(tick, ledger.checkpointIntervalMinutes * 60_000);
  };
  const tick = async () => {
    try {
      await db.transaction().execute((trx) => createCheckpoint(trx, signer, clock()));
    } catch (error) {
      console.error(`检查点签名失败：${error instanceof Error ? error.message : String(error)}`);
    }
    await schedule();
  };
  void schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
