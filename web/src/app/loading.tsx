import { Alert, Spin } from 'antd';
import { errorMessage } from './api';

/**
 * Shown while a page's code or data loads; given the load's error instead,
 * says what could not be loaded (无法载入…) and why.
 */
export function PageLoading({ error, what }: { error?: unknown; what?: string }) {
  if (error)
    return <Alert type="error" showIcon title={`无法载入${what ?? ''}`} description={errorMessage(error)} />;
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }} aria-busy="true">
      <Spin size="large" />
    </div>
  );
}
