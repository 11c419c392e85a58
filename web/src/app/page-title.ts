import { useEffect } from 'react';

export const productName = '行政执法综合管理平台';

/** Sets the browser tab title for the current page. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - ${productName}`;
    return () => {
      document.title = productName;
    };
  }, [title]);
}
