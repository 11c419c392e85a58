// `npm start`: build what is missing or stale, then run the server in this process.
import { buildIfStale } from './build.mjs';

buildIfStale();
await import('../server/dist/main.js');
