/** The deployment's evidence store: the S3 bucket when one is configured, else ZHIFA_DATA_DIR/evidence. */
import path from 'node:path';
import type { Config } from '../config.js';
import type { IntegrityLog } from './evidence-store.js';
import { LocalEvidenceStore } from './local.js';
import { S3EvidenceStore } from './s3.js';

export function openEvidenceStore(
  config: Pick<Config, 'dataDir' | 's3'>,
  log?: IntegrityLog,
): LocalEvidenceStore | S3EvidenceStore {
  return config.s3
    ? new S3EvidenceStore(config.s3, log && { log })
    : new LocalEvidenceStore(path.join(config.dataDir, 'evidence'), log);
}
