/**
 * One certificate: its facts, the QR code an officer shows on the spot (it
 * opens the public check page), the status history, any cancellation request,
 * and the actions the viewer may take.
 */
import { Alert, Button, Descriptions, Drawer, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage } from '../../app/api';
import { PageLoading } from '../../app/loading';
import { useLoader } from '../../app/use-loader';
import type { CertificateAction } from './ActionModal';
import { type Certificate, certificatesApi, historyLabels, statusColors } from './api';

export function StatusTag({ certificate }: { certificate: Pick<Certificate, 'status' | 'statusLabel'> }) {
  return <Tag color={statusColors[certificate.status]}>{certificate.statusLabel}</Tag>;
}

export function CertificateDrawer({
  id,
  version,
  canLeave,
  onClose,
  onAction,
}: {
  id: string | null;
  /** Changes after an action, so the drawer reloads. */
  version: number;
  canLeave: boolean;
  onClose(): void;
  onAction(action: CertificateAction, certificate: Certificate): void;
}) {
  const { data, error } = useLoader(
    () => (id ? certificatesApi.get(id) : Promise.resolve(undefined)),
    [id, version],
  );
  const certificate = data && data.id === id ? data : undefined;
  let body = <PageLoading />;
  if (error) body = <Alert type="error" showIcon title={`无法载入证件：${errorMessage(error)}`} />;
  if (certificate) {
    const a = certificate.actions;
    const holderLeft = certificate.holder.leftEnforcementOn !== null;
    body = (
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          {a.annualCheck ? (
            <Button onClick={() => onAction('annualCheck', certificate)}>登记年审</Button>
          ) : null}
          {a.suspend ? <Button onClick={() => onAction('suspend', certificate)}>暂扣</Button> : null}
          {a.reinstate ? <Button onClick={() => onAction('reinstate', certificate)}>恢复使用</Button> : null}
          {a.revoke ? (
            <Button danger onClick={() => onAction('revoke', certificate)}>
              吊销或注销
            </Button>
          ) : null}
          {canLeave && !holderLeft ? (
            <Button danger onClick={() => onAction('leave', certificate)}>
              持证人调离执法岗位
            </Button>
          ) : null}
        </Space>
        <div style={{ display: 'flex', gap: 24, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Descriptions column={1} size="small" bordered style={{ flex: '1 1 320px' }}>
            <Descriptions.Item label="状态">
              <Space orientation="vertical" size={0}>
                <StatusTag certificate={certificate} />
                {certificate.stateReason ? (
                  <Typography.Text type="secondary">{certificate.stateReason}</Typography.Text>
                ) : null}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="持证人">
              {certificate.holder.name}
              {certificate.holder.position ? `（${certificate.holder.position}）` : ''}
              {holderLeft ? (
                <Tag style={{ marginLeft: 8 }}>{certificate.holder.leftEnforcementOn} 调离</Tag>
              ) : null}
            </Descriptions.Item>
            <Descriptions.Item label="执法机关">
              {certificate.agency.name}
              {certificate.holder.unit?.name ? ` ${certificate.holder.unit.name}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="执法类别">{certificate.categories.join('、')}</Descriptions.Item>
            <Descriptions.Item label="执法区域">
              {certificate.region.name}（{certificate.region.code}）
            </Descriptions.Item>
            <Descriptions.Item label="有效期">
              {certificate.validFrom} 至 {certificate.validTo}
            </Descriptions.Item>
            <Descriptions.Item label="年审截止日">{certificate.annualCheckDue}</Descriptions.Item>
            <Descriptions.Item label="发证机关">{certificate.issuingAuthority}</Descriptions.Item>
          </Descriptions>
          <figure style={{ margin: 0, textAlign: 'center', width: 200 }}>
            <img
              src={certificate.verification.qrCode}
              alt={`证件 ${certificate.number} 的核验二维码`}
              width={200}
              height={200}
              data-testid="certificate-qr"
            />
            <figcaption>
              <Typography.Text type="secondary">扫码核验证件状态</Typography.Text>
              <br />
              <Typography.Link href={certificate.verification.url} target="_blank" copyable>
                {certificate.verification.url}
              </Typography.Link>
            </figcaption>
          </figure>
        </div>
        {certificate.cancellation ? (
          <Alert
            type={certificate.cancellation.completedAt ? 'success' : 'info'}
            showIcon
            title={
              certificate.cancellation.completedAt
                ? `注销申请已由${certificate.cancellation.addressedTo ?? '司法行政部门'}办结`
                : `注销申请已报${certificate.cancellation.addressedTo ?? '司法行政部门'}，待办结`
            }
            description={`${certificate.cancellation.requestedOn}：${certificate.cancellation.reason}`}
          />
        ) : null}
        <div>
          <Typography.Title level={5}>状态记录</Typography.Title>
          <Timeline
            items={certificate.history.map((event) => ({
              key: event.id,
              content: (
                <>
                  <Typography.Text strong>{historyLabels[event.kind] ?? event.kind}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {event.occurredOn} · {event.actor ?? '系统'} 于{' '}
                    {dayjs(event.recordedAt).format('YYYY-MM-DD HH:mm')} 登记
                  </Typography.Text>
                  {event.reason ? <div>{event.reason}</div> : null}
                </>
              ),
            }))}
          />
        </div>
      </Space>
    );
  }
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      title={certificate ? `行政执法证件 ${certificate.number}` : '行政执法证件'}
      destroyOnHidden
    >
      {body}
    </Drawer>
  );
}
