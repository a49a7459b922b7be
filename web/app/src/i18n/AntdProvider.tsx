import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeLanguage } from '../../../shared/language';

const theme = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
};

/** Ant Design's own texts (pickers, pagination, Empty, Popconfirm) switch with the UI language. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = normalizeLanguage(i18n.resolvedLanguage ?? i18n.language) === 'zh-CN' ? zhCN : enUS;
  return (
    <ConfigProvider locale={locale} theme={theme}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}
