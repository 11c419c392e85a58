/**
 * The bar above a list's table: a search box and the select filters, each
 * clearable, and an optional note after them. Filtering itself stays with the
 * page, which knows its rows.
 */
import { Input, Select, Space } from 'antd';
import type { ReactNode } from 'react';

export interface Filter {
  /** The select's accessible name (按状态筛选). */
  label: string;
  /** Shown while nothing is chosen (全部状态). */
  placeholder: string;
  width: number;
  options: { value: string; label: ReactNode }[];
  value: string | undefined;
  onChange(value: string | undefined): void;
}

export function SearchFilters({
  search,
  filters,
  children,
}: {
  search: { label: string; placeholder: string; width?: number; onChange(term: string): void };
  filters: Filter[];
  children?: ReactNode;
}) {
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={search.placeholder}
        aria-label={search.label}
        onChange={(event) => search.onChange(event.target.value)}
        style={{ width: search.width ?? 240 }}
      />
      {filters.map((filter) => (
        <Select
          key={filter.label}
          allowClear
          placeholder={filter.placeholder}
          aria-label={filter.label}
          style={{ width: filter.width }}
          options={filter.options}
          value={filter.value}
          onChange={filter.onChange}
        />
      ))}
      {children}
    </Space>
  );
}

/** A list table's paging: 20 rows a page, the count in the given unit (共 12 项). */
export const tablePages = (unit: string) => ({
  pageSize: 20,
  hideOnSinglePage: true,
  showTotal: (total: number) => `共 ${total} ${unit}`,
});
