import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * Phone numbers are stored in E.164 (+8613800138000). A number without a country prefix is read
 * in the record's address country, when there is one.
 */
export function toE164(input: string, country?: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input, country as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}
