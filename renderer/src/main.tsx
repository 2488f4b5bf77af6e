import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { I18nextProvider } from 'react-i18next';
import { initI18n } from './i18n/i18n-init';
import { App } from './app/App';
import { ServerBanner } from './team/ServerBanner';

// The primary colour's 8th shade: white text on it, and it as text on white, keep a contrast of at
// least 4.5:1 (WCAG 1.4.3); the default 6th shade gives 4.3:1.
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: 8,
  defaultRadius: 'md',
});

async function start(): Promise<void> {
  const i18n = await initI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {/* Forced light scheme: nothing is kept in localStorage. */}
        <MantineProvider theme={theme} forceColorScheme="light">
          {/* Bottom left, over the lower part of the navigation (220 px wide): never over a form's
              buttons or the Lock button in the header. */}
          <Notifications position="bottom-left" containerWidth={204} />
          <ServerBanner />
          <App />
        </MantineProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
