/** 辖区设置: the jurisdiction's settings by section, who may change what, and every past version. */
import { Alert, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { settingsApi } from './api';
import { HistoryTable } from './HistoryTable';
import { SettingsForm } from './SettingsForm';

function permissionText(actions: { edit: boolean; editSecurity: boolean }): string {
  if (actions.edit && actions.editSecurity) return '您可以修改全部设置。';
  if (actions.edit) return '您可以修改业务设置；安全策略由安全管理员修改（三员分立）。';
  if (actions.editSecurity) return '您只能修改安全策略；其他设置由系统管理员修改（三员分立）。';
  return '您可以查看设置和修改记录，但无权修改。';
}

export default function SettingsPage() {
  usePageTitle('辖区设置');
  const settings = useLoader(() => settingsApi.view(), []);
  const history = useLoader(() => settingsApi.history(), []);
  const [note, setNote] = useState('');
  const view = settings.data;

  if (!view) {
    if (settings.error) {
      return (
        <Alert type="error" showIcon title="无法载入辖区设置" description={errorMessage(settings.error)} />
      );
    }
    return <PageLoading />;
  }

  const reloadAll = async () => {
    await Promise.all([settings.reload(), history.reload()]);
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          辖区设置
          <Typography.Text
            type="secondary"
            style={{ fontSize: 14, fontWeight: 'normal', marginInlineStart: 12 }}
          >
            当前第 {view.version} 版{view.version === 0 ? '（默认设置）' : ''}
          </Typography.Text>
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          期限、金额和安全策略等由本辖区确定的数值。修改保存为新版本，此前的版本和修改人均留有记录。
          {permissionText(view.actions)}
        </Typography.Paragraph>
      </Card>
      <SettingsForm
        key={view.version}
        view={view}
        note={note}
        onSaved={async () => {
          setNote('');
          await reloadAll();
        }}
        onConflict={async (typed) => {
          setNote(typed);
          await reloadAll();
        }}
      />
      <Card title="修改记录">
        {history.error ? (
          <Alert type="error" showIcon title={`无法载入修改记录：${errorMessage(history.error)}`} />
        ) : (
          <HistoryTable items={history.data?.items ?? []} labels={view.labels} loading={history.loading} />
        )}
      </Card>
    </Space>
  );
}
