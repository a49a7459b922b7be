import {
  type CountryCode,
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/min';

/**
 * Phone numbers are stored in E.164 (+8613800138000). A number without a country prefix is read
 * in the record's address country, when there is one.
 */
export function toE164(input: string, country?: string): string | undefined {
  const parsed = parsePhoneNumberFromString(input, country as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}

/**
 * The digits a phone search matches against: the national number, since people type numbers the
 * way they dial them at home ("138 0013…") more often than with a country code.
 */
export function nationalDigits(e164: string): string {
  return parsePhoneNumberFromString(e164)?.nationalNumber ?? e164.replace(/\D/g, '');
}

/** A typed (possibly partial) query as national digits: "+86 139 12" → "13912", "(415) 555" → "415555". */
export function phoneQueryDigits(query: string): string {
  const trimmed = query.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    // Calling codes are prefix-free (no code starts another), so at most one of 1–3 digits matches.
    const code = [1, 2, 3].map((n) => digits.slice(0, n)).find((prefix) => callingCodes().has(prefix));
    if (code) return digits.slice(code.length);
  }
  return digits.replace(/^0+/, '');
}

let codes: Set<string> | undefined;
function callingCodes(): Set<string> {
  codes ??= new Set(getCountries().map((country) => getCountryCallingCode(country)));
  return codes;
}
