import { App, Flex, Form } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCompany, useCreateCompany, useUpdateCompany } from '../../api/companies';
import { useCustomFields } from '../../api/custom-fields';
import type { Company, CustomFieldDef } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { EditorForm, useSaveErrors } from '../../components/EditorForm';
import { Forbidden } from '../../components/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { QueryError } from '../../components/QueryError';
import { CompanyForm } from './CompanyForm';
import { type CompanyFormValues, companyCreateBody, companyPatchBody, companyToForm } from './company-form-values';

/** /app/companies/new and /app/companies/:id/edit. */
export function CompanyEditorPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAuth();
  const company = useCompany(id);
  const defs = useCustomFields('company');
  const back = id
    ? { to: `/companies/${encodeURIComponent(id)}`, label: t('common.back') }
    : { to: '/companies', label: t('companies.title') };
  const title = id ? t('companies.editTitle') : t('companies.newTitle');

  if (!can('companies:write')) {
    return <Forbidden />;
  }
  if ((id && company.isPending) || defs.isPending) return <PageSkeleton />;
  const failed = (id && company.isError && company.error) || (defs.isError && defs.error);
  if (failed) {
    return (
      <>
        <PageHeader title={title} back={back} />
        <QueryError
          error={failed}
          notFoundTitle={t('companies.notFound')}
          onRetry={() => {
            void company.refetch();
            void defs.refetch();
          }}
        />
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title={title} back={back} subTitle={company.data?.name} />
      <CompanyEditor
        // A reload after a version conflict brings a new version: start again from it.
        key={company.data?.version ?? 'new'}
        company={company.data}
        defs={defs.data}
        onReload={() => company.refetch()}
        reloading={company.isFetching}
      />
    </Flex>
  );
}

interface EditorProps {
  company: Company | undefined;
  defs: CustomFieldDef[];
  onReload: () => void;
  reloading: boolean;
}

function CompanyEditor({ company, defs, onReload, reloading }: EditorProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CompanyFormValues>();
  const errors = useSaveErrors(form);
  const create = useCreateCompany();
  const update = useUpdateCompany(company?.id ?? '');

  const initial = useMemo(() => companyToForm(company, defs), [company, defs]);

  const save = async (values: CompanyFormValues) => {
    errors.reset();
    try {
      if (!company) {
        const created = await create.mutateAsync(companyCreateBody(values, defs));
        message.success(t('companies.created'));
        navigate(`/companies/${encodeURIComponent(created.id)}`, { replace: true });
        return;
      }
      const patch = companyPatchBody(values, initial, defs);
      if (Object.keys(patch).length === 0) {
        message.info(t('form.noChanges'));
        navigate(`/companies/${encodeURIComponent(company.id)}`);
        return;
      }
      await update.mutateAsync({ patch, version: company.version });
      message.success(t('common.saved'));
      navigate(`/companies/${encodeURIComponent(company.id)}`);
    } catch (error) {
      errors.fail(error, 'domain');
    }
  };

  return (
    <EditorForm<CompanyFormValues>
      form={form}
      name="company"
      initialValues={initial}
      onFinish={save}
      onCancel={() => navigate(company ? `/companies/${encodeURIComponent(company.id)}` : '/companies')}
      saving={create.isPending || update.isPending}
      errors={errors}
      onReload={company ? onReload : undefined}
      reloading={reloading}
    >
      <CompanyForm defs={defs} />
    </EditorForm>
  );
}
