export * from './calendar.js';
export * from './dates.js';
export * from './errors.js';
export * from './identifiers.js';
export * from './passwords.js';
export * from './roles.js';
export * from './settings.js';
