import { redactUrl } from './json-logger';

describe('redactUrl', () => {
  it('hides the secret of capability links, keeping the rest of the path', () => {
    expect(redactUrl('/r/AbC-123_xyz')).toBe('/r/[redacted]');
    expect(redactUrl('/r/AbC-123_xyz/sent?x=1')).toBe('/r/[redacted]/sent?x=1');
    expect(redactUrl('/u/tok3n')).toBe('/u/[redacted]');
    expect(redactUrl('/api/v1/people/123')).toBe('/api/v1/people/123');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
