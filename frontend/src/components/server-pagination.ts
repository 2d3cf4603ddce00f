import type { TablePaginationConfig } from 'antd';

interface Options {
  page: number;
  size: number;
  /** Unknown while the first page loads. */
  total: number | undefined;
  sizes: readonly number[];
  totalText: (total: number) => string;
}

/** A table's pager over pages the server cuts: where we are, how many in all, and the page sizes. */
export function serverPagination({ page, size, total, sizes, totalText }: Options): TablePaginationConfig {
  return {
    current: page,
    pageSize: size,
    total: total ?? 0,
    pageSizeOptions: sizes.map(String),
    showSizeChanger: true,
    showTotal: totalText,
  };
}
