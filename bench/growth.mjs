// Generated catalogs (not the demo data) for the growth measurements, as SQL inserts in the
// schema of edge/migrations. Deterministic for a given size and day.
//
// Shape: every edition has 2 weekly sessions of 90 minutes; every offering has the same number
// of editions, about a fifth of them upcoming (at least one) and the rest past (the archive).
//   50 sessions    →  25 offerings ×   1 edition
//   500 sessions   →  25 offerings ×  10 editions
//   5,000 sessions → 250 offerings ×  10 editions
// So the catalog's first page (20 offerings) is full at every size, while the archive and,
// at the largest size, the number of offerings grow.
export const SIZES = [50, 500, 5000];

const KINDS = ['workshop', 'training_series', 'coaching', 'community_meeting', 'collective_event', 'course_module', 'resource_library'];
const FORMATS = ['online', 'in_person', 'hybrid'];
const ZONES = ['America/Toronto', 'Europe/Paris', 'Africa/Dakar', 'America/Port-au-Prince', 'Europe/Brussels', 'America/Mexico_City'];
const TOPICS = ['group-structure', 'collaborative-strategy', 'digital-organizing', 'community-care', 'burnout', 'strategy', 'knowledge-sharing'];

const q = (s) => `'${String(s).replaceAll("'", "''")}'`;
const text = (fr, en) => q(JSON.stringify({ en, fr }));
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export function shape(sessions) {
  const offerings = sessions <= 500 ? 25 : Math.round(sessions / 20);
  const editionsPer = Math.max(1, Math.round(sessions / 2 / offerings));
  return { offerings, editionsPer, editions: offerings * editionsPer, sessions: offerings * editionsPer * 2 };
}

export function growthSql(sessions, now = Date.now()) {
  const s = shape(sessions);
  const day = 86_400_000, week = 7 * day;
  const today = Math.floor(now / day) * day;
  const out = ['-- Relais bench: generated catalog, ' + s.sessions + ' sessions.',
    `INSERT INTO partner (id, name, description, url) VALUES ('bench-partner', 'Réseau de banc d''essai', ${text('Un réseau fictif, pour mesurer.', 'A fictitious network, for measuring.')}, NULL);`];
  const upcoming = Math.max(1, Math.round(s.editionsPer / 5));
  for (let o = 0; o < s.offerings; o++) {
    const id = `bench-o${o}`;
    const fr = `Atelier ${o + 1} : s’organiser localement, tenir dans la durée et prendre soin du groupe`;
    const en = `Workshop ${o + 1}: organizing locally, lasting over time and caring for the group`;
    const sumFr = 'Une série de rencontres pratiques pour les personnes qui animent des groupes militants de quartier : structure, stratégie, outils numériques, soin collectif et prévention de l’épuisement. ';
    const sumEn = 'A series of practical meetings for people who lead neighbourhood activist groups: structure, strategy, digital tools, community care and preventing burnout. ';
    const descFr = (sumFr + 'Chaque séance part des situations vécues par les participant·es et se termine par un plan d’action concret. ').repeat(3);
    const descEn = (sumEn + 'Each session starts from the participants’ own situations and ends with a concrete action plan. ').repeat(3);
    const format = FORMATS[o % 3];
    out.push(`INSERT INTO offering (id, kind, title, summary, description, audience, cost, topics, languages, format, partner_id, position) VALUES (${q(id)}, ${q(KINDS[o % KINDS.length])}, ${text(fr, en)}, ${text(sumFr.trim(), sumEn.trim())}, ${text(descFr.trim(), descEn.trim())}, ${text('Personnes militantes et bénévoles', 'Activists and volunteers')}, ${text('Gratuit', 'Free')}, ${q(JSON.stringify([TOPICS[o % 7], TOPICS[(o + 3) % 7]]))}, '["fr","en"]', ${q(format)}, 'bench-partner', ${o});`);
    for (let e = 0; e < s.editionsPer; e++) {
      // Editions one week apart per offering, the last `upcoming` ones in the future; offerings
      // staggered by hours so the catalog has an order.
      const past = s.editionsPer - upcoming; // editions 0..past-1 ended at least a week ago
      const weeks = e < past ? -(past - e + 2) : e - past + 1;
      const start = today + weeks * week + (18 + (o % 5)) * 3_600_000 + o * 60_000;
      const eid = `${id}-e${e}`;
      const sessionsOf = [0, 1].map((k) => ({ id: `${eid}-s${k}`, start: start + k * week, end: start + k * week + 90 * 60_000 }));
      const location = format === 'online' ? '{}' : JSON.stringify({ fr: 'Montréal, Centre communautaire', en: 'Montreal, community centre' });
      out.push(`INSERT INTO edition (id, offering_id, title, registration_mode, registration_url, capacity, format, location, starts_at, ends_at) VALUES (${q(eid)}, ${q(id)}, ${text(`Cohorte ${e + 1}`, `Cohort ${e + 1}`)}, 'open', NULL, 25, ${q(format)}, ${q(location)}, ${q(iso(sessionsOf[0].start))}, ${q(iso(sessionsOf[1].end))});`);
      for (const [k, ss] of sessionsOf.entries()) {
        out.push(`INSERT INTO session (id, edition_id, title, starts_at, ends_at, zone) VALUES (${q(ss.id)}, ${q(eid)}, ${text(`Séance ${k + 1}`, `Session ${k + 1}`)}, ${q(iso(ss.start))}, ${q(iso(ss.end))}, ${q(ZONES[o % ZONES.length])});`);
      }
    }
  }
  return { sql: out.join('\n') + '\n', shape: s };
}
