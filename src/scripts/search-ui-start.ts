/** Entry of the search UI bundle, which search-loader.ts loads by URL on first use. */
import { enhanceAll } from './search-ui';
import styles from './search.css?url';

const link = document.createElement('link');
link.rel = 'stylesheet';
link.href = styles;
document.head.append(link);
enhanceAll();
