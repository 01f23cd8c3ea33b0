/** Entry of the search page's bundle, which search-loader.ts loads by URL on first use. */
import { enhancePage } from './search-page';
import { addSearchStyles } from './search-styles';

addSearchStyles();
enhancePage();
