import { ValidateIf } from 'class-validator';

/**
 * For PATCH bodies: the field may be left out, but when present it must pass
 * the other validators. (class-validator's `IsOptional` also lets `null`
 * through, which would clear a required column.)
 */
export function IsAbsentOr(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
