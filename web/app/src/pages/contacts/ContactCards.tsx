import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { contactsApi } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { MASK } from '../../components/format';
import { RecordCards, type RecordCardsProps } from '../records/RecordCards';
import { SummaryLine } from '../records/SummaryLine';
import { LifecycleTag } from './lifecycle';

/** The contact list on a phone: one card per contact instead of a wide table. */
export function ContactCards(props: RecordCardsProps<Contact>) {
  return (
    <RecordCards<Contact>
      {...props}
      kind={contactsApi}
      badge={(c) => c.lifecycleStage && <LifecycleTag stage={c.lifecycleStage} />}
      body={(c) => (
        <>
          <SummaryLine parts={[c.title, c.companyName]} ellipsis />
          {c.email && (
            <Typography.Text ellipsis>
              <MailOutlined /> {c.email}
            </Typography.Text>
          )}
          {c.phone && (
            <Typography.Text>
              <PhoneOutlined /> {c.phone === MASK ? MASK : <a href={`tel:${c.phone}`}>{c.phone}</a>}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
