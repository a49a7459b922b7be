import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Select,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, formatMoney, minorDigits, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import { type Product, useDeleteProduct, useProducts, useSaveProduct } from '../../api/quotes';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useSaveErrors } from '../../components/useSaveErrors';
import { useIsPhone } from '../../layout/useIsPhone';

const rowProps = (p: Product) => ({ 'data-testid': 'product-row', 'data-sku': p.sku }) as HTMLAttributes<HTMLElement>;

/** /app/settings/products (products:manage): the price list, with a name search. */
export function ProductsPage() {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const [q, setQ] = useState('');
  const query = useDebouncedValue(q.trim(), 250);
  const products = useProducts('all', query);
  const [editing, setEditing] = useState<Product | 'new' | null>(null);

  const price = (p: Product) => formatMoney(p.unitPrice, p.currency, i18n.language);
  const name = (p: Product) => (
    <Flex vertical>
      <Typography.Text strong>{p.name}</Typography.Text>
      {p.nameZh && <Typography.Text type="secondary">{p.nameZh}</Typography.Text>}
    </Flex>
  );
  const status = (p: Product) =>
    p.active ? <Tag color="green">{t('quotes.products.active')}</Tag> : <Tag>{t('quotes.products.inactive')}</Tag>;
  const actions = (p: Product) => (
    <Flex gap={8} wrap>
      <Button size="small" icon={<EditOutlined />} data-testid="edit-product" onClick={() => setEditing(p)}>
        {t('common.edit')}
      </Button>
      <DeleteProductButton product={p} />
    </Flex>
  );

  let body: React.ReactNode;
  if (!products.isSuccess || !products.data.length)
    body = <QueryState query={products} rows={5} isEmpty={(data) => !data.length} empty={t('quotes.products.empty')} />;
  else if (phone)
    body = (
      <List<Product>
        dataSource={products.data}
        rowKey="id"
        renderItem={(p) => (
          <List.Item {...rowProps(p)}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8}>
                {name(p)}
                <Typography.Text strong>{price(p)}</Typography.Text>
              </Flex>
              <Flex gap={8} wrap align="center">
                <Typography.Text code>{p.sku}</Typography.Text>
                <Typography.Text type="secondary">{p.taxRate / 100}%</Typography.Text>
                {status(p)}
              </Flex>
              {actions(p)}
            </Flex>
          </List.Item>
        )}
      />
    );
  else {
    const columns: TableColumnsType<Product> = [
      { title: t('quotes.products.name'), key: 'name', render: (_, p) => name(p) },
      {
        title: t('quotes.products.sku'),
        key: 'sku',
        render: (_, p) => <Typography.Text code>{p.sku}</Typography.Text>,
      },
      { title: t('quotes.products.unitPrice'), key: 'price', align: 'right', render: (_, p) => price(p) },
      { title: t('quotes.products.taxRate'), key: 'tax', align: 'right', render: (_, p) => `${p.taxRate / 100}%` },
      { title: '', key: 'active', render: (_, p) => status(p) },
      { title: t('common.actions'), key: 'actions', render: (_, p) => actions(p) },
    ];
    body = (
      <Table<Product>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={products.data}
        pagination={false}
        onRow={rowProps}
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('quotes.products.title')}
        subTitle={<Typography.Text type="secondary">{t('quotes.products.intro')}</Typography.Text>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-product" onClick={() => setEditing('new')}>
            {t('quotes.products.new')}
          </Button>
        }
      />
      <Card size="small">
        <Flex vertical gap={12}>
          <Input.Search
            allowClear
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('quotes.products.search')}
            style={{ maxWidth: 320 }}
            data-testid="product-search"
          />
          {body}
        </Flex>
      </Card>
      {editing && <ProductModal product={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function DeleteProductButton({ product }: { product: Product }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteProduct();
  return (
    <Popconfirm
      title={t('quotes.products.deleteConfirm')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        remove.mutateAsync(product).then(
          () => message.success(t('quotes.products.deleted')),
          (error) => message.error(errorMessage(error, t)),
        )
      }
    >
      <Button size="small" danger icon={<DeleteOutlined />} data-testid="delete-product" loading={remove.isPending}>
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

interface FormValues {
  name: string;
  nameZh?: string;
  sku: string;
  description?: string;
  price: number;
  currency: string;
  taxPercent: number;
  active: boolean;
}

function ProductModal({ product, onClose }: { product?: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveProduct();
  // The API takes minor units and basis points under its own names; the form shows them typed.
  const errors = useSaveErrors(form, { unitPrice: 'price', taxRate: 'taxPercent' });
  const currency = Form.useWatch('currency', form) ?? product?.currency ?? 'CNY';
  const initial: Partial<FormValues> = product
    ? {
        name: product.name,
        nameZh: product.nameZh,
        sku: product.sku,
        description: product.description,
        price: toMajor(product.unitPrice, product.currency),
        currency: product.currency,
        taxPercent: product.taxRate / 100,
        active: product.active,
      }
    : { currency: 'CNY', taxPercent: 13, active: true };

  const submit = async (v: FormValues) => {
    const body = {
      name: v.name,
      ...(v.nameZh ? { nameZh: v.nameZh } : product?.nameZh ? { nameZh: null } : {}),
      sku: v.sku,
      ...(v.description ? { description: v.description } : product?.description ? { description: null } : {}),
      unitPrice: toMinor(v.price, v.currency),
      currency: v.currency,
      taxRate: Math.round(v.taxPercent * 100),
      active: v.active,
    };
    errors.reset();
    try {
      await save.mutateAsync({ product, body: body as never });
      message.success(t('quotes.products.saved'));
      onClose();
    } catch (error) {
      errors.fail(error, 'sku');
    }
  };

  return (
    <Modal
      open
      title={product ? t('quotes.products.edit') : t('quotes.products.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'save-product' } as never}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form<FormValues> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="name" label={t('quotes.products.name')} rules={[{ required: true, max: 120 }]}>
          <Input data-testid="product-name" />
        </Form.Item>
        <Form.Item name="nameZh" label={t('quotes.products.nameZh')} rules={[{ max: 120 }]}>
          <Input data-testid="product-name-zh" />
        </Form.Item>
        <Form.Item
          name="sku"
          label={t('quotes.products.sku')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/ }]}
        >
          <Input data-testid="product-sku" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="currency" label={t('quotes.products.currency')} rules={[{ required: true }]}>
            <Select style={{ width: 110 }} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
          <Form.Item name="price" label={t('quotes.products.unitPrice')} rules={[{ required: true }]}>
            <InputNumber min={0} precision={minorDigits(currency)} style={{ width: 160 }} data-testid="product-price" />
          </Form.Item>
          <Form.Item name="taxPercent" label={t('quotes.products.taxRate')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={2} style={{ width: 110 }} data-testid="product-tax" />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('quotes.products.description')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="active" label={t('quotes.products.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
