import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

type Rec = Record<string, unknown> & { id: string; version: number; name: string };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let runtime: Runtime;
let admin: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

describe('companies', () => {
  it('normalises the domain and keeps it unique across companies', async () => {
    const created = await admin.post<Rec>('/api/companies', aCompany({ domain: 'https://www.Unique-Co.com/about' }));
    expect(created.status).toBe(201);
    expect(created.body.domain).toBe('unique-co.com');
    const dup = await admin.post<ErrorBody>('/api/companies', aCompany({ domain: 'unique-co.com' }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('company.domain_taken');
    expect(dup.body.error.message).toContain(created.body.id);
  });

  it("lists a company's contacts, and shows the company's name on each contact", async () => {
    const company = (await admin.post<Rec>('/api/companies', aCompany({ name: '华云科技' }))).body;
    const a = (await admin.post<Rec>('/api/contacts', aContact({ companyId: company.id, name: 'Bo Li' }))).body;
    const b = (await admin.post<Rec>('/api/contacts', aContact({ companyId: company.id, name: 'Amy Wu' }))).body;
    await admin.post('/api/contacts', aContact());
    expect(a.companyName).toBe('华云科技');
    const list = await admin.get<Listed<Rec>>(`/api/contacts?companyId=${company.id}`);
    expect(list.body.items.map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('edits, deletes and restores a company with its timeline', async () => {
    const company = (await admin.post<Rec>('/api/companies', aCompany())).body;
    const edited = await admin.patch<Rec>(`/api/companies/${company.id}`, { industry: 'Energy', version: 1 });
    expect(edited.body.industry).toBe('Energy');
    expect((await admin.delete(`/api/companies/${company.id}`)).status).toBe(200);
    expect((await admin.post(`/api/companies/${company.id}/restore`)).status).toBe(200);
    const timeline = await admin.get<Listed<{ action: string }>>(`/api/companies/${company.id}/timeline`);
    expect(timeline.body.items.map((e) => e.action)).toEqual(['restored', 'deleted', 'updated', 'created']);
  });

  it('finds companies by name prefix and by domain', async () => {
    const company = (
      await admin.post<Rec>('/api/companies', aCompany({ name: 'Quokka Freight', domain: 'quokka-freight.com' }))
    ).body;
    const byName = await admin.get<Listed<Rec>>('/api/companies?q=quok');
    const byDomain = await admin.get<Listed<Rec>>('/api/companies?q=quokka-freight.c');
    expect(byName.body.items.map((c) => c.id)).toEqual([company.id]);
    expect(byDomain.body.items.map((c) => c.id)).toEqual([company.id]);
  });

  it('refuses a contact pointing at a deleted company', async () => {
    const company = (await admin.post<Rec>('/api/companies', aCompany())).body;
    await admin.delete(`/api/companies/${company.id}`);
    const res = await admin.post<ErrorBody>('/api/contacts', aContact({ companyId: company.id }));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('companyId');
  });
});

describe('custom fields', () => {
  it('validates every contact write against the admin-defined fields', async () => {
    const region = {
      entity: 'contact',
      key: 'salesRegion',
      label: 'Sales region',
      type: 'select',
      options: ['North', 'South'],
      required: true,
    };
    const score = { entity: 'contact', key: 'score', label: 'Score', type: 'number' };
    expect((await admin.post('/api/custom-fields', region)).status).toBe(201);
    expect((await admin.post('/api/custom-fields', score)).status).toBe(201);

    const missing = await admin.post<ErrorBody>('/api/contacts', aContact());
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ 'customFields.salesRegion': 'Required' });

    const wrong = await admin.post<ErrorBody>(
      '/api/contacts',
      aContact({ customFields: { salesRegion: 'East', score: 'high' } }),
    );
    expect(Object.keys(wrong.body.error.fields ?? {}).sort()).toEqual([
      'customFields.salesRegion',
      'customFields.score',
    ]);

    const unknown = await admin.post<ErrorBody>(
      '/api/contacts',
      aContact({ customFields: { salesRegion: 'North', shoeSize: 'x' } }),
    );
    expect(unknown.body.error.fields).toHaveProperty(['customFields.shoeSize']);

    const ok = await admin.post<Rec>('/api/contacts', aContact({ customFields: { salesRegion: 'North', score: 7 } }));
    expect(ok.status).toBe(201);
    expect(ok.body.customFields).toEqual({ salesRegion: 'North', score: 7 });

    const defs = await admin.get<{ items: { key: string; version: number }[] }>('/api/custom-fields?entity=contact');
    expect(defs.body.items.map((d) => d.key)).toEqual(['salesRegion', 'score']);

    // Once the field is optional again, contacts can be created without it.
    const relaxed = await admin.patch('/api/custom-fields/contact/salesRegion', { required: false, version: 1 });
    expect(relaxed.status).toBe(200);
    expect((await admin.post('/api/contacts', aContact())).status).toBe(201);

    // Deleting a definition drops its stored values on the next edit instead of blocking it.
    expect((await admin.delete('/api/custom-fields/contact/score')).status).toBe(204);
    const edited = await admin.patch<Rec>(`/api/contacts/${ok.body.id}`, { title: 'CFO', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body.customFields).toEqual({ salesRegion: 'North' });
  });

  it('refuses a select without options, a duplicate key and a stale edit', async () => {
    const noOptions = await admin.post<ErrorBody>('/api/custom-fields', {
      entity: 'company',
      key: 'segment',
      label: 'Segment',
      type: 'select',
    });
    expect(noOptions.body.error.fields).toHaveProperty('options');
    expect(
      (await admin.post('/api/custom-fields', { entity: 'company', key: 'vat', label: 'VAT id', type: 'text' })).status,
    ).toBe(201);
    expect(
      (await admin.post('/api/custom-fields', { entity: 'company', key: 'vat', label: 'VAT', type: 'text' })).status,
    ).toBe(409);
    await admin.patch('/api/custom-fields/company/vat', { label: 'VAT number', version: 1 });
    expect((await admin.patch('/api/custom-fields/company/vat', { label: 'Tax id', version: 1 })).status).toBe(409);
  });
});
