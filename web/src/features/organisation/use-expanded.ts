/**
 * Tree tables open fully and stay open as rows are added: the table is told
 * which rows are collapsed by the user, and every other parent row is expanded.
 */
import { useState } from 'react';

export function useExpandedRows(items: { id: string; parentId: string | null }[]) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const parents = new Set(items.map((item) => item.parentId).filter((id): id is string => id !== null));
  return {
    expandedRowKeys: [...parents].filter((id) => !collapsed.has(id)),
    onExpand: (expanded: boolean, row: { id: string }) =>
      setCollapsed((current) => {
        const next = new Set(current);
        if (expanded) next.delete(row.id);
        else next.add(row.id);
        return next;
      }),
  };
}
