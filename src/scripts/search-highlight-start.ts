/** Entry of the highlight bundle, which search-loader.ts loads by URL on pages opened from a result. */
import { highlight } from './search-highlight';

void highlight();
