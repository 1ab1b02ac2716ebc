import type { FastifyInstance } from 'fastify';
import { eventsQuerySchema, type EventsResponse } from '../../../../src/domain/console/events';
import { CONSOLE_ROUTES } from '../../../../src/domain/console/routes';
import { officeOf, sessionToken } from '../../http/consoleAuth';
import { parseOr400 } from '../../http/validate';
import { EVENTS_PAGE, toConsoleEvent } from '../../service/consoleEvents';
import { resumeSession } from '../../service/staffSessions';
import type { ConsoleDeps } from './deps';

/** How often an open event stream looks for new events, and re-checks its session. */
export const STREAM_POLL_MS = 2_000;

/** The office's feed of request events: polled, or streamed as server-sent events. */
export function registerConsoleEventRoutes(app: FastifyInstance, deps: ConsoleDeps): void {
  const { store } = deps;
  // Open streams end when the server closes, or its close would wait for them.
  const openStreams = new Set<() => void>();
  app.addHook('onClose', async () => {
    for (const stop of openStreams) stop();
  });

  app.get(CONSOLE_ROUTES.events.path, { config: { access: 'console' } }, async (request): Promise<EventsResponse> => {
    const { officeId } = officeOf(request);
    const { since } = parseOr400(eventsQuerySchema, request.query, 'invalid_query');
    if (since === undefined) return { events: [], cursor: await store.lastEventSeq(officeId), more: false };
    const page = await store.eventsSince(officeId, since, EVENTS_PAGE);
    const events = page.events.map(toConsoleEvent);
    return { events, cursor: events.at(-1)?.seq ?? since, more: page.more };
  });

  app.get(CONSOLE_ROUTES.eventStream.path, { config: { access: 'console' } }, async (request, reply) => {
    const { officeId } = officeOf(request);
    const { since } = parseOr400(eventsQuerySchema, request.query, 'invalid_query');
    const lastEventId = Number(request.headers['last-event-id']);
    let cursor = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : (since ?? (await store.lastEventSeq(officeId)));
    const token = sessionToken(request);
    void reply.hijack();
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write(`retry: ${STREAM_POLL_MS}\n\n`);
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        // A session revoked or expired while the stream is open ends the stream.
        const session = token ? await resumeSession(store, token, deps.sessions, deps.now(), { extend: false }) : null;
        if (!session?.roles.some((role) => role.officeId === officeId)) {
          stop();
          return;
        }
        const page = await store.eventsSince(officeId, cursor, EVENTS_PAGE);
        for (const row of page.events) {
          reply.raw.write(`id: ${row.seq}\nevent: change\ndata: ${JSON.stringify(toConsoleEvent(row))}\n\n`);
          cursor = row.seq;
        }
        if (page.events.length === 0) reply.raw.write(': keep-alive\n\n');
      } catch (error) {
        request.log.error({ err: error }, 'console event stream failed');
        stop();
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void tick(), STREAM_POLL_MS);
    const stop = () => {
      clearInterval(timer);
      openStreams.delete(stop);
      if (!reply.raw.writableEnded) reply.raw.end();
    };
    openStreams.add(stop);
    request.raw.on('close', stop);
    void tick();
  });
}
