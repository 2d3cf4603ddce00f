import { Spin } from 'antd';

/** While the console does not yet know who is signed in: nothing to show but that it is working. */
export function FullPageSpinner({ label }: { label: string }) {
  return (
    <div className="full-page-spinner" role="status" aria-live="polite">
      <Spin size="large" />
      <span className="visually-hidden">{label}</span>
    </div>
  );
}
