import { Spin } from 'antd';

/** Shown while a page's code or data loads. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }} aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
