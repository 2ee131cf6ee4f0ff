import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailed, type FieldErrors } from '../errors/domain-error';

/**
 * The global pipe: DTO classes validated once at the boundary, unknown
 * properties rejected, one message per field in the error body.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailed(fieldErrors(errors)),
  });
}

/** Flattens class-validator's tree into `{"workingHours.start": "must be HH:mm"}`. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const fields: FieldErrors = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = Object.values(error.constraints ?? {})[0];
    if (first !== undefined) fields[path] = humanise(first, error.property);
    Object.assign(fields, fieldErrors(error.children ?? [], path));
  }
  return fields;
}

function humanise(message: string, property: string): string {
  if (/^property \S+ should not exist$/.test(message)) return 'is not a known field';
  if (/^an unknown value was passed to the validate function$/.test(message)) return 'must be an object';
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
