/**
 * Moving between areas of the app from inside a page: a person's page starts a handover, an accepted
 * import opens the new person. AppLayout provides it; pages call `useNavigation()`.
 */
import { createContext, useContext } from 'react';

export type NavigationTarget =
  | { area: 'persons'; personId: string }
  | { area: 'persons'; newPerson: true }
  | { area: 'users' }
  | { area: 'handovers'; view: 'list'; tab?: 'outgoing' | 'incoming' }
  | { area: 'handovers'; view: 'start'; personId: string; caseCode: string; personName: string }
  | { area: 'handovers'; view: 'handover'; handoverId: string }
  | { area: 'partners' }
  | { area: 'directory' };

export interface Navigation {
  go: (target: NavigationTarget) => void;
}

export const NavigationContext = createContext<Navigation>({ go: () => undefined });

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
