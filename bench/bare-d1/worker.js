// One bound INSERT of the JSON body the registration load sends, and a small 201 answer:
// what a D1 write costs through wrangler dev on this machine, with none of Relais's work
// (no validation, rate limits, places, history or message).
const INSERT = 'INSERT INTO person (name, email, lang, zone, consent, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)';

export default {
  async fetch(request, env) {
    const { pathname } = new URL(request.url);
    if (pathname === '/health' && request.method === 'GET') return new Response('ok');
    if (pathname !== '/insert') return new Response('not found', { status: 404 });
    if (request.method !== 'POST') return new Response('method not allowed', { status: 405, headers: { Allow: 'POST' } });
    let body;
    try {
      body = await request.json();
    } catch {
      return Response.json({ error: 'the body is not JSON' }, { status: 400 });
    }
    const text = (v) => (typeof v === 'string' ? v : '');
    const { meta } = await env.DB.prepare(INSERT)
      .bind(text(body?.name), text(body?.email), text(body?.lang), text(body?.zone), body?.consent === true ? 1 : 0, new Date().toISOString())
      .run();
    return Response.json({ id: meta.last_row_id }, { status: 201 });
  },
};
