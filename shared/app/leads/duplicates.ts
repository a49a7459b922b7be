import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { blindIndexOf } from '../../crypto/blind-index.js';
import { getCustomFieldSet } from '../../db/custom-fields.repository.js';
import { contactsByPhone, type PhoneMatch, toApi } from '../../db/customer-records.repository.js';
import { type Key, keys, type RecordKind } from '../../db/keys.js';
import { isPoolOwner } from '../../db/keys.leads.js';
import { getFound } from '../../db/kit.js';
import { nationalDigits, phoneQueryDigits, toE164 } from '../../domain/common/phone.js';
import type { DuplicateMatch, DuplicatesQuery } from '../../domain/leads/lead.schema.js';
import { companyDomainOf, normalizeDomain } from '../../domain/leads/lead-rules.js';

/**
 * Duplicate check (查重): which existing contacts and companies share an e-mail, phone or domain
 * with the one being entered, and who owns them, so two reps do not work one customer. Exact
 * lookups only: the e-mail guard and the domain guard (GetItem through one BatchGetItem), and
 * the phone index (one Query of gsi9 on the exact national number). A record outside the
 * caller's scope is described by its owner's name alone: no id, no name, no other field.
 */

/** Fewer digits than this is no phone number worth matching. */
const MIN_PHONE_DIGITS = 6;
const MAX_PHONE_MATCHES = 5;

interface Candidate {
  field: DuplicateMatch['field'];
  kind: RecordKind;
  id: string;
}

function phoneDigitsOf(phone: string): string | undefined {
  const e164 = toE164(phone);
  const digits = e164 ? nationalDigits(e164) : phoneQueryDigits(phone);
  return digits.length >= MIN_PHONE_DIGITS ? digits : undefined;
}

export async function findDuplicates(
  query: DuplicatesQuery,
  principal: Principal,
): Promise<{ matches: DuplicateMatch[] }> {
  const guards: { field: DuplicateMatch['field']; kind: RecordKind; key: Key }[] = [];
  if (query.email) {
    const email = query.email.trim().toLowerCase();
    guards.push({ field: 'email', kind: 'contact', key: keys.emailGuard(email) });
    const domain = companyDomainOf(email);
    if (domain) guards.push({ field: 'email', kind: 'company', key: keys.domainGuard(domain) });
  }
  if (query.domain)
    guards.push({ field: 'domain', kind: 'company', key: keys.domainGuard(normalizeDomain(query.domain)) });
  const digits = query.phone ? phoneDigitsOf(query.phone) : undefined;

  const [guardItems, phoneItems] = await Promise.all([
    guards.length ? getFound(guards.map((g) => g.key)) : Promise.resolve([]),
    digits ? phoneMatch(digits).then((match) => contactsByPhone(match, MAX_PHONE_MATCHES)) : Promise.resolve([]),
  ]);

  const candidates: Candidate[] = [];
  for (const g of guards) {
    const item = guardItems.find((i) => i.pk === g.key.pk && i.sk === g.key.sk);
    if (item?.recordId) candidates.push({ field: g.field, kind: g.kind, id: String(item.recordId) });
  }
  const fromPhone = phoneItems;
  for (const r of fromPhone) candidates.push({ field: 'phone', kind: 'contact', id: r.id });
  const wanted = candidates.filter((c) => c.id !== query.excludeId);
  if (wanted.length === 0) return { matches: [] };

  // The records behind the guards (the phone index already carried its records).
  const records = new Map(fromPhone.map((r) => [`contact#${r.id}`, r]));
  const toRead = wanted.filter((c) => !records.has(`${c.kind}#${c.id}`));
  if (toRead.length) {
    for (const item of await getFound(toRead.map((c) => keys.record(c.kind, c.id)))) {
      const r = toApi(item);
      records.set(`${String(item.sk).toLowerCase()}#${r.id}`, r);
    }
  }
  const scope = recordScopeOf(principal);
  const owners = new Set<string>();
  for (const c of wanted) {
    const r = records.get(`${c.kind}#${c.id}`);
    if (r && !isPoolOwner(r.ownerId) && r.ownerId !== principal.userId) owners.add(r.ownerId);
  }
  const names = new Map<string, string>();
  if (owners.size) {
    for (const p of await getFound([...owners].map((id) => keys.user(id)))) names.set(String(p.id), String(p.name));
  }

  const matches: DuplicateMatch[] = [];
  const seen = new Set<string>();
  for (const c of wanted) {
    const r = records.get(`${c.kind}#${c.id}`);
    if (!r || r.deletedAt || seen.has(`${c.field}#${c.kind}#${c.id}`)) continue;
    seen.add(`${c.field}#${c.kind}#${c.id}`);
    const ownership: DuplicateMatch['ownership'] = isPoolOwner(r.ownerId)
      ? 'pool'
      : r.ownerId === principal.userId
        ? 'you'
        : 'other';
    matches.push({
      field: c.field,
      kind: c.kind,
      ownership,
      ...(ownership === 'other' ? { ownerName: names.get(r.ownerId) ?? 'another user' } : {}),
      ...(inScope(scope, r) ? { record: { id: r.id, name: r.name } } : {}),
    });
  }
  return { matches };
}

/**
 * The phone index to match: the plain national digits, or, when an admin has made the contact
 * phone sensitive, the keyed blind index of those digits (the settings item is read first).
 */
async function phoneMatch(digits: string): Promise<PhoneMatch> {
  const set = await getCustomFieldSet('contact');
  return set.builtIn?.some((s) => s.key === 'phone' && s.sensitive)
    ? { blindIndex: await blindIndexOf(digits) }
    : { nationalDigits: digits };
}
