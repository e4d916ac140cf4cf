export { createTestDatabase, mariadbServerUrl, type TestDatabase } from './mariadb.js';
export { freePort } from './ports.js';
