import { Card, Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CustomFieldEntity } from '../../api/types';
import { PageHeader } from '../../components/PageHeader';
import { BuiltInSensitivityPanel } from './BuiltInSensitivityPanel';
import { CustomFieldTable } from './CustomFieldTable';

const ENTITIES: CustomFieldEntity[] = ['contact', 'company'];

/** /app/settings/custom-fields (administrators): the extra fields of contacts and companies. */
export function CustomFieldsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const entity = ENTITIES.find((e) => e === params.get('entity')) ?? 'contact';

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('customFields.title')}
        subTitle={<Typography.Text type="secondary">{t('customFields.intro')}</Typography.Text>}
      />
      <Card size="small">
        <Tabs
          activeKey={entity}
          onChange={(key) => setParams({ entity: key }, { replace: true })}
          items={ENTITIES.map((e) => ({
            key: e,
            label: <span data-testid={`tab-${e}`}>{t(`customFields.entities.${e}`)}</span>,
            children: (
              <Flex vertical gap={24}>
                <CustomFieldTable entity={e} />
                <BuiltInSensitivityPanel entity={e} />
              </Flex>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}
