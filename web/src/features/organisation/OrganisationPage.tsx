/**
 * 执法主体与机构: the agencies the user may see (own; for the system administrator
 * also those below; for supervisors the supervised ones) and the units of the
 * selected agency. The system administrator edits both.
 */
import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { may, useMe } from '../../app/auth';
import { PageLoading } from '../../app/loading';
import { usePageTitle } from '../../app/page-title';
import { useLoader } from '../../app/use-loader';
import { useModal } from '../../app/use-modal';
import { AgencyModal, type AgencyTarget } from './AgencyModal';
import { AgencyTable } from './AgencyTable';
import { organisationApi } from './api';
import { UnitsCard } from './UnitsCard';

export default function OrganisationPage() {
  usePageTitle('执法主体与机构');
  const me = useMe();
  const { data, error, loading, reload } = useLoader(() => organisationApi.agencies(), []);
  const [selectedId, setSelectedId] = useState<string>(me.agency.id);
  const modal = useModal<AgencyTarget>();

  if (!data) return <PageLoading error={error} what="执法主体" />;

  const agencies = data.items;
  const selected = agencies.find((a) => a.id === selectedId) ?? agencies[0];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <ApartmentOutlined />
            执法主体
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          列出您有权查看的执法主体及其上下级关系。点击一行查看该执法主体的承办机构。
          {may(me, 'agency.manage') ? '统一社会信用代码保存时按 GB 32100 校验。' : null}
        </Typography.Paragraph>
        <AgencyTable
          agencies={agencies}
          selectedId={selected?.id}
          ownAgencyId={me.agency.id}
          loading={loading}
          onSelect={(agency) => setSelectedId(agency.id)}
          onEdit={(agency) => modal.open({ mode: 'edit', agency })}
          onAddChild={(parent) => modal.open({ mode: 'create', parent })}
        />
      </Card>
      {selected ? <UnitsCard agency={selected} canManage={may(me, 'unit.manage')} /> : null}
      {may(me, 'agency.manage') ? (
        <AgencyModal
          key={modal.key}
          target={modal.target}
          onClose={() => modal.close()}
          onSaved={async (saved) => {
            await reload();
            setSelectedId(saved.id);
          }}
        />
      ) : null}
    </Space>
  );
}
