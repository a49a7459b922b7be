import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { PageSkeleton } from '../components/PageSkeleton';
import { AntdProvider } from '../i18n/AntdProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { Brand } from './Brand';
import { NavMenu } from './NavMenu';
import { NotificationBell } from './NotificationBell';
import { SignOutButton } from './SignOutButton';
import { UserBadge } from './UserBadge';
import { useIsPhone } from './useIsPhone';
import './layout.css';

/** The signed-in console, with Ant Design's provider (theme, locale) around it. */
export function AppLayout() {
  return (
    <AntdProvider>
      <Shell />
    </AntdProvider>
  );
}

/** Side menu on wide screens; on a phone, a header with a menu button opening a drawer. */
function Shell() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout className="app-layout">
      {!phone && (
        <Layout.Sider
          theme="light"
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={220}
          className="app-sider"
        >
          <div className="sider-brand">
            <Brand compact={collapsed} />
          </div>
          <NavMenu mode="inline" />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header">
          {phone ? (
            <Flex align="center" gap={8}>
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t('nav.menu')}
                data-testid="nav-menu-button"
                onClick={() => setDrawerOpen(true)}
              />
              <Brand />
            </Flex>
          ) : (
            <span />
          )}
          <Flex align="center" gap={phone ? 8 : 16} className="app-header-actions">
            <NotificationBell />
            {!phone && <UserBadge />}
            <LanguageSwitch />
            <SignOutButton iconOnly={phone} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {phone && (
        <Drawer
          placement="left"
          size={280}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          title={<UserBadge vertical />}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          <NavMenu mode="vertical" onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      )}
    </Layout>
  );
}
