import { describe, expect, it } from 'vitest';
import { parseSlowHash } from '../../src/domain/slowHash';
import { expectedAnswer, makeStatusProof, parseReceiptQr, proofMatches, receiptQrPayload, statusProofSchema } from '../../src/domain/statusProof';
import { formatTrackingCode } from '../../src/domain/trackingCode';

const HOLDER = { cin: 'AB123456', dateOfBirth: '1990-04-12' };
const CODE = formatTrackingCode('KBZ', 42);

describe('the status proof', () => {
  it('is the last 4 CIN digits then the year of birth', () => {
    expect(expectedAnswer(HOLDER)).toBe('34561990');
    expect(expectedAnswer({ cin: 'X12345', dateOfBirth: '2001-12-31' })).toBe('23452001');
  });

  it('travels as a salted slow hash and a token hash that contain neither the digits nor the token', async () => {
    const { proof, token } = await makeStatusProof(HOLDER);
    expect(statusProofSchema.parse(proof)).toEqual(proof);
    expect(parseSlowHash(proof.answer)?.iterations).toBe(100_000);
    expect(JSON.stringify(proof)).not.toContain('3456');
    expect(JSON.stringify(proof)).not.toContain(token);
    const again = await makeStatusProof(HOLDER);
    expect(again.proof.answer).not.toBe(proof.answer);
  });

  it('opens with the answer, typed with spaces or not, or the token; not with anything else', async () => {
    const { proof, token } = await makeStatusProof(HOLDER);
    expect(await proofMatches(proof, { kind: 'answer', answer: '3456 1990' })).toBe(true);
    expect(await proofMatches(proof, { kind: 'token', token })).toBe(true);
    expect(await proofMatches(proof, { kind: 'answer', answer: '34561991' })).toBe(false);
    expect(await proofMatches(proof, { kind: 'answer', answer: '3456' })).toBe(false);
    expect(await proofMatches(proof, { kind: 'token', token: `${token.slice(0, -1)}A` === token ? `${token.slice(0, -1)}B` : `${token.slice(0, -1)}A` })).toBe(false);
    expect(await proofMatches(proof, { kind: 'token', token: 'x'.repeat(10_000) })).toBe(false);
  });

  it('puts the code and the token in the receipt QR, and reads them back', async () => {
    const { token } = await makeStatusProof(HOLDER);
    expect(parseReceiptQr(receiptQrPayload(CODE, token))).toEqual({ trackingCode: CODE, token });
    expect(parseReceiptQr(CODE)).toEqual({ trackingCode: CODE, token: null });
    expect(parseReceiptQr(`${CODE}~short`)).toBeNull();
    expect(parseReceiptQr('https://evil.example')).toBeNull();
  });
});
