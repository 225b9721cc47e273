import type { KnownBlock, ModalView } from '@slack/types';

/** A modal whose blocks are known block types, so tests and callers can read them without casts. */
export type TransferModal = Omit<ModalView, 'blocks'> & { blocks: KnownBlock[] };
