// The pages benchmark's data: a database of its own on the PostgreSQL server, migrated and given the
// demo data as the app would have it, then a large generated and clearly fictional dataset ("Bench
// Hotel 00042", "Bench Council 0007 (fictional)") written in bulk with generate_series as the owner.
//
// Scale 1: 5,000 sites in Epping Forest, each with a planning application, a complaint and 8
// timeline events; one in three with a closed enforcement record and one in a hundred with an open
// one (deadlines around today); one in 50 with a legal case (two proceedings, parties, hearings, a
// court order, four more timeline events); one in ten with a document. Plus councils of 10 sites
// each to make 10 councils in all. Scale 10: 50,000 sites in Epping, 400 councils, about 430,000
// timeline events. Dates are relative to today so that deadlines fall due.
//
// The triggers stay on: every insert passes the schema's checks, foreign keys and the records
// version triggers (migrations/0014), and the reference counters are set to the last number used.
import postgres from "postgres";
import { openDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { seedDemo } from "../../db/seed/demo";

export const BENCH_COUNCIL = "epping-forest";
export const PG_SERVER = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface BenchDataPlan {
  scale: number;
  /** Every council, the two demo councils included. */
  councils: number;
  eppingSites: number;
  sitesPerOtherCouncil: number;
}

export function planFor(scale: number, councils?: number): BenchDataPlan {
  return {
    scale,
    councils: councils ?? (scale >= 10 ? 40 * scale : 10 * scale),
    eppingSites: 5_000 * scale,
    sitesPerOtherCouncil: 10,
  };
}

export interface BenchData {
  url: string;
  database: string;
  /** A generated site with planning records, a complaint, a legal case, a document and a timeline. */
  siteReference: string;
  /** That site's (running) legal case. */
  caseReference: string;
  counts: Record<string, number>;
  seconds: number;
}

export function databaseUrl(database: string): string {
  const url = new URL(PG_SERVER);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops the database, ending any connection still open to it. */
export async function dropDatabase(database: string): Promise<void> {
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

const reference = (prefix: string, kind: string, num: string) =>
  `${prefix} || '-${kind}-' || lpad((${num})::text, greatest(4, length((${num})::text)), '0')`;

/** The generated data, statement by statement (each its own transaction). */
function bulkStatements(plan: BenchDataPlan): { label: string; sql: string }[] {
  const others = Math.max(0, plan.councils - 2);
  return [
    {
      label: "councils",
      sql: `insert into councils (slug, name, gss_code, nation, council_type, reference_prefix, centre_latitude, centre_longitude)
        select 'bench-council-' || lpad(i::text, 4, '0'), 'Bench Council ' || lpad(i::text, 4, '0') || ' (fictional)',
          'E08' || (900000 + i)::text, 'england', 'district',
          'B' || chr(65 + (i / 676) % 26) || chr(65 + (i / 26) % 26) || chr(65 + i % 26),
          50.5 + (i % 30) * 0.1 + 0.025, -3 + (i / 30) * 0.2 + 0.025
        from generate_series(1, ${others}) i`,
    },
    {
      label: "plan",
      sql: `create temp table bench_plan as
        select c.id as tenant_id, c.reference_prefix as prefix, c.slug,
          case when c.slug = '${BENCH_COUNCIL}' then ${plan.eppingSites} else ${plan.sitesPerOtherCouncil} end as n_sites,
          coalesce((select last_value from reference_counters r where r.tenant_id = c.id and r.kind = 'S'), 0) + 1 as s_start,
          coalesce((select last_value from reference_counters r where r.tenant_id = c.id and r.kind = 'C'), 0) + 1 as c_start,
          coalesce((select last_value from reference_counters r where r.tenant_id = c.id and r.kind = 'L'), 0) + 1 as l_start,
          case when c.slug = '${BENCH_COUNCIL}' then 51.62 else coalesce(c.centre_latitude, 52.5) - 0.025 end as lat0,
          case when c.slug = '${BENCH_COUNCIL}' then -0.02 else coalesce(c.centre_longitude, -1.5) - 0.025 end as lon0,
          case when c.slug = '${BENCH_COUNCIL}' then 0.16 else 0.05 end as lat_span,
          case when c.slug = '${BENCH_COUNCIL}' then 0.32 else 0.05 end as lon_span
        from councils c where c.slug = '${BENCH_COUNCIL}' or c.slug like 'bench-council-%'`,
    },
    {
      label: "site plan",
      sql: `create temp table bench_sites as
        select gen_random_uuid() as id, p.tenant_id, p.prefix, p.slug, g.n, p.s_start + g.n - 1 as num,
          p.c_start + g.n - 1 as complaint_num,
          p.lat0 + ((g.n::bigint * 7919) % 10007)::float8 / 10007 * p.lat_span as lat,
          p.lon0 + ((g.n::bigint * 104729) % 10009)::float8 / 10009 * p.lon_span as lon
        from bench_plan p cross join lateral generate_series(1, p.n_sites) g(n)`,
    },
    {
      label: "sites",
      sql: `insert into sites (id, tenant_id, reference, name, address_line_1, town, postcode, latitude, longitude,
          location_accuracy, location_note, owner_name, contractor, contractor_other, rooms, lawful_use, use_complained_of, status,
          archived_at, created_at, updated_at)
        select id, tenant_id, ${reference("prefix", "S", "num")}, 'Bench Hotel ' || lpad(n::text, 5, '0'),
          n || ' Bench Street', 'Benchtown', 'ZZ99 ' || (n % 10) || 'ZZ',
          case when n % 41 = 0 then null else lat end, case when n % 41 = 0 then null else lon end,
          case when n % 41 <> 0 then (array['address', 'postcode', 'town', 'approximate'])[1 + n % 4]::location_accuracy end,
          case when n % 10 = 0 then 'Fictional benchmark site' end,
          'Bench Owner ' || (n % 500) || ' Ltd (fictional)',
          (array['clearsprings_ready_homes', 'mears', 'serco', 'other', 'unknown'])[1 + n % 5]::contractor,
          case when n % 5 = 3 then 'Bench Contractor (fictional)' end,
          20 + n % 180, 'c1_hotel', 'Use as asylum accommodation (fictional benchmark data)',
          (array['in_use', 'in_use', 'in_use', 'in_use', 'proposed', 'proposed', 'ceased', 'ceased', 'ceased', 'unknown'])[1 + n % 10]::site_status,
          case when n % 50 = 7 then now() - interval '30 days' end,
          now() - ((n * 37) % 1000) * interval '1 day', now() - ((n * 37) % 730) * interval '1 day' - (n % 1440) * interval '1 minute'
        from bench_sites`,
    },
    {
      label: "periods of use",
      sql: `insert into use_periods (tenant_id, site_id, starts_on, ends_on, description)
        select tenant_id, id, date '2023-01-01' + (n % 600),
          case when n % 10 in (6, 7, 8) then date '2023-01-01' + (n % 600) + 200 end,
          'Fictional period of use (benchmark data)'
        from bench_sites where n % 10 not in (4, 5, 9)`,
    },
    {
      label: "planning applications",
      sql: `insert into planning_records (tenant_id, site_id, kind, reference, status, description, received_on,
          validated_on, decided_on, decision, withdrawn_on)
        select tenant_id, id, 'planning_application', 'BENCH/' || n || '/APP',
          (array['decided', 'decided', 'withdrawn', 'open', 'closed'])[1 + n % 5]::planning_status,
          'Fictional planning application (benchmark data)',
          current_date - 400 - (n % 300), current_date - 393 - (n % 300),
          case when n % 5 in (0, 1) then current_date - 300 - (n % 300) end,
          case when n % 5 in (0, 1) then (array['granted', 'refused'])[1 + n % 2]::planning_decision end,
          case when n % 5 = 2 then current_date - 350 - (n % 300) end
        from bench_sites`,
    },
    {
      // One site in three has a closed enforcement record; one in a hundred an open one, dated around today.
      label: "enforcement records",
      sql: `insert into planning_records (tenant_id, site_id, kind, reference, status, description, issued_on,
          served_on, effective_on, compliance_period, compliance_period_unit)
        select tenant_id, id, kind, 'BENCH/' || n || '/ENF',
          (case when n % 100 = 1 then 'open' when n % 2 = 0 then 'complied' else 'closed' end)::planning_status,
          'Fictional enforcement record (benchmark data)',
          case when kind = 'enforcement_notice' then d - 20 end,
          d - 10,
          case when kind in ('enforcement_notice', 'stop_notice') then d + 25 end,
          case when kind = 'breach_of_condition_notice' then 28 end,
          (case when kind = 'breach_of_condition_notice' then 'days' end)::period_unit
        from (
          select s.*,
            case when n % 100 = 1 then current_date - 60 + ((n * 13) % 90) else current_date - 500 + (n % 300) end as d,
            (array['planning_contravention_notice', 'enforcement_notice', 'breach_of_condition_notice', 'stop_notice'])[
              1 + case when n % 100 = 1 then (n / 100) % 4 else (n / 3) % 4 end]::planning_record_kind as kind
          from bench_sites s where n % 3 = 0 or n % 100 = 1
        ) k`,
    },
    {
      // An enforcement notice's steps are rows of their own, each with its period (s.173(9)).
      label: "enforcement notice steps",
      sql: `insert into enforcement_notice_steps (tenant_id, planning_record_id, position, steps, compliance_period,
          compliance_period_unit)
        select p.tenant_id, p.id, 1, 'Cease the use (benchmark data)', 3, 'months'
        from planning_records p join bench_sites s on s.id = p.site_id
        where p.kind = 'enforcement_notice'`,
    },
    {
      label: "complaints",
      sql: `insert into complaints (tenant_id, reference, received_on, channel, category, summary, details, site_id,
          status, close_reason, closed_at)
        select tenant_id, ${reference("prefix", "C", "complaint_num")}, current_date - ((n * 17) % 700),
          (array['email', 'phone', 'web_form', 'councillor', 'mp', 'police', 'other'])[1 + n % 7]::complaint_channel,
          (array['planning_breach', 'noise', 'anti_social_behaviour', 'safety', 'other'])[1 + n % 5]::complaint_category,
          'Bench complaint ' || lpad(n::text, 5, '0') || ' (fictional)', 'A fictional complaint for the benchmark.', id,
          (case when n % 20 = 0 then 'new' when n % 10 = 1 then 'under_review' when n % 10 = 2 then 'no_further_action'
            else 'closed' end)::complaint_status,
          case when n % 20 <> 0 and n % 10 not in (1, 2) then 'not_a_planning_matter'::close_reason end,
          case when n % 20 <> 0 and n % 10 not in (1, 2) then now() - ((n * 17) % 600) * interval '1 day' end
        from bench_sites`,
    },
    {
      label: "case plan",
      sql: `create temp table bench_cases as
        select gen_random_uuid() as id, gen_random_uuid() as p1, gen_random_uuid() as p2, s.tenant_id, s.id as site_id,
          s.n, p.l_start + s.n / 50 - 1 as num, s.prefix,
          (array['issued', 'concluded', 'awaiting_trial', 'concluded', 'interim_relief_in_force', 'pre_action'])[1 + (s.n / 50) % 6]::case_status as status,
          current_date + ((s.n / 50) % 60) - 20 as d
        from bench_sites s join bench_plan p on p.tenant_id = s.tenant_id where s.n % 50 = 0`,
    },
    {
      label: "legal cases",
      sql: `insert into legal_cases (id, tenant_id, site_id, reference, title, legal_basis, status, decided_to_litigate_on,
          decision_taken_by)
        select id, tenant_id, site_id, ${reference("prefix", "L", "num")},
          'Bench Council v Bench Owner ' || (n % 500) || ' Ltd (fictional)', 's187b_injunction', status, d - 60,
          'Bench Legal Services Manager (fictional)'
        from bench_cases`,
    },
    {
      label: "proceedings",
      sql: `insert into proceedings (id, tenant_id, case_id, parent_id, relation, court, kind, claim_number,
          issued_on, heard_on, decided_on, outcome, summary)
        select p1, tenant_id, id, null::uuid, null::proceeding_relation, 'high_court_kb'::court,
          'interim_injunction_application'::proceeding_kind,
          'BENCH-' || num || '-1', d - 50, d - 45, d - 40, 'granted'::outcome, 'A fictional interim injunction (benchmark data).'
        from bench_cases
        union all
        select p2, tenant_id, id, p1, 'appeal_from'::proceeding_relation, 'court_of_appeal_civil'::court, 'appeal'::proceeding_kind,
          'BENCH-' || num || '-2',
          d - 30, null, case when status = 'concluded' then d - 5 end, case when status = 'concluded' then 'dismissed'::outcome end,
          'A fictional appeal (benchmark data).'
        from bench_cases`,
    },
    {
      // Each first-instance proceeding sought two reliefs, as Epping's did: an interim injunction
      // (granted) and an interim declaration (refused).
      label: "reliefs",
      sql: `insert into proceeding_reliefs (tenant_id, proceeding_id, kind, outcome, position)
        select tenant_id, p1, 'interim_injunction'::relief_kind, 'granted'::outcome, 0 from bench_cases
        union all
        select tenant_id, p1, 'interim_declaration'::relief_kind, 'refused'::outcome, 1 from bench_cases`,
    },
    {
      // One running case in two has its appellant's notice (21 days after the interim decision)
      // confirmed by its legal team: a deadline from a court clock.
      label: "court clocks",
      sql: `insert into court_clock_decisions (tenant_id, proceeding_id, clock, decision, from_on)
        select tenant_id, p1, 'appellants_notice'::court_clock, 'confirmed'::court_clock_decision, d - 40
        from bench_cases where status <> 'concluded' and n % 100 = 0`,
    },
    {
      label: "parties",
      sql: `insert into proceeding_parties (tenant_id, proceeding_id, name, role, kind)
        select tenant_id, p, 'Bench Council (fictional)', 'claimant'::party_role, 'council'::party_kind from bench_cases, unnest(array[p1, p2]) p
        union all
        select tenant_id, p, 'Bench Owner ' || (n % 500) || ' Ltd (fictional)', 'defendant'::party_role, 'hotel_owner'::party_kind
        from bench_cases, unnest(array[p1, p2]) p`,
    },
    {
      label: "hearings",
      sql: `insert into hearings (tenant_id, proceeding_id, held_on, starts_at, kind)
        select tenant_id, p1, d - 45, time '10:30', 'Fictional interim hearing' from bench_cases
        union all
        select tenant_id, p2, d + 5, time '10:00', 'Fictional appeal hearing' from bench_cases`,
    },
    {
      label: "court orders",
      sql: `insert into court_orders (tenant_id, proceeding_id, made_on, requires, due_on, due_at)
        select tenant_id, p1, d - 40, 'Fictional order: stop the use (benchmark data)', d - 40 + 30 + (n / 50) % 20,
          time '16:00'
        from bench_cases`,
    },
    {
      label: "site timeline events",
      sql: `insert into timeline_events (tenant_id, site_id, occurred_on, occurred_at, kind, title, description,
          visibility, privileged)
        select s.tenant_id, s.id, current_date - ((s.n * 31 + g.k * 97) % 1000),
          case when g.k % 3 = 0 then time '10:00' end,
          (array['site', 'use', 'planning', 'complaint', 'meeting', 'correspondence', 'other', 'protest'])[g.k]::timeline_kind,
          'Bench event ' || g.k || ' at Bench Hotel ' || lpad(s.n::text, 5, '0') || ' (fictional)',
          'A fictional timeline event for the benchmark.',
          (case when g.k in (3, 6) then 'public' else 'internal' end)::visibility,
          g.k = 7
        from bench_sites s cross join generate_series(1, 8) g(k)`,
    },
    {
      label: "case timeline events",
      sql: `insert into timeline_events (tenant_id, site_id, legal_case_id, occurred_on, kind, title, visibility)
        select c.tenant_id, c.site_id, c.id, c.d - 60 + g.k * 10,
          (array['case', 'proceeding', 'hearing', 'order'])[g.k]::timeline_kind,
          'Bench case event ' || g.k || ' (fictional)', 'internal'
        from bench_cases c cross join generate_series(1, 4) g(k)`,
    },
    {
      // documents_one_parent: a site's photograph names the site alone, a case's order the case alone.
      label: "documents",
      sql: `insert into documents (tenant_id, site_id, legal_case_id, kind, title, document_date, file_name, content_type,
          size_bytes, sha256, storage_key)
        select tenant_id, id, null::uuid, 'photograph'::document_kind, 'Bench photograph ' || n || ' (fictional)', current_date - (n % 300),
          'bench-' || n || '.jpg', 'image/jpeg', 1000 + n, encode(sha256(('site' || id)::bytea), 'hex'), 'bench/' || id
        from bench_sites where n % 10 = 0
        union all
        select tenant_id, null::uuid, id, 'order'::document_kind, 'Bench sealed order ' || n || ' (fictional)', d - 40,
          'bench-order-' || n || '.pdf', 'application/pdf', 2000 + n, encode(sha256(('case' || id)::bytea), 'hex'),
          'bench/' || id
        from bench_cases`,
    },
    {
      label: "audit entries",
      sql: `insert into audit_events (tenant_id, action, entity_type, entity_id, after, request_id, occurred_at)
        select tenant_id, 'site.created', 'site', id::text, jsonb_build_object('name', 'Bench Hotel ' || lpad(n::text, 5, '0')),
          'bench-seed', now() - ((n * 37) % 1000) * interval '1 day'
        from bench_sites`,
    },
    {
      label: "reference counters",
      sql: `insert into reference_counters (tenant_id, kind, last_value)
        select tenant_id, 'S', max(num) from bench_sites group by tenant_id
        union all select tenant_id, 'C', max(complaint_num) from bench_sites group by tenant_id
        union all select tenant_id, 'L', max(num) from bench_cases group by tenant_id
        on conflict (tenant_id, kind) do update
          set last_value = greatest(reference_counters.last_value, excluded.last_value)`,
    },
  ];
}

/**
 * Creates `database` (dropping one left under that name), migrates it, writes the demo data and then
 * the generated data. `log` gets one line per step.
 */
export async function createBenchDatabase(
  database: string,
  plan: BenchDataPlan,
  demoPassword: string,
  log: (line: string) => void,
): Promise<BenchData> {
  const started = performance.now();
  const admin = postgres(PG_SERVER, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = databaseUrl(database);
  const handle = await openDatabase({ driver: "postgres", url, maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    await seedDemo(handle.db, demoPassword);
  } finally {
    await handle.close();
  }
  log(`  migrated and seeded the demo data in ${seconds(started)} s`);

  // One connection: the plan's temporary tables live in its session.
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  const counts: Record<string, number> = {};
  try {
    for (const statement of bulkStatements(plan)) {
      const stepStarted = performance.now();
      const result = await owner.unsafe(statement.sql);
      counts[statement.label] = result.count;
      log(`  ${statement.label}: ${result.count} rows in ${seconds(stepStarted)} s`);
    }
    const vacuumStarted = performance.now();
    await owner.unsafe("vacuum analyze");
    log(`  vacuum analyze in ${seconds(vacuumStarted)} s`);
    const [sample] = await owner<{ site: string; legalCase: string }[]>`
      select s.reference as site, l.reference as "legalCase"
      from legal_cases l join sites s on s.id = l.site_id join councils c on c.id = l.tenant_id
      where c.slug = ${BENCH_COUNCIL} and l.status <> 'concluded' and s.name like 'Bench Hotel %'
        and exists (select 1 from documents d where d.site_id = s.id)
      order by l.reference limit 1`;
    const [totals] = await owner<{ councils: number; sites: number; events: number }[]>`
      select (select count(*)::int from councils) as councils, (select count(*)::int from sites) as sites,
        (select count(*)::int from timeline_events) as events`;
    if (!sample || !totals) throw new Error("The generated data has no site with a running case and a document.");
    Object.assign(counts, {
      "all councils": totals.councils,
      "all sites": totals.sites,
      "all timeline events": totals.events,
    });
    return {
      url,
      database,
      siteReference: sample.site,
      caseReference: sample.legalCase,
      counts,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await owner.end({ timeout: 5 });
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
