/**
 * A refusal the client is meant to read: HTTP status, a stable machine code (listed in
 * docs/sync-protocol.md), a human message. Thrown by services and routes alike; the CLI prints the message.
 */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
