import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { contactsApi } from '../../api/contacts';
import { useStaffNames } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { LoadMore } from '../../components/LoadMore';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { ContactCards } from '../contacts/ContactCards';
import { contactColumns } from '../contacts/contact-columns';
import { RecordTable } from '../records/RecordTable';

/** The people at a company: GET /api/contacts?companyId=…. */
export function CompanyContacts({ companyId }: { companyId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = useIsPhone();
  const staffNames = useStaffNames();
  const list = contactsApi.useList({ companyId, sort: 'name' });
  const addContact = () => navigate(`/contacts/new?companyId=${encodeURIComponent(companyId)}`);
  const openTag = (tag: string) => navigate(`/contacts?tag=${encodeURIComponent(tag)}`);

  if (!list.isSuccess) return <QueryState query={list} rows={4} />;
  const contacts = list.data.pages.flatMap((page) => page.items);

  const addButton = can('contacts:write') && (
    <Button icon={<PlusOutlined />} data-testid="add-contact" onClick={addContact}>
      {t('companies.addContact')}
    </Button>
  );
  if (!contacts.length) {
    return (
      <Empty description={t('companies.noContacts')} data-testid="empty-state">
        {addButton}
      </Empty>
    );
  }
  return (
    <Flex vertical gap={12}>
      {addButton && <Flex justify="flex-end">{addButton}</Flex>}
      {phone ? (
        <ContactCards records={contacts} staffNames={staffNames} onTag={openTag} trash={false} canRestore={false} />
      ) : (
        <RecordTable
          kind={contactsApi}
          records={contacts}
          columns={contactColumns({
            t,
            visible: ['email', 'phone', 'title', 'lifecycleStage', 'owner'],
            staffNames,
            onTag: openTag,
            trash: false,
            canRestore: false,
          })}
        />
      )}
      <LoadMore
        shown={contacts.length}
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => list.fetchNextPage()}
      />
    </Flex>
  );
}
