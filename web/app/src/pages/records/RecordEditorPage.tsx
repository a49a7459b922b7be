import { App, Flex, Form } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useCustomFields } from '../../api/custom-fields';
import type { RecordsApi } from '../../api/records';
import type { CustomFieldDef } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { EditorForm } from '../../components/EditorForm';
import { Forbidden } from '../../components/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { QueryState } from '../../components/QueryState';
import { useSaveErrors } from '../../components/useSaveErrors';
import { DuplicateWarning } from '../leads/DuplicateWarning';
import { type RecordBase, recordPath } from './record-kind';

type Defs = readonly CustomFieldDef[];

/**
 * What a kind's editor edits, and how its form values become API bodies: Values is what the form
 * holds, Normalized the same in API form (trimmed, blank is undefined), from which both bodies are made.
 */
export interface RecordEditorConfig<
  T extends RecordBase,
  Values extends object,
  Normalized,
  Create,
  Patch extends object,
> {
  api: Pick<RecordsApi<T, Create, Patch, unknown>, 'resource' | 'entity' | 'useOne' | 'useCreate' | 'useUpdate'>;
  /** The form's starting values; `search` is the page's query (e.g. ?companyId= presets a new contact's company). */
  toForm: (record: T | undefined, defs: Defs, search: URLSearchParams) => Values;
  normalize: (values: Values, defs: Defs) => Normalized;
  /** POST body: only what was filled in. */
  createBody: (values: Normalized) => Create;
  /** PATCH body: only the fields the user changed (so the timeline shows real edits); the version is added here. */
  patchBody: (next: Normalized, before: Normalized) => Patch;
  /** Where a conflict without field details lands, e.g. the unique email or domain. */
  uniqueField: string;
  /** The form's sections. */
  renderForm: (record: T | undefined, defs: Defs) => ReactNode;
}

/** /app/{resource}/new and /app/{resource}/:id/edit. */
export function RecordEditorPage<
  T extends RecordBase,
  Values extends object,
  Normalized,
  Create,
  Patch extends object,
>({ config }: { config: RecordEditorConfig<T, Values, Normalized, Create, Patch> }) {
  const { resource, entity } = config.api;
  const { t } = useTranslation();
  const { id } = useParams();
  const { can } = useAuth();
  const record = config.api.useOne(id);
  const defs = useCustomFields(entity);
  const back = id
    ? { to: recordPath(resource, id), label: t('common.back') }
    : { to: recordPath(resource), label: t(`${resource}.title`) };
  const title = id ? t(`${resource}.editTitle`) : t(`${resource}.newTitle`);

  if (!can(`${resource}:write`)) {
    return <Forbidden />;
  }
  if ((id && record.isPending) || defs.isPending) return <PageSkeleton />;
  // The record (when editing) and the custom field definitions are both needed to show the form.
  if ((id && !record.isSuccess) || !defs.isSuccess) {
    return (
      <>
        <PageHeader title={title} back={back} />
        {id && !record.isSuccess ? (
          <QueryState query={record} notFoundTitle={t(`${resource}.notFound`)} />
        ) : (
          <QueryState query={defs} />
        )}
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title={title} back={back} subTitle={record.data?.name} />
      <RecordEditor
        // A reload after a version conflict brings a new version: start again from it.
        key={record.data?.version ?? 'new'}
        config={config}
        record={record.data}
        defs={defs.data}
        onReload={() => record.refetch()}
        reloading={record.isFetching}
      />
    </Flex>
  );
}

interface EditorProps<T extends RecordBase, Values extends object, Normalized, Create, Patch extends object> {
  config: RecordEditorConfig<T, Values, Normalized, Create, Patch>;
  record: T | undefined;
  defs: CustomFieldDef[];
  onReload: () => void;
  reloading: boolean;
}

function RecordEditor<T extends RecordBase, Values extends object, Normalized, Create, Patch extends object>({
  config,
  record,
  defs,
  onReload,
  reloading,
}: EditorProps<T, Values, Normalized, Create, Patch>) {
  const { resource, entity } = config.api;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const create = config.api.useCreate();
  const update = config.api.useUpdate(record?.id ?? '');

  const initial = useMemo(() => config.toForm(record, defs, search), [config, record, defs, search]);

  const save = async (values: Values) => {
    errors.reset();
    try {
      if (!record) {
        const created = await create.mutateAsync(config.createBody(config.normalize(values, defs)));
        message.success(t(`${resource}.created`));
        navigate(recordPath(resource, created.id), { replace: true });
        return;
      }
      const patch = config.patchBody(config.normalize(values, defs), config.normalize(initial, defs));
      if (Object.keys(patch).length === 0) {
        message.info(t('form.noChanges'));
        navigate(recordPath(resource, record.id));
        return;
      }
      await update.mutateAsync({ patch, version: record.version });
      message.success(t('common.saved'));
      navigate(recordPath(resource, record.id));
    } catch (error) {
      errors.fail(error, config.uniqueField);
    }
  };

  return (
    <EditorForm<Values>
      form={form}
      name={entity}
      initialValues={initial}
      onFinish={save}
      onCancel={() => navigate(record ? recordPath(resource, record.id) : recordPath(resource))}
      saving={create.isPending || update.isPending}
      errors={errors}
      onReload={record ? onReload : undefined}
      reloading={reloading}
    >
      <DuplicateWarning form={form} recordId={record?.id} />
      {config.renderForm(record, defs)}
    </EditorForm>
  );
}
