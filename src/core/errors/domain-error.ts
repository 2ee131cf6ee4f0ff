/** Field path (`workingHours.start`) → what is wrong with it, in words. */
export type FieldErrors = Record<string, string>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429;

/**
 * An error the caller can act on, with a stable code. One exception filter maps
 * these to HTTP (`{"error": {"code", "message", "fields"}}`); domain and service
 * code throws them without knowing about HTTP beyond the status it implies.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ErrorStatus,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Bad input, one message per field. */
export class ValidationFailed extends DomainError {
  constructor(fields: FieldErrors, message = describeFields(fields)) {
    super('VALIDATION_FAILED', message, 400, fields);
  }
}

/** An id that names nothing: `PERSON_NOT_FOUND`, `ENGAGEMENT_NOT_FOUND`… */
export class NotFound extends DomainError {
  constructor(entity: string, id: string) {
    super(
      `${entity.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_NOT_FOUND`,
      `No ${entity} with id ${id}.`,
      404,
    );
  }
}

/** The request conflicts with the current state (a duplicate, a finished touchpoint…). */
export class Conflict extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 409);
  }
}

function describeFields(fields: FieldErrors): string {
  const names = Object.keys(fields);
  return names.length === 1 ? `Invalid ${names[0]}.` : `Invalid fields: ${names.join(', ')}.`;
}
