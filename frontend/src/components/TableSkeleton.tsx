import { Skeleton } from 'antd';

/** Placeholder rows while the first page loads, shaped like the table so nothing jumps when it arrives. */
export function TableSkeleton({ rows = 6, label }: { rows?: number; label: string }) {
  return (
    <div className="table-skeleton" role="status" aria-live="polite" aria-label={label}>
      <Skeleton.Input active block className="table-skeleton__header" />
      {Array.from({ length: rows }, (_, index) => (
        <Skeleton
          key={index}
          active
          title={false}
          paragraph={{ rows: 1, width: '100%' }}
          className="table-skeleton__row"
        />
      ))}
    </div>
  );
}
