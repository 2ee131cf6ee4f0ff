import fc from 'fast-check';
import { JsonObject, type JsonNode, RawJson } from './json-text';

/** Strings that have broken real parsers, databases and renderers. */
export const EDGE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'a\ud83d', // emoji cut in half
  '\u202eevil\u202c', // right-to-left override
  '\u200f\u200e', // RTL and LTR marks
  '\u200b\u200c\u200d\u2060', // zero-width characters
  '\ufeff', // byte-order mark
  '\u2028\u2029', // line and paragraph separators
  '\r\nX-Injected: yes',
  '\t\n\v\f\r',
  '👩‍👩‍👧‍👦',
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  'Ｍａｎｉｌａ', // full-width
  '𝒜𝓈𝒾𝒶/𝑀𝒶𝓃𝒾𝓁𝒶',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  "'; DROP TABLE person; --",
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '2027-02-30',
  '2027-13-01',
  '2027-03-09T25:61:00Z',
  '2027-03-09T14:00:00',
  '+275760-09-13T00:00:00Z',
  '-271821-04-20T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '24:00',
  '23:60',
  '9:00',
  'Asia/Nowhere',
  'UTC+8',
  'EST',
  'Etc/GMT+8',
  'ZZ',
  'xx-INVALID-locale-tag-123456789',
  '00000000-0000-0000-0000-000000000000',
];

/** Object keys that poison prototypes or shadow built-ins when code copies objects carelessly. */
export const PROTO_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
];

/** Number literals JSON allows but JavaScript reads badly: overflow, underflow, negative zero, huge integers. */
export const EDGE_NUMBER_LITERALS: readonly string[] = [
  '1e999',
  '-1e999',
  '-0',
  '1e-400',
  '123456789012345678901234567890',
  '9007199254740993',
  '0.1e1',
  '1E+2',
];

/** Single UTF-16 units, including lone surrogates (fast-check's `binary` unit leaves those out). */
const anyUnit: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u202e', '\u200b', '\ufeff', '\u0085') },
);

/** Any string a client could send: edge cases, random code points, and huge ones (below the body limit). */
export function hostileString(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...EDGE_STRINGS) },
    { weight: 4, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', '<'), fc.integer({ min: 1_000, max: 60_000 }))
        .map(([unit, count]) => unit.repeat(count)),
    },
  );
}

export function hostileNumber(): fc.Arbitrary<JsonNode> {
  return fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE),
    fc.constantFrom(...EDGE_NUMBER_LITERALS).map((text) => new RawJson(text)),
  );
}

/** Nesting far deeper than any schema: `[[[[…]]]]` or `{"a":{"a":…}}`. */
export function deepNesting(): fc.Arbitrary<JsonNode> {
  return fc
    .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 200, max: 5_000 }))
    .map(([kind, depth]) =>
      kind === 'array'
        ? new RawJson(`${'['.repeat(depth)}1${']'.repeat(depth)}`)
        : new RawJson(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
    );
}

/** Any JSON value, small, with hostile leaves and prototype-poisoning keys. */
export function hostileJson(): fc.Arbitrary<JsonNode> {
  const { value } = fc.letrec<{ value: JsonNode }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant(null),
      fc.boolean(),
      hostileNumber(),
      hostileString(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString()), tie('value')), {
          maxLength: 4,
        })
        .map((entries) => new JsonObject(entries)),
    ),
  }));
  return value;
}

/** A value to put where a field goes: anything but what the schema asks for, most of the time. */
export function hostileValue(): fc.Arbitrary<JsonNode> {
  return fc.oneof(
    { weight: 5, arbitrary: hostileString() },
    { weight: 2, arbitrary: hostileNumber() },
    { weight: 1, arbitrary: fc.constantFrom<JsonNode>(null, true, false, [], new JsonObject([])) },
    { weight: 2, arbitrary: hostileJson() },
    { weight: 1, arbitrary: deepNesting() },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...PROTO_KEYS), hostileJson())
        .map(([key, value]) => new JsonObject([[key, value]])),
    },
  );
}

/** Bodies that are not JSON, or barely: truncated, invalid UTF-8, duplicated poison keys, empty. */
export function malformedBody(): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    fc.constantFrom<string | Uint8Array>(
      '',
      ' ',
      '{',
      '{"a":',
      '{"a" 1}',
      "{'single': 'quotes'}",
      '{"a":1,}',
      '[1,2,',
      'null',
      'true',
      '42',
      '"just a string"',
      '\ufeff{}',
      '{"__proto__":{"polluted":1}}',
      '{"constructor":{"prototype":{"polluted":1}}}',
      '{"a":1,"a":2,"__proto__":[],"__proto__":null}',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '{"a":"\\uZZZZ"}',
      'NaN',
      '{"a":Infinity}',
      '<?xml version="1.0"?><a/>',
      Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // {"a":"\xff\xfe"}
      Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // CESU-8 surrogate
      Uint8Array.from([0xc0, 0xaf]), // overlong encoding
    ),
    fc.string({ unit: anyUnit, maxLength: 60 }),
    deepNesting().map((node) => (node as RawJson).text),
  );
}

/** A path segment, already percent-encoded (or deliberately badly encoded). */
export function hostileSegment(): fc.Arbitrary<string> {
  return fc.oneof(
    {
      weight: 4,
      arbitrary: hostileString()
        .filter((s) => s.length > 0 && s.length < 400)
        .map(encodeLoosely),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '%',
        '%zz',
        '%00',
        '%ED%A0%80',
        '%C0%AF',
        '..',
        '%2e%2e',
        '%2F',
        '%252F',
        'a%20b',
        '-1',
        '0',
        '1e3',
        'null',
        'x'.repeat(300),
        encodeURIComponent('💥'.repeat(100)),
      ),
    },
  );
}

/** encodeURIComponent, except that lone surrogates (which it refuses) become their CESU-8 bytes. */
export function encodeLoosely(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.charCodeAt(0);
    if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      out +=
        `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
    } else out += encodeURIComponent(char);
  }
  return out;
}
