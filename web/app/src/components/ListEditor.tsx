import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';

interface Props<Row> {
  /** The list's form name (`hours`). */
  name: string;
  /** Test id of each row, and of the add button (`add-<rowTestId>`). */
  rowTestId: string;
  addLabel: string;
  removeLabel: string;
  newRow: () => Row;
  /** The row's own form items, named under `field.name`. */
  children: (field: FormListFieldData) => ReactNode;
}

/** A form list of small rows (opening hours, holidays): each row with a remove button, and an add button below. */
export function ListEditor<Row>({ name, rowTestId, addLabel, removeLabel, newRow, children }: Props<Row>) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="baseline" wrap data-testid={rowTestId}>
              {children(field)}
              <Button
                type="text"
                icon={<MinusCircleOutlined />}
                aria-label={removeLabel}
                onClick={() => remove(field.name)}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} data-testid={`add-${rowTestId}`} onClick={() => add(newRow())}>
            {addLabel}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
