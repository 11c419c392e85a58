/** Error screens inside the console: no permission, not found. Loaded lazily (Result is large). */
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';

function BackHome() {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      返回工作台
    </Button>
  );
}

export default function StatusPage({ status }: { status: '403' | '404' }) {
  return status === '403' ? <Forbidden /> : <NotFound />;
}

function Forbidden() {
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的角色无权查看此页面。如需开通，请联系本机关的系统管理员。"
      extra={<BackHome />}
    />
  );
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的地址不存在，可能已被移动或输入有误。"
      extra={<BackHome />}
    />
  );
}
