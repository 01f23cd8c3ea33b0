/** Site-wide constants. Where the site is deployed lives in site.config.mjs. */
export const SITE_NAME = 'Backend Atlas';
export const SITE_TAGLINE = 'What backend developers do, what they need to know, and where the work leads.';
export const SITE_DESCRIPTION =
  'A guide to backend developer work: responsibilities, skills, impact and career paths, for people choosing, entering or growing in the career.';
