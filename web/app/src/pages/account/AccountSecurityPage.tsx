import { CheckCircleFilled, SafetyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, QRCode, Space, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { type TotpSetup, useBeginTotp, useMfaStatus, useVerifyTotp } from '../../api/account';
import { ApiError } from '../../api/api-error';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TimeStamp } from '../../components/TimeStamp';
import { useIsPhone } from '../../layout/useIsPhone';

/**
 * /app/account/security: the signed-in user's authenticator app (TOTP). Admins and sysadmins
 * without one are kept here (RequireAuth) until they set it up; anyone else may set one up.
 */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  const { mfaEnrolmentRequired, refreshSession, signIn } = useAuth();
  const navigate = useNavigate();
  const status = useMfaStatus();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [finished, setFinished] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const begin = useBeginTotp();
  const { message } = App.useApp();

  // Verified: a new token without the enrolment mark, then on to the console.
  const onVerified = async () => {
    setSetup(null);
    setFinished(true);
    if (!mfaEnrolmentRequired) return;
    setRefreshing(true);
    // In AWS the refresh token gets a token without the mark; else a sign-in round trip (the
    // provider's session is still there, so no password is asked).
    if (await refreshSession()) navigate('/');
    else await signIn('/');
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <PageHeader
        title={t('account.security.title')}
        subTitle={<Typography.Text type="secondary">{t('account.security.intro')}</Typography.Text>}
      />
      {mfaEnrolmentRequired && !finished && (
        <Alert type="warning" showIcon message={t('account.security.enrolFirst')} data-testid="mfa-enrol-first" />
      )}
      <Card
        size="small"
        title={
          <Space>
            <SafetyOutlined />
            {t('account.security.mfaTitle')}
          </Space>
        }
        data-testid="mfa-card"
      >
        <QueryState query={status} rows={2}>
          {(data) => (
            <Flex vertical gap={12}>
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {t('account.security.mfaHelp')}
              </Typography.Paragraph>
              {data.required && <Typography.Text strong>{t('account.security.requiredNotice')}</Typography.Text>}
              <Flex align="center" gap={8} wrap data-testid="mfa-status">
                {data.enrolled ? (
                  <Tag color="success" icon={<CheckCircleFilled />}>
                    {t('account.security.enrolled')}
                  </Tag>
                ) : (
                  <Tag color={data.required ? 'error' : 'default'}>{t('account.security.notEnrolled')}</Tag>
                )}
                {data.enrolledAt && (
                  <Typography.Text type="secondary">
                    <TimeStamp value={data.enrolledAt} />
                  </Typography.Text>
                )}
              </Flex>
              {finished && (
                <Alert
                  type="success"
                  showIcon
                  message={t('account.security.done')}
                  description={refreshing ? t('account.security.refreshing') : undefined}
                  data-testid="mfa-done"
                  action={
                    !refreshing && (
                      <Button size="small" type="primary" onClick={() => navigate('/')} data-testid="mfa-continue">
                        {t('account.security.continue')}
                      </Button>
                    )
                  }
                />
              )}
              {setup ? (
                <Enrolment setup={setup} onCancel={() => setSetup(null)} onVerified={onVerified} />
              ) : (
                <div>
                  <Button
                    type={data.enrolled ? 'default' : 'primary'}
                    loading={begin.isPending}
                    data-testid="mfa-start"
                    onClick={() =>
                      begin.mutate(undefined, {
                        onSuccess: (out) => {
                          setFinished(false);
                          setSetup(out);
                        },
                        onError: (error) => message.error(errorMessage(error, t)),
                      })
                    }
                  >
                    {data.enrolled ? t('account.security.replace') : t('account.security.start')}
                  </Button>
                </div>
              )}
            </Flex>
          )}
        </QueryState>
      </Card>
    </Flex>
  );
}

function Enrolment({
  setup,
  onCancel,
  onVerified,
}: {
  setup: TotpSetup;
  onCancel: () => void;
  onVerified: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const verify = useVerifyTotp();
  const [code, setCode] = useState('');
  const [wrong, setWrong] = useState(false);
  // The secret in groups of four, easier to type into an app.
  const grouped = setup.secret.replace(/(.{4})/g, '$1 ').trim();

  const submit = () =>
    verify.mutate(code, {
      onSuccess: () => void onVerified(),
      onError: (error) => {
        setWrong(error instanceof ApiError && error.status === 400);
        setCode('');
      },
    });

  return (
    <Steps
      direction="vertical"
      size="small"
      current={code.length === 6 ? 1 : 0}
      data-testid="mfa-enrolment"
      items={[
        {
          title: t('account.security.step1'),
          description: (
            <Flex vertical gap={8} style={{ paddingBlock: 8 }}>
              <QRCode value={setup.otpauthUri} size={phone ? 168 : 192} bordered data-testid="mfa-qr" />
              <Typography.Text type="secondary">{t('account.security.manual')}</Typography.Text>
              <Typography.Text
                code
                copyable={{ text: setup.secret, tooltips: false }}
                style={{ fontSize: 15, wordBreak: 'break-all' }}
                data-testid="mfa-secret"
                data-secret={setup.secret}
              >
                {grouped}
              </Typography.Text>
              {phone && <Typography.Link href={setup.otpauthUri}>{t('account.security.openInApp')}</Typography.Link>}
            </Flex>
          ),
        },
        {
          title: t('account.security.step2'),
          description: (
            <Flex vertical gap={8} style={{ paddingBlock: 8 }}>
              <Input.OTP
                length={6}
                value={code}
                onChange={(value) => {
                  setWrong(false);
                  setCode(value);
                }}
                status={wrong ? 'error' : undefined}
                inputMode="numeric"
                data-testid="mfa-code"
              />
              {wrong && (
                <Typography.Text type="danger" data-testid="mfa-code-error">
                  {t('account.security.codeInvalid')}
                </Typography.Text>
              )}
              {verify.isError && !wrong && (
                <Typography.Text type="danger">{errorMessage(verify.error, t)}</Typography.Text>
              )}
              <Space wrap>
                <Button
                  type="primary"
                  disabled={!/^\d{6}$/.test(code)}
                  loading={verify.isPending}
                  onClick={submit}
                  data-testid="mfa-verify"
                >
                  {t('account.security.verify')}
                </Button>
                <Button onClick={onCancel}>{t('account.security.cancel')}</Button>
              </Space>
            </Flex>
          ),
        },
      ]}
    />
  );
}
