import { describe, expect, it } from 'vitest';
import { decodeBase64 } from '../../../core/kernels/base64';

describe('decodeBase64', () => {
  it('decodes what Node encodes, for every padding', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
      expect(decodeBase64(Buffer.from(bytes).toString('base64')), `${n} bytes`).toEqual(bytes);
    }
  });

  it('refuses a character outside the alphabet', () => {
    expect(() => decodeBase64('AA-A')).toThrow(/not base64/);
  });
});
