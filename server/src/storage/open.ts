/** The deployment's evidence store: the S3 bucket when one is configured, else ZHIFA_DATA_DIR/evidence. */
import path from 'node:path';
import type { Config } from '../config.js';
import type { IntegrityLog } from './evidence-store.js';
import { LocalEvidenceStore } from './local.js';
import type { S3EvidenceStore } from './s3.js';

export async function openEvidenceStore(
  config: Pick<Config, 'dataDir' | 's3'>,
  log?: IntegrityLog,
): Promise<LocalEvidenceStore | S3EvidenceStore> {
  if (!config.s3) return new LocalEvidenceStore(path.join(config.dataDir, 'evidence'), log);
  // The AWS SDK is loaded only where it is used: it costs a local deployment ~40 MB resident.
  const { S3EvidenceStore } = await import('./s3.js');
  return new S3EvidenceStore(config.s3, log && { log });
}
