/** The signed-in frame: a sider menu filtered by the user's actions, a header, the page. */
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useMe } from '../auth';
import { productName } from '../page-title';
import { CalendarBanner } from './CalendarBanner';
import { selectedPath, visibleNavigation } from './navigation';
import { UserBar } from './UserBar';

const { Sider, Header, Content } = Layout;

export default function AppLayout() {
  const user = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  // On a phone the menu is hidden until asked for, and the frame gives the page its width.
  const phone = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(phone);
  const items = visibleNavigation(user).map((entry) => ({
    key: entry.path,
    icon: entry.icon,
    label: entry.label,
  }));

  return (
    // The outer background matches the sider, so the column stays dark below a sticky sider.
    <Layout style={{ minHeight: '100vh', background: '#0f2a4d' }}>
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        trigger={null}
        width={208}
        collapsedWidth={phone ? 0 : 80}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <div
          style={{
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 16,
            lineHeight: '20px',
            padding: collapsed ? '22px 8px' : '22px 20px',
            textAlign: collapsed ? 'center' : 'left',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
          title={productName}
        >
          {collapsed ? '执法' : productName}
        </div>
        <nav aria-label="主菜单">
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedPath(location.pathname)]}
            items={items}
            onClick={({ key }) => {
              navigate(key);
              if (phone) setCollapsed(true);
            }}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            padding: phone ? '0 8px' : undefined,
            borderBottom: '1px solid #e5e8ee',
          }}
        >
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? '展开菜单' : '收起菜单'}
          />
          <UserBar user={user} compact={phone} />
        </Header>
        <CalendarBanner user={user} />
        <Content style={{ margin: phone ? 8 : 24 }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
    </Layout>
  );
}
