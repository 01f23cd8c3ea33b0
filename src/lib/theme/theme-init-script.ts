import { THEME_STORAGE_KEY } from './theme.ts';

/**
 * Runs in <head> before the stylesheet and before any content is parsed, so the
 * first paint already has the stored theme (no flash of the other one). Kept tiny
 * and inline on purpose: it must not wait for a file. localStorage can throw
 * (storage disabled), in which case the system theme applies. Lives apart from
 * theme.ts so the browser bundle of the theme switch does not carry it.
 */
export const THEME_INIT_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==="light"||t==="dark")document.documentElement.dataset.theme=t}catch{}`;
