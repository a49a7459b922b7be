import { App, Flex, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useContact, useCreateContact, useUpdateContact } from '../../api/contacts';
import { useCustomFields } from '../../api/custom-fields';
import type { Contact, CustomFieldDef } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { EditorForm, useSaveErrors } from '../../components/EditorForm';
import { Forbidden } from '../../components/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { QueryError } from '../../components/QueryError';
import { ContactForm } from './ContactForm';
import { type ContactFormValues, contactCreateBody, contactPatchBody, contactToForm } from './contact-form-values';

/** /app/contacts/new and /app/contacts/:id/edit. */
export function ContactEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAuth();
  const contact = useContact(id);
  const defs = useCustomFields('contact');
  const back = id
    ? { to: `/contacts/${encodeURIComponent(id)}`, label: t('common.back') }
    : { to: '/contacts', label: t('contacts.title') };
  const title = id ? t('contacts.editTitle') : t('contacts.newTitle');

  if (!can('contacts:write')) {
    return <Forbidden />;
  }
  if ((id && contact.isPending) || defs.isPending) return <PageSkeleton />;
  const failed = (id && contact.isError && contact.error) || (defs.isError && defs.error);
  if (failed) {
    return (
      <>
        <PageHeader title={title} back={back} />
        <QueryError
          error={failed}
          notFoundTitle={t('contacts.notFound')}
          onRetry={() => {
            void contact.refetch();
            void defs.refetch();
          }}
        />
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title={title} back={back} subTitle={contact.data?.name} />
      <ContactEditor
        // A reload after a version conflict brings a new version: start again from it.
        key={contact.data?.version ?? 'new'}
        contact={contact.data}
        defs={defs.data}
        onReload={() => contact.refetch()}
        reloading={contact.isFetching}
      />
    </Flex>
  );
}

interface EditorProps {
  contact: Contact | undefined;
  defs: CustomFieldDef[];
  onReload: () => void;
  reloading: boolean;
}

function ContactEditor({ contact, defs, onReload, reloading }: EditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<ContactFormValues>();
  const errors = useSaveErrors(form);
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const presetCompany = contact ? undefined : (search.get('companyId') ?? undefined);

  const initial = useMemo(() => {
    const values = contactToForm(contact, defs);
    if (presetCompany) values.companyId = presetCompany;
    return values;
  }, [contact, defs, presetCompany]);

  const save = async (values: ContactFormValues) => {
    errors.reset();
    try {
      if (!contact) {
        const created = await create.mutateAsync(contactCreateBody(values, defs));
        message.success(t('contacts.created'));
        navigate(`/contacts/${encodeURIComponent(created.id)}`, { replace: true });
        return;
      }
      const patch = contactPatchBody(values, initial, defs);
      if (Object.keys(patch).length === 0) {
        message.info(t('form.noChanges'));
        navigate(`/contacts/${encodeURIComponent(contact.id)}`);
        return;
      }
      await update.mutateAsync({ patch, version: contact.version });
      message.success(t('common.saved'));
      navigate(`/contacts/${encodeURIComponent(contact.id)}`);
    } catch (error) {
      errors.fail(error, 'email');
    }
  };

  return (
    <EditorForm<ContactFormValues>
      form={form}
      name="contact"
      initialValues={initial}
      onFinish={save}
      onCancel={() => navigate(contact ? `/contacts/${encodeURIComponent(contact.id)}` : '/contacts')}
      saving={create.isPending || update.isPending}
      errors={errors}
      onReload={contact ? onReload : undefined}
      reloading={reloading}
    >
      <ContactForm defs={defs} knownCompany={{ id: contact?.companyId, name: contact?.companyName }} />
    </EditorForm>
  );
}
