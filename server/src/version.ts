import { createRequire } from 'node:module';

/** The platform version, from the server package. */
export const version: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
