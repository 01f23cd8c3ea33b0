import styles from './search.css?url';

/** Links the stylesheet both search UIs share, once, however many of them load. */
export function addSearchStyles(): void {
  if (document.querySelector(`link[href="${styles}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = styles;
  document.head.append(link);
}
