import type { KnownBlock, ModalView } from '@slack/types';

/** A modal whose blocks are all known block types, so callers and tests can inspect them typed. */
export type BrowseModal = Omit<ModalView, 'blocks'> & { blocks: KnownBlock[] };
