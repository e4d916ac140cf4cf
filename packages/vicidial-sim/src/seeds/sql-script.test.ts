import { describe, expect, test } from 'vitest';
import { scriptStatements } from './sql-script.js';

const script = `-- a comment; with a semicolon
INSERT INTO vicidial_user_groups SET user_group='LIMITED',group_name='it''s \\'quoted\\'', admin_viewable_groups=" LIMITED ";
# another comment
UPDATE \`vicidial_users\` SET full_name='a;b' WHERE user='6666';
INSERT IGNORE INTO t SET a=(1+2), b=CONCAT('x','y');
`;

describe('scriptStatements', () => {
  test('gives MySQL each statement as written, without comments', () => {
    expect(scriptStatements(script, 'mysql')).toEqual([
      `INSERT INTO vicidial_user_groups SET user_group='LIMITED',group_name='it''s \\'quoted\\'', admin_viewable_groups=" LIMITED "`,
      "UPDATE `vicidial_users` SET full_name='a;b' WHERE user='6666'",
      "INSERT IGNORE INTO t SET a=(1+2), b=CONCAT('x','y')",
    ]);
  });

  test('translates for SQLite: INSERT … SET, MySQL string escapes, backticks', () => {
    expect(scriptStatements(script, 'sqlite')).toEqual([
      `INSERT INTO "vicidial_user_groups" ("user_group","group_name","admin_viewable_groups") VALUES ('LIMITED','it''s ''quoted''',' LIMITED ')`,
      `UPDATE "vicidial_users" SET full_name='a;b' WHERE user='6666'`,
      `INSERT OR IGNORE INTO "t" ("a","b") VALUES ((1+2),CONCAT('x','y'))`,
    ]);
  });
});
