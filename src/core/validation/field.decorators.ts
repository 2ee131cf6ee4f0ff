import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsAbsentOr } from './optional';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

/** Required text, trimmed: a name, a title. */
export function RequiredText(maxLength = 200): PropertyDecorator {
  return applyDecorators(
    IsDefined({ message: 'is required' }),
    Transform(trim),
    IsString({ message: 'must be text' }),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
  );
}

/** The same text in a PATCH body: may be left out, never emptied or nulled. */
export function OptionalText(maxLength = 200): PropertyDecorator {
  return applyDecorators(
    IsAbsentOr(),
    Transform(trim),
    IsString({ message: 'must be text' }),
    MinLength(1, { message: 'must not be empty' }),
    MaxLength(maxLength, { message: `must be at most ${maxLength} characters` }),
  );
}

/** A list of person ids. */
export function PersonIds(maxSize = 50): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'must be a list of person ids' }),
    ArrayMaxSize(maxSize, { message: `must list at most ${maxSize} people` }),
    IsUUID('all', { each: true, message: 'must be a list of person ids' }),
  );
}
