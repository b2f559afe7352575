// The social adapter family, injected by the worker where src/adapters/gates.ts mayBeSocial says yes.
import { SOCIAL_ADAPTERS } from '../src/adapters/social';
import { fitSocial } from '../src/contract/fit';
import { provideFamily } from '../src/content/families';

provideFamily('social', SOCIAL_ADAPTERS, { social: fitSocial });
