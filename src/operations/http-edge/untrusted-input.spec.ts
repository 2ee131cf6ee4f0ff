import { inspectInput, MAX_JSON_DEPTH } from './untrusted-input';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
};

describe('inspectInput', () => {
  it('accepts ordinary bodies, queries and params', () => {
    expect(
      inspectInput({ name: 'Maria Santos', workingHours: { start: '09:00' }, ids: ['a', 'b'] }),
    ).toBeNull();
    expect(inspectInput({ text: 'Ω 👩‍👩‍👧 مرحبا \u200f\t\n' })).toBeNull();
    expect(inspectInput(undefined)).toBeNull();
    expect(inspectInput(Buffer.from('\u0000'))).toBeNull();
  });

  it('refuses nesting beyond the limit, and allows it up to the limit', () => {
    expect(inspectInput(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(inspectInput(nested(MAX_JSON_DEPTH + 1))).toEqual({ kind: 'too_deep' });
    // Deep enough to overflow a recursive walk.
    expect(inspectInput(nested(200_000))).toEqual({ kind: 'too_deep' });
  });

  it('names the field holding a NUL or an unpaired surrogate, in keys as well as values', () => {
    expect(inspectInput({ name: 'a\u0000b' })).toEqual({ kind: 'not_text', field: 'name' });
    expect(inspectInput({ kpis: [{ label: 'x' }, { label: '\ud800' }] })).toEqual({
      kind: 'not_text',
      field: 'kpis.1.label',
    });
    expect(inspectInput({ note: 'cut \udc00 low' })).toEqual({ kind: 'not_text', field: 'note' });
    expect(inspectInput({ 'bad\u0000key': 1 })).toEqual({ kind: 'not_text', field: 'bad\u0000key' });
    expect(inspectInput('\ud83d')).toEqual({ kind: 'not_text', field: 'body' });
  });

  it('accepts surrogate pairs (emoji, supplementary-plane letters)', () => {
    expect(inspectInput({ name: '😀 𝒜𝓈𝒾𝒶' })).toBeNull();
  });
});
