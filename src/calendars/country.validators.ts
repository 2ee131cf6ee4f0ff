import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isSupportedCountry } from './domain/calendar-validation';

/** An ISO 3166-1 alpha-2 code that the holiday library knows (so its public holidays can apply). */
export function IsHolidayCountry(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isHolidayCountry',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isSupportedCountry(value),
        defaultMessage: () =>
          'must be an ISO 3166-1 alpha-2 country code with holiday data, such as PH or US',
      },
    },
    options,
  );
}
