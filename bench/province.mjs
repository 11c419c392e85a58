// A province's worth of cases for the list benchmarks (issue 21), through the real schema with its
// constraints: the demo jurisdiction, 97 more agencies (9 counties under the demo city, 88
// townships under them), 30 officers each, and N cases over ten years — the last 120 days' open at
// the demo's stages, the older archived — each with a two-officer team, the open ones' clocks
// counted by the server's own code. Set-based SQL in chunks of 100,000; generated names only.
//
//   DATABASE_URL=postgres://… node bench/province.mjs --cases 1000000
//   node bench/province.mjs --data-dir /tmp/county --cases 100000      (embedded PGlite)
//
// The case documents and ledger events are not generated: the lists do not read them.
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createFieldCipher, loadOrCreateFieldKeys } from '../server/dist/crypto/field-cipher.js';
import { openDatabase } from '../server/dist/db/database.js';
import { initialiseDatabase } from '../server/dist/db/initialise.js';
import { countUncountedClocks } from '../server/dist/modules/cases/clocks.js';
import { isSeeded, seedDemo } from '../server/dist/seed/demo.js';
import { LocalEvidenceStore } from '../server/dist/storage/local.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'data-dir': { type: 'string', default: 'data' },
    password: { type: 'string', default: 'Bench-Pass-2026' },
  },
});
const total = Number(values.cases);
if (!Number.isInteger(total) || total < 1000) throw new Error('--cases: an integer ≥ 1000');
const dataDir = values['data-dir'];
const url = process.env.DATABASE_URL;
const database = openDatabase(url ? { url } : { dataDir });
const { db } = database;
const now = new Date();
const today = now.toISOString().slice(0, 10);
const started = performance.now();
const log = (what) => console.log(`[${((performance.now() - started) / 1000).toFixed(1)} s] ${what}`);

/** A version-4 UUID made from a text: the generated rows refer to each other by formula. */
const uuidOf = (text) =>
  sql.raw(`overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17)::uuid`);
const agencies = 97;
const perAgency = 30;
const chunk = 100_000;

try {
  await initialiseDatabase(db, now);
  if (!(await isSeeded(db))) {
    const cipher = createFieldCipher(loadOrCreateFieldKeys(dataDir));
    const evidence = new LocalEvidenceStore(`${dataDir}/evidence`, () => {});
    await seedDemo(db, { cipher, evidence }, now, values.password);
    log(`demo seeded (password ${values.password})`);
  }
  const already = await sql`SELECT count(*)::int AS n FROM agency WHERE credit_code LIKE 'BENCH%'`.execute(
    db,
  );
  if (already.rows[0].n > 0) throw new Error('this database already holds generated data');
  const city = await db
    .selectFrom('agency')
    .select('id')
    .where('level', '=', 'city')
    .executeTakeFirstOrThrow();
  const county = await db
    .selectFrom('agency')
    .select(['id', 'domain'])
    .where('name', '=', '示例县交通运输局')
    .executeTakeFirstOrThrow();

  // Agencies 0–8 are counties under the demo city; 9–96 townships under county (i mod 9).
  await sql`
    INSERT INTO agency (id, parent_id, name, short_name, level, domain, credit_code, region_code)
    SELECT ${uuidOf(`'bench-agency-' || i`)},
      CASE WHEN i < 9 THEN ${city.id}::uuid ELSE ${uuidOf(`'bench-agency-' || (i % 9)`)} END,
      CASE WHEN i < 9 THEN '生成第' || i || '县交通运输局' ELSE '生成第' || i || '乡镇综合行政执法队' END,
      '生成' || i, CASE WHEN i < 9 THEN 'county' ELSE 'township' END, ${county.domain},
      'BENCH' || lpad(i::text, 13, '0'), '9' || lpad(i::text, 5, '0')
    FROM generate_series(0, ${agencies - 1}) AS i`.execute(db);
  await sql`
    INSERT INTO person (id, agency_id, name, kind, id_number_cipher, id_number_digest, id_number_masked)
    SELECT ${uuidOf(`'bench-person-' || i || '-' || j`)}, ${uuidOf(`'bench-agency-' || i`)},
      '生成执法员' || i || '-' || j, 'officer', 'generated', encode(sha256(('bench-' || i || '-' || j)::bytea), 'hex'),
      '****************' || lpad(j::text, 2, '0')
    FROM generate_series(0, ${agencies - 1}) AS i CROSS JOIN generate_series(0, ${perAgency - 1}) AS j`.execute(
    db,
  );
  log(`${agencies} agencies and ${agencies * perAgency} officers`);

  // The demo county's cases are the templates: the archived one for cases older than 120 days,
  // the open ones (in turn) for the rest. Case n belongs to agency n mod 98 (97: the demo county).
  const templates = await db
    .selectFrom('enforcement_case')
    .select(['id', 'archived_at'])
    .where('agency_id', '=', county.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const open = templates.filter((t) => !t.archived_at).map((t) => t.id);
  const archived = templates.find((t) => t.archived_at)?.id;
  if (!archived || open.length === 0)
    throw new Error('the demo county has no archived and open case to copy');
  const openArray = sql.raw(`ARRAY['${open.join("','")}']::uuid[]`);
  const team = await db
    .selectFrom('app_user')
    .select(['username', 'person_id'])
    .where('username', 'in', ['officer1', 'officer2'])
    .execute();
  const personOf = (username) => team.find((u) => u.username === username).person_id;

  for (let lo = 1; lo <= total; lo += chunk) {
    const hi = Math.min(total, lo + chunk - 1);
    await db.transaction().execute(async (trx) => {
      // Registered d days ago, d spread evenly over ten years; changed up to 20 days later.
      await sql`
        INSERT INTO enforcement_case (id, agency_id, case_number, case_year, case_serial, process_kind,
          stage, stage_outcome, completed_stages, title, source, source_note, party_kind, party_name,
          facts, major, registered_on, version, created_at, updated_at)
        SELECT ${uuidOf(`'bench-case-' || n`)},
          CASE WHEN n % 98 = 97 THEN ${county.id}::uuid ELSE ${uuidOf(`'bench-agency-' || (n % 98)`)} END,
          CASE WHEN t.registered_on IS NULL THEN NULL ELSE '生成案〔' || extract(year FROM d)::int || '〕' || n || '号' END,
          CASE WHEN t.registered_on IS NULL THEN NULL ELSE extract(year FROM d)::int END,
          CASE WHEN t.registered_on IS NULL THEN NULL ELSE n END,
          t.process_kind, t.stage, t.stage_outcome, t.completed_stages, t.title, t.source, t.source_note,
          t.party_kind, '生成当事人' || n, t.facts, t.major,
          CASE WHEN t.registered_on IS NULL THEN NULL ELSE d END, t.version,
          d::timestamptz, least(d + (n % 21), ${today}::date)::timestamptz + make_interval(secs => n % 86400)
        FROM generate_series(${lo}::int, ${hi}::int) AS n
        CROSS JOIN LATERAL (SELECT ${today}::date - (n::bigint * 3650 / ${total})::int AS d) AS day
        JOIN enforcement_case t ON t.id = CASE WHEN d < ${today}::date - 120 THEN ${archived}::uuid
          ELSE (${openArray})[1 + n % ${open.length}] END`.execute(trx);
      await sql`
        INSERT INTO case_officer (case_id, agency_id, person_id, person_kind, role, assigned_at)
        SELECT c.id, c.agency_id,
          CASE WHEN n % 98 = 97 THEN (CASE WHEN r.role = 'lead' THEN ${personOf('officer1')}::uuid ELSE ${personOf('officer2')}::uuid END)
            ELSE ${uuidOf(`'bench-person-' || (n % 98) || '-' || ((n / 98 + r.k * 7) % ${perAgency})`)} END,
          'officer', r.role, c.created_at
        FROM generate_series(${lo}::int, ${hi}::int) AS n
        JOIN enforcement_case c ON c.id = ${uuidOf(`'bench-case-' || n`)}
        CROSS JOIN (VALUES (0, 'lead'), (1, 'assisting')) AS r(k, role)`.execute(trx);
      await sql`
        UPDATE enforcement_case SET archived_at = updated_at
        WHERE id IN (SELECT ${uuidOf(`'bench-case-' || n`)} FROM generate_series(${lo}::int, ${hi}::int) AS n)
          AND stage = 'archive'`.execute(trx);
    });
    log(`cases ${hi.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  }
  const counted = await countUncountedClocks(db, now);
  log(`clocks counted for ${counted.toLocaleString('en')} open cases`);
  // As autovacuum would in time: the archiving UPDATE left dead rows, and counts read the
  // visibility map to answer from the index alone.
  await sql`VACUUM ANALYZE`.execute(db);
  log('vacuumed and analyzed');
} finally {
  await database.close();
}
