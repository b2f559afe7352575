// The blog adapter family, injected by the worker where src/adapters/gates.ts mayBeBlog says yes.
import { BLOG_ADAPTERS } from '../src/adapters/blog';
import { fitArticle, fitComments } from '../src/contract/fit';
import { provideFamily } from '../src/content/families';

provideFamily('blog', BLOG_ADAPTERS, { article: fitArticle, comments: fitComments });
