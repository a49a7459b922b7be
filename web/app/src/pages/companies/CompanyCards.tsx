import { GlobalOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { companiesApi } from '../../api/companies';
import type { Company } from '../../api/types';
import { RecordCards, type RecordCardsProps } from '../records/RecordCards';
import { SummaryLine } from '../records/SummaryLine';

/** The company list on a phone: one card per company. */
export function CompanyCards(props: RecordCardsProps<Company>) {
  return (
    <RecordCards<Company>
      {...props}
      kind={companiesApi}
      body={(c) => (
        <>
          <SummaryLine parts={[c.industry, c.size]} />
          {c.domain && (
            <Typography.Text ellipsis>
              <GlobalOutlined /> {c.domain}
            </Typography.Text>
          )}
        </>
      )}
    />
  );
}
