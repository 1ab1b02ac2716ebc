import { afterEach, describe, expect, it } from 'vitest';
import { harness, servedRoutes, type Harness } from './fixtures';

let h: Harness;
afterEach(async () => {
  await h?.app.close();
  h?.store.close();
});

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> } }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

describe('OpenAPI document and health', () => {
  it('describes every endpoint of the server, with schemas generated from the protocol', async () => {
    h = await harness();
    const response = await h.get('/api/v1/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(document.openapi).toBe('3.1.0');
    const served = await servedRoutes(h.app);
    expect(served).toContain('POST /api/v1/console/offices/:officeId/requests/:requestId/assign');
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((verb) => `${verb.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(new Set(documented)).toEqual(new Set(served));
    const pushBody = document.paths['/api/v1/requests/push']!.post!.requestBody!.content['application/json']!.schema.$ref;
    expect(pushBody).toBe('#/components/schemas/PushRequest');
    expect(document.components.schemas.CitizenRequest).toMatchObject({ type: 'object', additionalProperties: false });
    expect(document.components.schemas.Error).toMatchObject({ required: ['error'] });
  });

  it('answers health without a token, and unknown routes with the error shape', async () => {
    h = await harness();
    expect((await h.get('/api/v1/health')).json()).toEqual({ status: 'ok', time: h.clock.now.toISOString() });
    const missing = await h.post('/api/v1/health', {});
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('lets kiosk pages of any origin call kiosk endpoints, without credentials, and keeps staff endpoints same-origin', async () => {
    h = await harness();
    const preflight = (url: string) =>
      h.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const kiosk = await preflight('/api/v1/requests/push');
    expect(kiosk.statusCode).toBe(204);
    expect(kiosk.headers['access-control-allow-origin']).toBe('*');
    expect(kiosk.headers['access-control-allow-headers']).toContain('Authorization');
    expect(kiosk.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await preflight('/api/v1/console/session/login')).headers['access-control-allow-origin']).toBeUndefined();
  });
});
