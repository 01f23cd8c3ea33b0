/** Entry of the header search's bundle, which search-loader.ts loads by URL on first use. */
import { enhancePopups } from './search-popup';
import { addSearchStyles } from './search-styles';

addSearchStyles();
enhancePopups();
