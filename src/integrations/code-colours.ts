import type { AstroIntegration } from 'astro';
import type { ThemeRegistrationRaw } from 'shiki';
import { codeColourClasses } from '../lib/theme/code-colour-classes.ts';

const VIRTUAL_ID = 'virtual:backend-atlas/code-colours.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/**
 * Highlighted code without inline `style` attributes (which the site's CSP blocks):
 * token colours become classes, and a stylesheet defining every class the configured
 * themes can produce is added to every page. Reads the themes from
 * `markdown.shikiConfig.themes`, so the colours have a single source.
 */
export function codeColours(): AstroIntegration {
  return {
    name: 'backend-atlas:code-colours',
    hooks: {
      'astro:config:setup': ({ config, updateConfig, injectScript }) => {
        const { themes, defaultColor } = config.markdown.shikiConfig;
        const objects = Object.entries(themes ?? {}).filter(([, theme]) => typeof theme === 'object');
        if (objects.length === 0 || objects.length !== Object.keys(themes ?? {}).length || defaultColor !== false) {
          throw new Error(
            'astro.config.mjs: markdown.shikiConfig needs `themes` given as theme objects (e.g. { light, dark } from src/lib/theme/code-themes.ts) ' +
              'and `defaultColor: false`, so code colours can be turned into classes the Content-Security-Policy allows.',
          );
        }
        const classes = codeColourClasses(Object.fromEntries(objects) as Record<string, ThemeRegistrationRaw>);
        updateConfig({
          markdown: { shikiConfig: { transformers: [classes.transformer] } },
          vite: {
            plugins: [
              {
                name: 'backend-atlas:code-colours-css',
                resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
                load: (id) => (id === RESOLVED_ID ? classes.css : undefined),
              },
            ],
          },
        });
        injectScript('page-ssr', `import ${JSON.stringify(VIRTUAL_ID)};`);
      },
    },
  };
}
