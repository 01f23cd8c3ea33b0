import type { AstroIntegration } from 'astro';

/**
 * Builds that run from any folder. Astro runs the prerendering code from the output
 * folder, and with security.csp on that code imports packages (@oslojs/encoding, zod…)
 * Node can only find next to a node_modules — not in /tmp, where tests and the benchmark
 * build. Bundling them into the build makes the output self-contained. Build only: the
 * dev server loads packages as they are (bundling CommonJS ones there fails).
 */
export function portableBuild(): AstroIntegration {
  return {
    name: 'backend-atlas:portable-build',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command === 'build') updateConfig({ vite: { environments: { prerender: { resolve: { noExternal: true } } } } });
      },
    },
  };
}
