// `npm start`: build what is missing or stale, then run the server in this process.
import { buildIfStale } from './build.mjs';

buildIfStale();
// The portal renders with React's production build unless a developer asks otherwise.
process.env.NODE_ENV ??= 'production';
await import('../server/dist/main.js');
