import { outboxFileName } from './email.adapter';
import { classifySendError, retryAfterHint } from './email-failures';

// Errors shaped the way nodemailer 10.6 builds them (errors.d.ts: code, responseCode, permanent).
function smtpError(fields: {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
  response?: string;
}): Error {
  return Object.assign(new Error(fields.response ?? 'failed'), fields);
}

describe('classifySendError', () => {
  it('treats SMTP 4xx as transient and 5xx as permanent', () => {
    expect(
      classifySendError(smtpError({ code: 'EENVELOPE', responseCode: 450, permanent: false })),
    ).toMatchObject({
      kind: 'transient',
      responseCode: 450,
    });
    expect(
      classifySendError(smtpError({ code: 'EMESSAGE', responseCode: 554, permanent: true })),
    ).toMatchObject({
      kind: 'permanent',
      responseCode: 554,
    });
  });

  it('follows nodemailer on 503 (bad sequence): a new session can succeed', () => {
    expect(
      classifySendError(smtpError({ code: 'EPROTOCOL', responseCode: 503, permanent: false })).kind,
    ).toBe('transient');
  });

  it('decides from the reply class when nodemailer gives no permanent flag', () => {
    expect(classifySendError(smtpError({ responseCode: 421 })).kind).toBe('transient');
    expect(classifySendError(smtpError({ responseCode: 550 })).kind).toBe('permanent');
  });

  it('treats refused connections, drops, timeouts and DNS failures as transient', () => {
    for (const code of ['ESOCKET', 'ECONNECTION', 'ETIMEDOUT', 'EDNS']) {
      expect(classifySendError(smtpError({ code })).kind).toBe('transient');
    }
  });

  it('treats bad credentials and TLS trouble as transient even with a 5xx reply', () => {
    expect(classifySendError(smtpError({ code: 'EAUTH', responseCode: 535, permanent: true }))).toMatchObject(
      {
        kind: 'transient',
        responseCode: 535,
      },
    );
    expect(classifySendError(smtpError({ code: 'ETLS' })).kind).toBe('transient');
  });

  it('treats problems of the message itself as permanent', () => {
    expect(classifySendError(smtpError({ code: 'EENVELOPE' })).kind).toBe('permanent');
    expect(classifySendError(smtpError({ code: 'EMAXRECIPIENTS' })).kind).toBe('permanent');
  });

  it('copes with something thrown that is not an Error', () => {
    expect(classifySendError('boom')).toEqual({ ok: false, kind: 'transient', reason: 'boom' });
  });

  it('passes on a delay the server named in a temporary failure', () => {
    expect(
      classifySendError(
        smtpError({ responseCode: 451, response: '451 4.7.1 Greylisted, try again in 5 minutes' }),
      ),
    ).toMatchObject({ kind: 'transient', retryAfterSeconds: 300 });
  });
});

describe('retryAfterHint', () => {
  it('reads seconds, minutes and hours', () => {
    expect(retryAfterHint('421 4.7.0 Try again in 30 seconds')).toBe(30);
    expect(retryAfterHint('450 retry after 10 min')).toBe(600);
    expect(retryAfterHint('452 try again later in 1 hour')).toBe(3600);
  });

  it('returns undefined when the reply names no delay', () => {
    expect(retryAfterHint('421 4.7.0 Try again later')).toBeUndefined();
    expect(retryAfterHint('450 mailbox busy')).toBeUndefined();
  });
});

describe('outboxFileName', () => {
  it('zero-pads numeric ids so files list in creation order', () => {
    expect(outboxFileName('9')).toBe('00000000000000000009.eml');
    expect(outboxFileName('10') > outboxFileName('9')).toBe(true);
  });

  it('keeps other ids as they are (ULIDs and UUIDv7 already sort by time)', () => {
    expect(outboxFileName('01JQ3ZK5V1W3X8Y9')).toBe('01JQ3ZK5V1W3X8Y9.eml');
  });
});
