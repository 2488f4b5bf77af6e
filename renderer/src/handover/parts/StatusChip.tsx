import '../handover.css';

/** A status in words on a coloured chip (never colour alone); `status` picks the colour. */
export function StatusChip({ status, children, testId }: { status: string; children: React.ReactNode; testId?: string }) {
  return (
    <span className={`status-chip status-chip-${status}`} data-status={status} data-testid={testId}>
      {children}
    </span>
  );
}
