export { createVicidialApi, type VicidialApi, type VicidialApiOptions } from './api/api.js';
export type { ApiReply } from './api/reply.js';
export type { ApiRequest } from './api/request.js';
export { createSchema, openVicidialDb, schemaExists, type Dialect, type VicidialDb } from './db/connect.js';
export type { VicidialDatabase } from './db/schema.js';
export { seedDatabase, SEED_NAMES, type SeedName } from './seeds/index.js';
export { API_PATH, startVicidialServer, type VicidialServer, type VicidialServerOptions } from './server.js';
