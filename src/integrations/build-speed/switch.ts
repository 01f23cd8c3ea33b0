/**
 * The build-speed switch (src/integrations/build-speed/index.ts lists what it turns off): on
 * unless the environment says `ATLAS_BUILD_SPEED=off`, which builds with stock Astro behaviour.
 */
export function buildSpeedOn(): boolean {
  return process.env.ATLAS_BUILD_SPEED !== 'off';
}
