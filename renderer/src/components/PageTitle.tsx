import { useEffect, useRef } from 'react';
import { Title } from '@mantine/core';

/**
 * The page's h1. It takes focus when the page opens, so a screen reader announces the new
 * page and keyboard navigation continues from the top of it.
 */
export function PageTitle({ children, focusOnMount = true }: { children: React.ReactNode; focusOnMount?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, [focusOnMount]);
  return (
    <Title order={1} ref={ref} tabIndex={-1} size="h2" style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
