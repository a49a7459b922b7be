import { describe, expect, it } from 'vitest';
import { demoData } from '../../infra/local/demo-data.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { toE164 } from '../../shared/domain/common/phone.js';
import { companyCreate } from '../../shared/domain/customers/company.schema.js';
import { contactCreate } from '../../shared/domain/customers/contact.schema.js';

const HAN = /\p{Script=Han}/u;
const LATIN_NAME = /^[A-Z][a-z]+ [A-Z][a-z]+$/;

describe('demoData', () => {
  const { companies, contacts } = demoData();

  it('makes 30 companies and 200 contacts by default', () => {
    expect(companies).toHaveLength(30);
    expect(contacts).toHaveLength(200);
  });

  it('makes as many as asked', () => {
    const small = demoData(4, 9);

    expect(small.companies).toHaveLength(4);
    expect(small.contacts).toHaveLength(9);
  });

  it('makes the same data on every start', () => {
    expect(demoData()).toEqual(demoData());
  });

  it.each([
    ['companies', companies.map((c) => c.body.name)],
    ['contacts', contacts.map((c) => c.body.name)],
  ])('names %s in both Chinese and English', (_kind, names) => {
    expect(names.some((n) => HAN.test(n))).toBe(true);
    expect(names.some((n) => !HAN.test(n))).toBe(true);
  });

  it('writes English contact names as given name then family name', () => {
    const english = contacts.filter((c) => !HAN.test(c.body.name));

    expect(english.length).toBeGreaterThan(0);
    for (const c of english) expect(c.body.name).toMatch(LATIN_NAME);
  });

  it('writes Chinese contact names as family name then given name, without a space', () => {
    const chinese = contacts.filter((c) => HAN.test(c.body.name));

    for (const c of chinese) expect(c.body.name).toBe(`${c.body.familyName}${c.body.givenName}`);
  });

  it('spreads contacts and companies over at least 4 countries', () => {
    expect(new Set(contacts.map((c) => c.body.address?.country)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(companies.map((c) => c.body.address?.country)).size).toBeGreaterThanOrEqual(4);
  });

  it.each(['sales1@cirrus.local', 'sales2@cirrus.local'])('gives %s companies and contacts of their own', (owner) => {
    expect(companies.some((c) => c.ownerEmail === owner)).toBe(true);
    expect(contacts.some((c) => c.ownerEmail === owner)).toBe(true);
  });

  it('has only seeded staff users as owners', () => {
    const staff = new Set(STAFF_USERS.map((u) => u.email));

    for (const owner of [...companies, ...contacts].map((r) => r.ownerEmail)) expect(staff).toContain(owner);
  });

  it('gives every company its own domain', () => {
    const domains = companies.map((c) => c.body.domain);

    expect(new Set(domains).size).toBe(companies.length);
  });

  it('keeps domains unique beyond the 30 default companies', () => {
    const many = demoData(75, 0).companies.map((c) => c.body.domain);

    expect(new Set(many).size).toBe(75);
  });

  it('gives every contact their own e-mail', () => {
    const emails = contacts.map((c) => c.body.email);

    expect(new Set(emails).size).toBe(contacts.length);
  });

  it("gives a contact an e-mail at their company's domain", () => {
    for (const c of contacts) expect(c.body.email?.endsWith(`@${companies[c.companyIndex]?.body.domain}`)).toBe(true);
  });

  it('points every contact at an existing company', () => {
    for (const c of contacts) expect(companies[c.companyIndex]).toBeDefined();
  });

  it("lets a contact inherit its company's owner", () => {
    for (const c of contacts) expect(c.ownerEmail).toBe(companies[c.companyIndex]?.ownerEmail);
  });

  it('gives every contact a phone number that is valid in its country', () => {
    const rejected = contacts
      .filter((c) => !toE164(c.body.phone ?? '', c.body.address?.country))
      .map((c) => `${c.body.address?.country} ${c.body.phone}`);

    expect(rejected).toEqual([]);
  });

  it('keeps phone numbers valid for larger data sets too', () => {
    const rejected = demoData(30, 1000)
      .contacts.filter((c) => !toE164(c.body.phone ?? '', c.body.address?.country))
      .map((c) => `${c.body.address?.country} ${c.body.phone}`);

    expect(rejected).toEqual([]);
  });

  it('only makes companies the API accepts', () => {
    for (const c of companies) expect(companyCreate.safeParse(c.body).success).toBe(true);
  });

  it('only makes contacts the API accepts', () => {
    for (const c of contacts) expect(contactCreate.safeParse({ ...c.body, companyId: 'co-1' }).success).toBe(true);
  });
});
