import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Pipeline, useCreatePipeline, usePipelines, useUpdatePipeline } from '../../api/deals';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

type Values = Pick<Pipeline, 'name' | 'stages' | 'lostReasons'>;

const NEW_PIPELINE: Values = {
  name: '',
  stages: [
    { id: 'new', label: { en: 'New', zh: '新建' }, probability: 20, kind: 'open' },
    { id: 'won', label: { en: 'Won', zh: '成交' }, probability: 100, kind: 'won' },
    { id: 'lost', label: { en: 'Lost', zh: '输单' }, probability: 0, kind: 'lost' },
  ],
  lostReasons: [{ id: 'other', label: { en: 'Other', zh: '其他' } }],
};

/** Pipelines (admin): stage order, probabilities, labels in both languages, lost reasons. */
export function PipelinesPage() {
  const { t } = useTranslation();
  const pipelines = usePipelines();
  const [adding, setAdding] = useState(false);
  if (!pipelines.isSuccess) return <QueryState query={pipelines} />;
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('deals.pipelines.title')}
        extra={
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} disabled={adding}>
            {t('deals.pipelines.new')}
          </Button>
        }
      />
      {adding && <PipelineEditor onDone={() => setAdding(false)} />}
      {pipelines.data.map((p) => (
        <PipelineEditor key={`${p.id}-${p.version}`} pipeline={p} />
      ))}
    </Flex>
  );
}

function PipelineEditor({ pipeline, onDone }: { pipeline?: Pipeline; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreatePipeline();
  const update = useUpdatePipeline();
  const errors = useSaveErrors(form);
  const initial: Values = pipeline
    ? { name: pipeline.name, stages: pipeline.stages, lostReasons: pipeline.lostReasons }
    : NEW_PIPELINE;

  const onFinish = async (values: Values) => {
    errors.reset();
    try {
      if (pipeline) await update.mutateAsync({ pipeline, patch: values });
      else await create.mutateAsync(values);
    } catch (error) {
      errors.fail(error);
      return;
    }
    message.success(t('deals.pipelines.saved'));
    onDone?.();
  };

  return (
    <Card
      data-testid={`pipeline-${pipeline?.id ?? 'new'}`}
      title={
        <Flex gap={8} align="center">
          {pipeline?.name ?? t('deals.pipelines.new')}
          {pipeline?.isDefault && <Tag>{t('deals.pipelines.default')}</Tag>}
        </Flex>
      }
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={onFinish}>
        <Form.Item name="name" label={t('deals.pipelines.name')} rules={[{ required: true, max: 80 }]}>
          <Input style={{ maxWidth: 320 }} />
        </Form.Item>
        <Typography.Title level={5}>{t('deals.pipelines.stages')}</Typography.Title>
        <Form.List name="stages">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={4}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={6} wrap align="flex-start">
                  <Form.Item
                    name={[field.name, 'id']}
                    rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/ }]}
                  >
                    <Input placeholder={t('deals.pipelines.stageId')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label', 'en']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('deals.pipelines.labelEn')} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label', 'zh']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('deals.pipelines.labelZh')} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'probability']} rules={[{ required: true }]}>
                    <InputNumber min={0} max={100} precision={0} addonAfter="%" style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 100 }}
                      options={(['open', 'won', 'lost'] as const).map((k) => ({
                        value: k,
                        label: t(`deals.pipelines.kinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Button
                    icon={<ArrowUpOutlined />}
                    aria-label={t('deals.pipelines.up')}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  />
                  <Button
                    icon={<ArrowDownOutlined />}
                    aria-label={t('deals.pipelines.down')}
                    disabled={i === fields.length - 1}
                    onClick={() => move(i, i + 1)}
                  />
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('deals.pipelines.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ id: '', label: { en: '', zh: '' }, probability: 50, kind: 'open' }, fields.length - 2)
                }
                style={{ maxWidth: 240 }}
              >
                {t('deals.pipelines.addStage')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('deals.pipelines.lostReasons')}
        </Typography.Title>
        <Form.List name="lostReasons">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Flex key={field.key} gap={6} wrap>
                  <Form.Item
                    name={[field.name, 'id']}
                    rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,39}$/ }]}
                  >
                    <Input placeholder={t('deals.pipelines.stageId')} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label', 'en']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('deals.pipelines.labelEn')} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label', 'zh']} rules={[{ required: true, max: 60 }]}>
                    <Input placeholder={t('deals.pipelines.labelZh')} style={{ width: 140 }} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('deals.pipelines.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ id: '', label: { en: '', zh: '' } })}
                style={{ maxWidth: 240 }}
              >
                {t('deals.pipelines.addReason')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || update.isPending}
          style={{ marginTop: 16 }}
          data-testid="pipeline-save"
        >
          {t('deals.pipelines.save')}
        </Button>
      </Form>
    </Card>
  );
}
